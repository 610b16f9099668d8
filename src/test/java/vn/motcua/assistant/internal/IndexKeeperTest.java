package vn.motcua.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import vn.motcua.assistant.AssistantTuning;
import vn.motcua.assistant.ProcedureTextSource;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.catalogue.Performer;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.dossier.DossierHistory;

/** The index is rebuilt in the background: the old one answers until the new one is swapped in. */
class IndexKeeperTest {

    static ProcedureVersion version(String code, String name) {
        return new ProcedureVersion(code, name, "Hộ tịch", List.of(), UUID.randomUUID(), 1, ProcedureVersion.Status.PUBLISHED,
                LocalDate.of(2025, 7, 1), null, null, null, List.of(), List.of(), null, List.of(), List.of(), null,
                new Performer(null, null, null, null), null, null, null, null, false, List.of());
    }

    static IndexKeeper keeper(Catalogue catalogue) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        return new IndexKeeper(catalogue, beans.getBeanProvider(ProcedureTextSource.class),
                beans.getBeanProvider(DossierHistory.class), Clock.systemUTC());
    }

    @Test
    void theExampleFilesAreReadOncePerJvm() {
        List<String[]> lines = ExampleFiles.load();
        assertThat(ExampleFiles.load()).isSameAs(lines);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lines.add(new String[] {"q", "NONE", "s"}))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anEmptyCatalogueBuildsNoExamplesButTheEvaluationStillSeesEveryLine() {
        IndexKeeper keeper = keeper(AssistantTuning.catalogue(List::of));
        try {
            keeper.rebuildNow();
            assertThat(keeper.size()).isZero();
            assertThat(keeper.examples().size()).isZero();
            // the evaluation's seam reads every line on demand, whatever the catalogue
            assertThat(keeper.everyExample().size()).isEqualTo(ExampleFiles.load().size());
        } finally {
            keeper.stop();
        }
    }

    @Test
    void aSmallCatalogueKeepsOnlyTheLinesOfItsProceduresAndTheNegatives() {
        List<ProcedureVersion> small = SmallCatalogue.with("9.0", version("1.000656", "Đăng ký khai tử"),
                version("1.001193", "Đăng ký khai sinh"));
        Set<String> codes = new HashSet<>(small.stream().map(ProcedureVersion::code).toList());
        codes.add(ExampleIndex.NONE);
        List<String[]> lines = ExampleFiles.load();
        long answerable = lines.stream().filter(l -> codes.containsAll(List.of(l[1].split(",")))).count();
        IndexKeeper keeper = keeper(AssistantTuning.catalogue(() -> small));
        try {
            keeper.rebuildNow();
            ExampleIndex kept = keeper.examples();
            assertThat(kept.size()).isEqualTo(answerable).isLessThan(lines.size() / 2);
            assertThat(kept.examples()).allSatisfy(e -> assertThat(codes).containsAll(e.codes()));
            assertThat(kept.examples()).anyMatch(e -> e.codes().contains("1.000656"))
                    .anyMatch(e -> e.codes().contains(ExampleIndex.NONE));
            // the seam's view holds every line, each read against the same index, and is built once per build
            ExampleIndex every = keeper.everyExample();
            assertThat(every.size()).isEqualTo(lines.size());
            assertThat(keeper.everyExample()).isSameAs(every);
            keeper.rebuildNow();
            assertThat(keeper.everyExample()).isNotSameAs(every).extracting(ExampleIndex::size).isEqualTo(lines.size());
        } finally {
            keeper.stop();
        }
    }

    @Test
    void aRequestABuildAlreadyServedIsDropped() {
        java.util.concurrent.atomic.AtomicInteger catalogueReads = new java.util.concurrent.atomic.AtomicInteger();
        List<ProcedureVersion> one = List.of(version("1.000656", "Đăng ký khai tử"));
        IndexKeeper keeper = keeper(AssistantTuning.catalogue(() -> {
            catalogueReads.incrementAndGet(); // once per build: the keeper reads the versions in force only
            return one;
        }));
        try {
            assertThat(keeper.behind()).isFalse(); // nothing requested yet
            // a change committed, then an explicit build before the background thread got to it: that build read the
            // change, so the queued one has nothing to do (held here by the keeper's lock, which the build thread waits on)
            synchronized (keeper) {
                keeper.rebuild();
                assertThat(keeper.behind()).isTrue();
                keeper.rebuildNow();
                assertThat(keeper.behind()).isFalse();
                // a request after that build's read is served by a new build
                keeper.rebuild();
                assertThat(keeper.behind()).isTrue();
            }
            // catching up waits for that build (or makes it) and then builds nothing more while nothing is requested
            keeper.catchUp();
            assertThat(keeper.behind()).isFalse();
            int reads = catalogueReads.get();
            keeper.catchUp();
            assertThat(catalogueReads.get()).isEqualTo(reads);
            keeper.rebuild();
            keeper.catchUp();
            assertThat(keeper.behind()).isFalse();
            assertThat(catalogueReads.get()).isEqualTo(reads + 1);
        } finally {
            keeper.stop();
        }
    }

    @Test
    void theOldIndexServesWhileTheNewOneIsBuilt() throws Exception {
        AtomicReference<List<ProcedureVersion>> inForce = new AtomicReference<>(List.of(version("1.000656", "Đăng ký khai tử")));
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Boolean> block = new AtomicReference<>(false);
        Catalogue catalogue = AssistantTuning.catalogue(() -> {
            if (block.get()) {
                building.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return inForce.get();
        });
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        IndexKeeper keeper = new IndexKeeper(catalogue, beans.getBeanProvider(ProcedureTextSource.class),
                beans.getBeanProvider(DossierHistory.class), Clock.systemUTC());
        try {
            keeper.rebuildNow();
            assertThat(keeper.size()).isEqualTo(1);

            // a publication: two procedures now; the rebuild is held inside the catalogue read
            inForce.set(List.of(version("1.000656", "Đăng ký khai tử"), version("1.001193", "Đăng ký khai sinh")));
            block.set(true);
            keeper.rebuild();
            assertThat(building.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(keeper.size()).isEqualTo(1); // the old index still answers
            assertThat(keeper.current().meta("1.000656")).isNotNull();
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (keeper.size() != 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(keeper.size()).isEqualTo(2);
            assertThat(keeper.current().meta("1.001193")).isNotNull();
        } finally {
            keeper.stop();
        }
    }

    @Test
    void keepersOverTheSameInputsServeOneBuildAndAChangedInputBuildsAnew() {
        // each read gives new versions (new ids, as each context's import does): the build reads neither ids nor dates
        AtomicReference<List<String>> names = new AtomicReference<>(List.of("Đăng ký khai tử", "Đăng ký khai sinh"));
        java.util.function.Supplier<List<ProcedureVersion>> inForce = () -> List.of(version("1.000656", names.get().get(0)),
                version("1.001193", names.get().get(1)));
        AtomicReference<java.util.Map<String, List<String>>> texts = new AtomicReference<>(java.util.Map.of());
        AtomicReference<java.util.Map<String, Long>> counts = new AtomicReference<>(java.util.Map.of("1.000656", 20L));
        IndexKeeper first = keeper(AssistantTuning.catalogue(inForce), texts::get, counts::get);
        IndexKeeper second = keeper(AssistantTuning.catalogue(inForce), texts::get, counts::get);
        try {
            // the path of an import's event in each context: a request, then catching up
            first.rebuild();
            first.catchUp();
            second.rebuild();
            second.catchUp();
            ProcedureIndex shared = first.current();
            assertThat(shared.size()).isEqualTo(2);
            assertThat(second.current()).isSameAs(shared);
            assertThat(second.examples()).isSameAs(first.examples());
            assertThat(second.everyExample()).isSameAs(first.everyExample());

            // fewer dossiers than the popularity prior reads: the same build
            counts.set(java.util.Map.of("1.000656", 25L));
            second.rebuild();
            second.catchUp();
            assertThat(second.current()).isSameAs(shared);

            // a procedure renamed: a new build, which the other keeper (its catalogue unchanged for it) does not serve
            names.set(List.of("Đăng ký khai tử", "Đăng ký lại khai sinh"));
            second.rebuild();
            second.catchUp();
            assertThat(second.current()).isNotSameAs(shared);
            assertThat(second.current().meta("1.001193").name()).isEqualTo("Đăng ký lại khai sinh");
            assertThat(first.current()).isSameAs(shared);
            assertThat(first.current().meta("1.001193").name()).isEqualTo("Đăng ký khai sinh");
            // the first keeper told of the same change serves the second's build
            first.rebuild();
            first.catchUp();
            assertThat(first.current()).isSameAs(second.current());

            // an extra text (a published answer) and enough dossiers for the prior: each a new build
            ProcedureIndex renamed = second.current();
            texts.set(java.util.Map.of("1.000656", List.of("giấy báo tử")));
            second.rebuild();
            second.catchUp();
            assertThat(second.current()).isNotSameAs(renamed);
            assertThat(second.current().vocabulary()).containsKey("bao");
            ProcedureIndex withText = second.current();
            counts.set(java.util.Map.of("1.000656", 400L));
            second.rebuild();
            second.catchUp();
            assertThat(second.current()).isNotSameAs(withText);
            assertThat(second.current().meta("1.000656").popularity()).isGreaterThan(withText.meta("1.000656").popularity());

            // an explicit build makes a new one whatever (a bench times it), with the same contents
            ProcedureIndex before = first.current();
            first.rebuildNow();
            assertThat(first.current()).isNotSameAs(before);
            assertThat(first.current().size()).isEqualTo(before.size());
        } finally {
            first.stop();
            second.stop();
        }
    }

    static IndexKeeper keeper(Catalogue catalogue, java.util.function.Supplier<java.util.Map<String, List<String>>> texts,
                              java.util.function.Supplier<java.util.Map<String, Long>> counts) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("texts", (ProcedureTextSource) texts::get);
        beans.addBean("history", new DossierHistory() {
            @Override
            public java.util.Optional<vn.motcua.dossier.Dossier> lastSubmittedBy(String username) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Map<String, Long> countsByProcedure() {
                return counts.get();
            }
        });
        return new IndexKeeper(catalogue, beans.getBeanProvider(ProcedureTextSource.class),
                beans.getBeanProvider(DossierHistory.class), Clock.systemUTC());
    }
}
