package vn.motcua.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.Dossier;

/** The form of a dossier read from its row: parsed once, on first access, and then like any map of that content. */
class LazyJsonMapTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String FORM = """
            {"hoTen": "Nguyễn Văn An", "ngaySinh": "2025-07-02", "soCon": 2, "conSo": 1.5, "ghiChu": null,
             "kemTheo": true, "cha": {"hoTen": "Nguyễn Văn Bình", "namSinh": 1990, "diaChi": {"xa": "26740"}},
             "giayTo": ["CCCD", "Sổ hộ khẩu", {"loai": "khác", "so": 3}], "rong": {}, "mangRong": []}""";

    private final AtomicInteger parses = new AtomicInteger();
    private final Function<String, Map<String, Object>> parser = text -> {
        parses.incrementAndGet();
        return JSON.readValue(text, MAP);
    };

    private static Map<String, Object> parsed(String text) {
        return JSON.readValue(text, MAP);
    }

    @Test
    void parsesNothingUntilReadThenOnceWhateverIsAsked() {
        LazyJsonMap form = new LazyJsonMap(FORM, parser);
        assertThat(parses).hasValue(0);
        assertThat(form.isParsed()).isFalse();
        assertThat(form.json()).isEqualTo(FORM);

        assertThat(form.get("hoTen")).isEqualTo("Nguyễn Văn An");
        assertThat(parses).hasValue(1);
        assertThat(form.size()).isEqualTo(10);
        assertThat(form.containsKey("ghiChu")).isTrue();
        assertThat(form.get("ghiChu")).isNull();
        assertThat(form.containsValue(true)).isTrue();
        assertThat(form.keySet()).startsWith("hoTen", "ngaySinh");
        assertThat(form.entrySet()).hasSize(10);
        assertThat(form.values()).contains(2, 1.5);
        assertThat(form.hashCode()).isEqualTo(parsed(FORM).hashCode());
        assertThat(form).isEqualTo(parsed(FORM));
        assertThat(form.toString()).isEqualTo(parsed(FORM).toString());
        assertThat(parses).hasValue(1);
    }

    @Test
    void manyThreadsReadingFirstTogetherParseOnce() throws Exception {
        LazyJsonMap form = new LazyJsonMap(FORM, parser);
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> reads = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                reads.add(pool.submit(() -> {
                    go.await();
                    return form.get("cha");
                }));
            }
            go.countDown();
            for (Future<Object> r : reads) {
                assertThat(r.get()).isEqualTo(parsed(FORM).get("cha"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(parses).hasValue(1);
    }

    @Test
    void equalsAndHashCodeAreThoseOfAHashMapWithTheSameContentBothWays() {
        Map<String, Object> expected = new HashMap<>(parsed(FORM));
        LazyJsonMap form = new LazyJsonMap(FORM, parser);
        assertThat(form.equals(expected)).isTrue();
        assertThat(expected.equals(form)).isTrue();
        assertThat(form.hashCode()).isEqualTo(expected.hashCode());
        assertThat(form).isEqualTo(new LazyJsonMap(FORM, parser));

        Map<String, Object> other = new HashMap<>(expected);
        other.put("soCon", 3);
        assertThat(form).isNotEqualTo(other);
        assertThat(other).isNotEqualTo(form);
        assertThat(form).isNotEqualTo(new LazyJsonMap("{\"hoTen\": \"Nguyễn Văn An\"}", parser));
        assertThat(form).isNotEqualTo(List.of());
    }

    @Test
    void nestedValuesAreWhatTheParserGives() {
        LazyJsonMap form = new LazyJsonMap(FORM, parser);
        assertThat(form.get("cha")).isEqualTo(Map.of("hoTen", "Nguyễn Văn Bình", "namSinh", 1990, "diaChi", Map.of("xa", "26740")));
        assertThat(form.get("giayTo")).isEqualTo(List.of("CCCD", "Sổ hộ khẩu", Map.of("loai", "khác", "so", 3)));
        assertThat(form.get("rong")).isEqualTo(Map.of());
        assertThat(form.get("mangRong")).isEqualTo(List.of());
        assertThat(new ArrayList<>(form.keySet())).containsExactlyElementsOf(parsed(FORM).keySet());
    }

    @Test
    void anEmptyObjectAndAJsonNullAreEmptyMaps() {
        for (String text : List.of("{}", " { } ", "null")) {
            LazyJsonMap form = new LazyJsonMap(text, parser);
            assertThat(form).as(text).isEmpty();
            assertThat(form).as(text).isEqualTo(Map.of()).isEqualTo(new HashMap<>());
            assertThat(form.hashCode()).as(text).isZero();
            assertThat(form.get("x")).as(text).isNull();
            assertThat(form.toString()).as(text).isEqualTo("{}");
        }
    }

    @Test
    void isReadOnly() {
        for (String text : List.of(FORM, "{}")) {
            LazyJsonMap form = new LazyJsonMap(text, parser);
            assertThatThrownBy(() -> form.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> form.remove("hoTen")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> form.remove("x")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> form.putAll(Map.of("x", 1))).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(form::clear).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> form.putIfAbsent("x", 1)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> form.keySet().remove("hoTen")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> form.values().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> form.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
        LazyJsonMap form = new LazyJsonMap(FORM, parser);
        assertThatThrownBy(() -> form.entrySet().iterator().next().setValue("y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> {
            var it = form.entrySet().iterator();
            it.next();
            it.remove();
        }).isInstanceOf(UnsupportedOperationException.class);
        assertThat(form).isEqualTo(parsed(FORM));
    }

    @Test
    void writesAsTheSameJsonAsTheParsedMap() {
        assertThat(JSON.writeValueAsString(new LazyJsonMap(FORM, parser))).isEqualTo(JSON.writeValueAsString(parsed(FORM)));
        assertThat(JSON.writeValueAsString(new LazyJsonMap("{}", parser))).isEqualTo("{}");
    }

    @Test
    void aDossierWithALazyFormEqualsOneWithTheParsedForm() {
        Dossier lazy = dossier(new LazyJsonMap(FORM, parser));
        Dossier eager = dossier(new LinkedHashMap<>(parsed(FORM)));
        assertThat(lazy).isEqualTo(eager);
        assertThat(eager).isEqualTo(lazy);
        assertThat(lazy.hashCode()).isEqualTo(eager.hashCode());
        assertThat(lazy).isNotEqualTo(dossier(Map.of()));
    }

    private static Dossier dossier(Map<String, Object> form) {
        return new Dossier(new java.util.UUID(1, 2), null, "7KQ4M2XD9P", "1.001193", "Đăng ký khai sinh", null, Dossier.Channel.ONLINE,
                vn.motcua.dossier.DossierState.SUBMITTED,
                new Dossier.Applicant(Dossier.Applicant.Kind.PERSON, "Nguyễn Văn An", null, "0912345678", null),
                "26740", "1 Lê Lợi", form, null, "UBND-26740", "UBND phường Sài Gòn", null, "congdan",
                null, null, null, null, null, null, 0);
    }

    @Property(tries = 200)
    void anyObjectWrittenAndReadLazilyEqualsTheOriginal(@ForAll("forms") Map<String, Object> original) {
        String text = JSON.writeValueAsString(original);
        AtomicInteger reads = new AtomicInteger();
        LazyJsonMap form = new LazyJsonMap(text, t -> {
            reads.incrementAndGet();
            return JSON.readValue(t, MAP);
        });
        assertThat(form).isEqualTo(original);
        assertThat(original).isEqualTo(form);
        assertThat(form.hashCode()).isEqualTo(original.hashCode());
        assertThat(form.keySet()).containsExactlyElementsOf(original.keySet());
        assertThat(reads).hasValue(1);
    }

    private static net.jqwik.api.arbitraries.StringArbitrary text() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars("Đđăâêôơưạảấầẩẫậếềễệỏốồổỗộớờởỡợ \"\\\n\t/");
    }

    @Provide
    Arbitrary<Map<String, Object>> forms() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(text().ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.of(true, false).map(b -> (Object) b));
        Arbitrary<Object> nested = Arbitraries.oneOf(scalar,
                scalar.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(text().ofMinLength(1).ofMaxLength(6), scalar).ofMaxSize(4)
                        .map(m -> (Object) new LinkedHashMap<>(m)));
        return Arbitraries.maps(text().ofMinLength(1).ofMaxLength(10), nested).ofMaxSize(8)
                .map(LinkedHashMap::new);
    }
}
