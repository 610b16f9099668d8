package vn.motcua.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.Dossier;
import vn.motcua.support.Tries;

/** The form of a dossier read from its row: parsed once, on first access, and then like any map of that content. */
@ExtendWith(Tries.SeedOnFailure.class)
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

    @ParameterizedTest
    @MethodSource("forms")
    void anyObjectWrittenAndReadLazilyEqualsTheOriginal(Map<String, Object> original) {
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

    private static final String TEXT = "abcdefghijklmnopqrstuvwxyzĐđăâêôơưạảấầẩẫậếềễệỏốồổỗộớờởỡợ \"\\\n\t/";

    /**
     * Edge cases (the empty form, empty strings and containers, quotes, backslashes and control characters, the ends of
     * int), then 200 seeded forms (as before) of up to 8 keys whose values are text, ints, booleans, or lists and
     * objects of those.
     */
    static Stream<Map<String, Object>> forms() {
        Random r = Tries.random("anyObjectWrittenAndReadLazilyEqualsTheOriginal");
        Map<String, Object> edge = new LinkedHashMap<>();
        edge.put("\"", "");
        edge.put("\\", "\\\"\n\t/");
        edge.put("min", Integer.MIN_VALUE);
        edge.put("max", Integer.MAX_VALUE);
        edge.put("zero", 0);
        edge.put("list", List.of());
        edge.put("map", new LinkedHashMap<>());
        edge.put("đ", List.of(true, false, "ợ"));
        Stream<Map<String, Object>> edges = Stream.of(new LinkedHashMap<>(), edge,
                new LinkedHashMap<>(Map.of("a", new LinkedHashMap<>(Map.of("b", -1)))));
        return Stream.concat(edges, Stream.generate(() -> form(r)).limit(200));
    }

    private static Map<String, Object> form(Random r) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (int i = Tries.between(r, 0, 8); i > 0; i--) {
            form.put(Tries.string(r, TEXT, 1, 10), nested(r));
        }
        return form;
    }

    private static Object nested(Random r) {
        switch (r.nextInt(3)) {
            case 0: {
                List<Object> list = new ArrayList<>();
                for (int i = Tries.between(r, 0, 4); i > 0; i--) {
                    list.add(scalar(r));
                }
                return list;
            }
            case 1: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = Tries.between(r, 0, 4); i > 0; i--) {
                    map.put(Tries.string(r, TEXT, 1, 6), scalar(r));
                }
                return map;
            }
            default:
                return scalar(r);
        }
    }

    private static Object scalar(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> Tries.string(r, TEXT, 0, 12);
            case 1 -> Tries.between(r, Integer.MIN_VALUE, Integer.MAX_VALUE);
            default -> r.nextBoolean();
        };
    }
}
