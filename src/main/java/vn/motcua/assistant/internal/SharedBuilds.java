package vn.motcua.assistant.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import vn.motcua.assistant.ProcedureTextSource;

/**
 * The assistant's builds, shared by every {@link IndexKeeper} of the JVM. Why: a JVM may hold several application
 * contexts (the test JVM caches one per configuration), each with its own keeper; over the same catalogue each built the
 * same index again (seconds) and held its own copy (hundreds of MB with ~14,000 example lines: the test heap ran out).
 * <p>
 * Keyed by the build's inputs themselves, compared by {@code equals} (no digest, hence no collision): a changed procedure,
 * text, example from use or popularity count is a different key and builds anew. A build is immutable once made (see
 * {@link IndexKeeper.Built}), so keepers may serve the same one. An entry is held weakly (alive while some keeper serves
 * it, so the cache never keeps a build nobody uses) and the last one strongly (a keeper made after the previous one
 * stopped, as the unit tests do, still finds it). Builds are serialised JVM-wide by this class's lock, never held while
 * the inputs are read: a second keeper over the same inputs waits for the first one's build instead of making it too.
 */
final class SharedBuilds {

    /** Everything a build reads. The example lines are the JVM's one parsed list ({@link ExampleFiles#load}). */
    record Inputs(List<ProcedureIndex.Source> procedures, Map<String, List<String>> extraTexts,
                  Map<String, Long> popularityCounts, List<ProcedureTextSource.AnsweredExample> fromUse,
                  List<String[]> exampleLines) {
    }

    /** A build and the inputs it was made from; a keeper holds the one it serves. */
    record Entry(Inputs inputs, IndexKeeper.Built built) {
    }

    private static final List<WeakReference<Entry>> entries = new ArrayList<>();
    private static Entry last;

    private SharedBuilds() {
    }

    /**
     * The build of these inputs: the one already made when some keeper serves it (or it was the last), else made now by
     * {@code build}; {@code fresh} makes it anew whatever (a bench times a real build) and replaces the one kept.
     * Returns the entry and whether it was made by this call.
     */
    static synchronized Result get(Inputs inputs, boolean fresh, Function<Inputs, IndexKeeper.Built> build) {
        entries.removeIf(r -> r.get() == null);
        Entry found = null;
        for (WeakReference<Entry> r : entries) {
            Entry e = r.get();
            if (e != null && e.inputs().equals(inputs)) {
                found = e;
                break;
            }
        }
        boolean made = fresh || found == null;
        if (made) {
            Entry old = found;
            entries.removeIf(r -> r.get() == old);
            found = new Entry(inputs, build.apply(inputs));
            entries.add(new WeakReference<>(found));
        }
        last = found;
        return new Result(found, made);
    }

    record Result(Entry entry, boolean made) {
    }
}
