package vn.motcua.assistant.internal;

import vn.motcua.platform.time.VietnamTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import vn.motcua.assistant.ProcedureTextSource;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.dossier.DossierHistory;

/**
 * The index the assistant answers from: built from the catalogue's versions in force (and any extra texts, and the
 * dossier counts for popularity) on a background thread; the old index keeps serving until the new one is swapped in.
 * Keepers over the same inputs (the test JVM's contexts) serve one build ({@link SharedBuilds}).
 */
final class IndexKeeper {

    private static final Logger log = LoggerFactory.getLogger(IndexKeeper.class);
    private static final ZoneId ZONE = VietnamTime.ZONE;

    private final Catalogue catalogue;
    private final ObjectProvider<ProcedureTextSource> textSources;
    private final ObjectProvider<DossierHistory> history;
    private final Clock clock;
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "assistant-index");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    /** Rebuild requests so far, and how many of them the last build had seen when it read the catalogue. */
    private final AtomicLong requested = new AtomicLong();
    private long servedUpTo;
    /** The build serving now (its index and examples swapped in together), possibly shared with other keepers. */
    private volatile SharedBuilds.Entry served = new SharedBuilds.Entry(null, Built.EMPTY);
    private final QueryReader reader = new QueryReader();
    private final List<String[]> exampleLines = ExampleFiles.load();
    private final java.util.Set<String> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile long lastEmptyRebuild;

    IndexKeeper(Catalogue catalogue, ObjectProvider<ProcedureTextSource> textSources,
                ObjectProvider<DossierHistory> history, Clock clock) {
        this.catalogue = catalogue;
        this.textSources = textSources;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Queues a rebuild on the background thread (at most one waiting); the current index serves meanwhile. A request is
     * made once the change is committed, so a build that started after it has read the change: the queued one is dropped.
     */
    void rebuild() {
        requested.incrementAndGet();
        if (queued.compareAndSet(false, true)) {
            builder.submit(() -> {
                queued.set(false);
                try {
                    catchUp();
                } catch (RuntimeException e) {
                    log.warn("Assistant index rebuild failed; the previous index keeps serving", e);
                }
            });
        }
    }

    /** Builds now when a requested rebuild is not yet served (after waiting for a build under way); else nothing. */
    synchronized void catchUp() {
        if (behind()) {
            refresh(false);
        }
    }

    /** Whether a rebuild was requested after the serving index's build read the catalogue. */
    synchronized boolean behind() {
        return servedUpTo < requested.get();
    }

    /** Builds now from the inputs as they are, even when another keeper built the same (a bench times a real build). */
    synchronized long rebuildNow() {
        return refresh(true);
    }

    /** Serves the build of the inputs as they are: another keeper's when it built the same, else one made now. */
    private synchronized long refresh(boolean fresh) {
        long t0 = System.nanoTime();
        long seen = requested.get();
        Map<String, List<String>> extra = new HashMap<>();
        List<ProcedureTextSource.AnsweredExample> fromUse = new ArrayList<>();
        textSources.orderedStream().forEach(s -> {
            s.textsByProcedure().forEach((code, texts) -> extra.computeIfAbsent(code, c -> new ArrayList<>()).addAll(texts));
            fromUse.addAll(s.answeredExamples());
        });
        SharedBuilds.Inputs inputs = new SharedBuilds.Inputs(
                ProcedureIndex.sources(catalogue.allInForce(LocalDate.now(clock.withZone(ZONE)))), extra,
                ProcedureIndex.popularityCounts(dossierCounts()), fromUse, exampleLines);
        SharedBuilds.Result r = SharedBuilds.get(inputs, fresh, this::build);
        served = r.entry();
        servedUpTo = seen;
        Built b = r.entry().built();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (r.made()) {
            log.info("Assistant index: {} procedures, {} of {} examples, in {} ms (Lucene {} ms)", b.index.size(),
                    b.examples.size(), b.everyLine.size(), ms, b.index.buildMillis());
        } else {
            log.info("Assistant index: {} procedures, {} of {} examples, the build of the same inputs already made, in {} ms",
                    b.index.size(), b.examples.size(), b.everyLine.size(), ms);
        }
        return ms;
    }

    /** One build from its inputs; reads nothing else but the JVM's constants (the lexicon, the example files). */
    private Built build(SharedBuilds.Inputs in) {
        ProcedureIndex built = ProcedureIndex.fromSources(in.procedures(), in.extraTexts(), in.popularityCounts());
        List<String[]> every = ExampleIndex.withUse(in.exampleLines(), in.fromUse());
        // a question repeated across sets is read once; the readings serve the evaluation's view too (everyExample)
        // (the reading captures the reader, not this keeper: a shared build must not hold its maker's context)
        Map<String, QueryReader.Reading> readings = new java.util.concurrent.ConcurrentHashMap<>();
        QueryReader qr = reader;
        Function<String, QueryReader.Reading> read = q -> readings.computeIfAbsent(q, x -> qr.read(x, built));
        ExampleIndex ex = ExampleIndex.empty();
        if (built.size() > 0) {
            // an empty catalogue answers nothing: its examples would be read for nothing (seconds at each start)
            // the examples are read against the new index's vocabulary (typo correction), like a question
            // a line naming a procedure the catalogue does not hold is reported (once) and skipped
            List<String[]> lines = ExampleFiles.known(every, c -> built.meta(c) != null, problem -> {
                if (reported.add(problem)) {
                    log.warn("Assistant examples: {}", problem);
                }
            });
            ex = ExampleIndex.build(lines, read);
        }
        return new Built(built, ex, every, read);
    }

    /**
     * One build's result. Shareable across keepers and threads: the procedure index is immutable (a Lucene searcher
     * over a closed in-memory directory, copied maps), so is the example index (its views are caches of pure functions
     * of its lines, in concurrent maps); the evaluation's every-line view is made once, under this object's lock.
     */
    static final class Built {

        static final Built EMPTY = new Built(ProcedureIndex.empty(), ExampleIndex.empty(), List.of(), null);

        final ProcedureIndex index;
        final ExampleIndex examples;
        /** Every example line, and their index once the evaluation asked for it (the production one when it kept all). */
        private final List<String[]> everyLine;
        private ExampleIndex everyExample;
        private Function<String, QueryReader.Reading> everyRead;

        Built(ProcedureIndex index, ExampleIndex examples, List<String[]> everyLine,
              Function<String, QueryReader.Reading> read) {
            this.index = index;
            this.examples = examples;
            this.everyLine = everyLine;
            this.everyExample = examples.size() == everyLine.size() ? examples : null;
            this.everyRead = everyExample == null ? read : null;
        }

        synchronized ExampleIndex everyExample() {
            if (everyExample == null) {
                long t0 = System.nanoTime();
                everyExample = ExampleIndex.build(everyLine, everyRead);
                everyRead = null;
                log.info("Assistant examples, every line (the evaluation's view): {} in {} ms", everyExample.size(),
                        (System.nanoTime() - t0) / 1_000_000);
            }
            return everyExample;
        }
    }

    private Map<String, Long> dossierCounts() {
        DossierHistory h = history.getIfAvailable();
        if (h == null) {
            return Map.of();
        }
        try {
            return h.countsByProcedure();
        } catch (RuntimeException e) {
            log.warn("Assistant index: no dossier counts ({}); the catalogue's own signals stand in", e.toString());
            return Map.of();
        }
    }

    /** The answered examples read against the index serving now. */
    ExampleIndex examples() {
        current();
        return served.built().examples;
    }

    /**
     * Every example line, whatever procedures the catalogue holds, read against the index serving now: the evaluation's
     * seam (leave-one-set-out over a test's handful of procedures still measures with the whole corpus). The production
     * index itself when it kept every line; otherwise built on the first call after a build, then kept.
     */
    ExampleIndex everyExample() {
        current();
        return served.built().everyExample();
    }

    int size() {
        return served.built().index.size();
    }

    void stop() {
        builder.shutdownNow();
    }

    /** The index serving now; built once in the caller's thread when nothing was ever built. */
    ProcedureIndex current() {
        ProcedureIndex i = served.built().index;
        if (i.size() == 0 && System.currentTimeMillis() - lastEmptyRebuild > 5_000) {
            // nothing built yet (the catalogue was imported after start without an event reaching us): build once now
            lastEmptyRebuild = System.currentTimeMillis();
            refresh(false);
            i = served.built().index;
        }
        return i;
    }
}
