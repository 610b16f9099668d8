package vn.motcua.dossier.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.ui.Model;
import vn.motcua.dossier.spi.QueueRisk;
import vn.motcua.dossier.internal.DossierQueries;
import vn.motcua.dossier.internal.ProcessingQueries.QueueRow;

/**
 * The processing inbox ordered by deadline risk: the rows of the filter (at most {@link #MAX_ROWS}, in the default
 * order) rated by the {@link QueueRisk} port, the riskiest first; rows that cannot be rated keep their default order,
 * after the rated ones. Paged here, since the rating is not in the database.
 */
final class RiskOrder {

    /** An officer's open work is a few hundred steps at most; a leader's agency more, rated up to this many. */
    static final int MAX_ROWS = 1000;

    private RiskOrder() {
    }

    static DossierQueries.Page<QueueRow> page(QueueRisk risk, List<QueueRow> rows, int page, int size, Model model) {
        Map<UUID, Double> rated = risk.risks(rows.stream()
                .map(r -> new QueueRisk.Work(r.dossierId(), r.procedureCode(), r.stepCode(),
                        r.stepDueAt() != null ? r.stepDueAt() : r.dueAt()))
                .toList());
        List<QueueRow> sorted = new ArrayList<>(rows);
        // List.sort is stable: equal and unrated rows keep the default (due time) order.
        sorted.sort(Comparator.comparing((QueueRow r) -> rated.getOrDefault(r.dossierId(), -1.0)).reversed());
        Map<UUID, String> levels = new HashMap<>();
        rows.forEach(r -> levels.put(r.dossierId(), QueueRisk.level(rated.get(r.dossierId()))));
        model.addAttribute("riskLevels", levels);
        int last = Math.max(0, (sorted.size() + size - 1) / size - 1);
        int p = Math.min(Math.max(0, page), last);
        List<QueueRow> items = sorted.subList(Math.min(sorted.size(), p * size), Math.min(sorted.size(), (p + 1) * size));
        return new DossierQueries.Page<>(List.copyOf(items), sorted.size(), p, size);
    }
}
