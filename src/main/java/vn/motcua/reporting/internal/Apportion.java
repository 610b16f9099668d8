package vn.motcua.reporting.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A predecessor split across several successors counts for one of them in proportion to where its dossiers went:
 * share = dossiers the reorganisation moved from its agencies to the successor's ÷ all it moved from them (the transfer
 * journal). Its counts are multiplied by the share and rounded to whole dossiers (half up), so numerators stay integers
 * and a numerator never exceeds its denominator (rounding is monotone). docs/indicators.md, "Lineage".
 */
final class Apportion {

    private Apportion() {
    }

    /** A split predecessor's agencies (with their windows) and the share of its figures that counts. */
    record Part(String unitCode, List<Holder> holders, double share, long movedHere, long moved) {
    }

    /** The share, or null when the journal moved nothing from these agencies (then the predecessor counts whole). */
    static Double share(Map<String, Long> destinations, Collection<String> successorAgencies) {
        long all = destinations.values().stream().mapToLong(Long::longValue).sum();
        if (all == 0) {
            return null;
        }
        long here = destinations.entrySet().stream().filter(e -> successorAgencies.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        return (double) here / all;
    }

    static long scale(long v, double w) {
        return Math.round(v * w);
    }

    static IndicatorQueries.Totals scale(IndicatorQueries.Totals t, double w) {
        long toProcess = scale(t.toProcess(), w);
        long onTime = scale(t.onTime(), w);
        long finished = scale(t.finished(), w);
        long late = toProcess - onTime;
        return new IndicatorQueries.Totals(scale(t.dossiers(), w), toProcess, onTime, finished, toProcess - finished,
                Math.min(scale(t.secondSupplement(), w), toProcess), scale(t.received(), w),
                scale(t.receivedPromised(), w), scale(t.online(), w), scale(t.fullyOnline(), w), scale(t.rated(), w),
                scale(t.satisfied(), w), scale(t.ratingSum(), w), scale(t.apologiesIssued(), w), late,
                Math.min(scale(t.lateWithApology(), w), late), scale(t.reused(), w));
    }

    static IndicatorService.Figures plus(IndicatorService.Figures a, IndicatorService.Figures b, double w) {
        Map<String, IndicatorQueries.ProcedureSum> byCode = new TreeMap<>();
        for (IndicatorQueries.ProcedureSum p : a.procedures()) {
            byCode.put(p.procedureCode(), p);
        }
        for (IndicatorQueries.ProcedureSum p : b.procedures()) {
            IndicatorQueries.ProcedureSum s = new IndicatorQueries.ProcedureSum(p.procedureCode(), p.procedureName(),
                    scale(p.finished(), w), p.seconds() * w, scale(p.results(), w), scale(p.eResults(), w),
                    scale(p.digitised(), w));
            byCode.merge(p.procedureCode(), s, IndicatorQueries.ProcedureSum::plus);
        }
        List<IndicatorQueries.ProcedureSum> procedures = new ArrayList<>(byCode.values());
        // A procedure whose apportioned counts round to nothing is left out.
        procedures.removeIf(p -> p.finished() == 0 && p.results() == 0);
        return new IndicatorService.Figures(a.totals().plus(scale(b.totals(), w)), procedures,
                a.source() + " + " + b.source() + " × " + w);
    }
}
