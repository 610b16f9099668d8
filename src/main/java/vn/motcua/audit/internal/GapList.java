package vn.motcua.audit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sealer's gap list for one chain: the numbers below the largest linked one that had no committed row when a
 * round read past them, as ranges. Each range keeps the {@code pg_snapshot_xmax} of the round that found it: once the
 * oldest running transaction is at or past it (and {@link #SETTLE} has passed, for a writer that had taken its number
 * but no transaction id yet), nothing can still commit into the range and it is dropped — the test the low-water mark
 * used. Pure arithmetic, so that it can be tested without a database.
 */
final class GapList {

    /** How long a range is kept at least, whatever the transactions say (as the mark waited before). */
    static final Duration SETTLE = Duration.ofSeconds(2);
    /**
     * At most this many ranges per chain: two reorganisation batches take their numbers side by side, so one of them
     * committing leaves the other's numbers as thousands of one-number ranges. Past the cap the closest ranges merge
     * (a merged range also covers linked rows, which its read passes over).
     */
    static final int MAX = 500;

    record Gap(long lo, long hi, long xmax, Instant foundAt) {
    }

    private GapList() {
    }

    /**
     * The gaps after a round that read every gap and the numbers above {@code top}, and linked {@code linked} (sorted).
     *
     * @param full     the round stopped at its batch size: numbers past the last one linked were not read
     * @param xminNow  the oldest running transaction before the round read
     * @param xmaxNow  the next transaction id after the round read (for the gaps it found)
     */
    static List<Gap> after(List<Gap> gaps, long top, long[] linked, boolean full, long xminNow, long xmaxNow, Instant now) {
        long readTo = full && linked.length > 0 ? linked[linked.length - 1] : Long.MAX_VALUE;
        List<Gap> out = new ArrayList<>();
        for (Gap g : gaps) {
            boolean settled = g.xmax() <= xminNow && !g.foundAt().isAfter(now.minus(SETTLE));
            long from = g.lo();
            int i = Arrays.binarySearch(linked, g.lo());
            for (i = i < 0 ? -i - 1 : i; i < linked.length && linked[i] <= g.hi(); i++) {
                keep(out, from, linked[i] - 1, g, settled, readTo);
                from = linked[i] + 1;
            }
            keep(out, from, g.hi(), g, settled, readTo);
        }
        long previous = top;
        for (long n : linked) {
            if (n > top) {
                if (n > previous + 1) {
                    out.add(new Gap(previous + 1, n - 1, xmaxNow, now));
                }
                previous = n;
            }
        }
        out.sort((a, b) -> Long.compare(a.lo(), b.lo()));
        return merged(out, MAX);
    }

    /** A piece of an earlier gap stays unless it is empty, or settled and read in full by this round. */
    private static void keep(List<Gap> out, long lo, long hi, Gap g, boolean settled, long readTo) {
        if (lo <= hi && !(settled && hi <= readTo)) {
            out.add(new Gap(lo, hi, g.xmax(), g.foundAt()));
        }
    }

    /** Merges the closest neighbours until at most {@code max} ranges are left; a merged range keeps the later of both tests. */
    static List<Gap> merged(List<Gap> gaps, int max) {
        if (gaps.size() <= max) {
            return gaps;
        }
        long[] distances = new long[gaps.size() - 1];
        for (int i = 1; i < gaps.size(); i++) {
            distances[i - 1] = gaps.get(i).lo() - gaps.get(i - 1).hi();
        }
        long[] sorted = distances.clone();
        Arrays.sort(sorted);
        long limit = sorted[gaps.size() - max - 1]; // merging every distance up to it leaves at most max ranges
        List<Gap> out = new ArrayList<>(max);
        Gap current = gaps.get(0);
        for (int i = 1; i < gaps.size(); i++) {
            Gap g = gaps.get(i);
            if (distances[i - 1] <= limit) {
                current = new Gap(current.lo(), g.hi(), Math.max(current.xmax(), g.xmax()),
                        current.foundAt().isAfter(g.foundAt()) ? current.foundAt() : g.foundAt());
            } else {
                out.add(current);
                current = g;
            }
        }
        out.add(current);
        return out;
    }

    /** The low-water mark: every number up to it is linked or will never be. */
    static long mark(List<Gap> gaps, long top) {
        return gaps.isEmpty() ? top : gaps.get(0).lo() - 1;
    }
}
