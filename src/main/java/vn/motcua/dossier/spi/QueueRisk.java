package vn.motcua.dossier.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A port for the processing inbox's "sort by deadline risk": a module above (the assistant, which knows how long each
 * step of each procedure typically takes) rates the open steps shown. Without an implementation the inbox offers
 * only its default order.
 */
public interface QueueRisk {

    /** An open step in the inbox: the dossier, its procedure, the step's code and its due time (null: none). */
    record Work(UUID dossierId, String procedureCode, String stepCode, Instant dueAt) {
    }

    /**
     * Per dossier: the typical time of this step for this procedure ÷ the time left ({@code
     * Double.POSITIVE_INFINITY} when overdue). Dossiers whose risk cannot be told (no due time, no history) are absent.
     */
    Map<UUID, Double> risks(List<Work> work);

    /** The band shown next to a risk: OVERDUE, HIGH (≥ 1: typically not done in time), MEDIUM (≥ 0.5), LOW, UNKNOWN. */
    static String level(Double risk) {
        if (risk == null) {
            return "UNKNOWN";
        }
        return risk.isInfinite() ? "OVERDUE" : risk >= 1 ? "HIGH" : risk >= 0.5 ? "MEDIUM" : "LOW";
    }
}
