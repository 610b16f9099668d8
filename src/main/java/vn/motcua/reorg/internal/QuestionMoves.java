package vn.motcua.reorg.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.questions.QuestionCustody;
import vn.motcua.reorg.RoutingRule;
import vn.motcua.territory.Agency;
import vn.motcua.territory.Territory;
import vn.motcua.territory.TerritoryAgencies;

/**
 * Citizens' open questions in a plan: they move with their agency like dossiers, through the questions module's
 * {@link QuestionCustody}. A question has no address of its own to route by, so each closing agency's questions go
 * together: to its successor agency when the plan gives one (a full merge, a rename), otherwise to the triage queue of
 * the province service centre (a split, functions handed to the communes), as routing does for an uncertain place.
 * <ul>
 * <li>dry run: {@link #preview} — open questions per closing agency and their destination;</li>
 * <li>execution: {@link #execute} — journaled once ({@code reorg_question_move}), then each agency's move and its
 * journal row commit together, so a resumed run moves only what did not commit, and never twice;</li>
 * <li>reconciliation: {@link #reconcile} — journaled = moved, and none left on a closing agency;</li>
 * <li>stranded check: {@link #stranded} — open questions held by an agency with no version valid today.</li>
 * </ul>
 */
@Service
class QuestionMoves {

    private static final Logger log = LoggerFactory.getLogger(QuestionMoves.class);

    private final QuestionCustody custody;
    private final QuestionMoveStore store;
    private final TransactionTemplate tx;
    private final Clock clock;

    private final TerritoryAgencies agencies;
    private final Territory territory;

    QuestionMoves(QuestionCustody custody, QuestionMoveStore store, TransactionTemplate tx, Clock clock,
                  TerritoryAgencies agencies, Territory territory) {
        this.agencies = agencies;
        this.territory = territory;
        this.custody = custody;
        this.store = store;
        this.tx = tx;
        this.clock = clock;
    }

    /** What would move: per closing agency holding open questions, their count and destination. */
    List<Reports.QuestionMove> preview(Router router) {
        Map<String, Long> open = new TreeMap<>();
        custody.openHeldBy(router.closingAgencies().keySet()).forEach(q -> open.merge(q.agencyCode(), 1L, Long::sum));
        List<Reports.QuestionMove> out = new ArrayList<>();
        open.forEach((agency, n) -> {
            Router.Decision d = decide(router, agency);
            if (d != null && d.to() != null && d.to().code().equals(agency)) {
                return; // the agency keeps its code: nothing moves
            }
            out.add(new Reports.QuestionMove(agency, d == null || d.to() == null ? null : d.to().code(),
                    d == null || d.to() == null ? null : d.to().name(), d == null ? null : d.rule().name(), n, null));
        });
        return out;
    }

    /** The destination of a closing agency's questions: its full successor, else the province's triage. */
    static Router.Decision decide(Router router, String agency) {
        Router.Route r = router.routes().stream().filter(x -> x.from().code().equals(agency)).findFirst().orElse(null);
        if (r == null) {
            return null;
        }
        if (r.full() != null) {
            return new Router.Decision(r.full(), RoutingRule.FULL_MERGE, null);
        }
        return new Router.Decision(r.triage(), RoutingRule.TRIAGE, "noSingleSuccessor");
    }

    /**
     * Journals the moves once (the first run), then makes those not made yet, each in its own transaction with its
     * journal row. Returns how many questions this run moved.
     */
    int execute(UUID planId, CompiledPlan plan, Router router, String reason) {
        if (!store.journaled(planId)) {
            List<QuestionMoveStore.Row> rows = new ArrayList<>();
            for (Reports.QuestionMove m : preview(router)) {
                if (m.toAgency() == null) {
                    log.warn("Plan {}: no destination for the {} open questions of {}; the stranded check will show them",
                            planId, m.open(), m.fromAgency());
                    continue;
                }
                rows.add(new QuestionMoveStore.Row(m.fromAgency(), m.toAgency(), m.toAgencyName(), m.rule(),
                        (int) m.open(), null));
            }
            store.journal(planId, rows);
        }
        int moved = 0;
        String reference = planId.toString();
        for (QuestionMoveStore.Row r : store.rows(planId)) {
            if (r.moved() != null) {
                continue;
            }
            Integer n = tx.execute(s -> {
                if (!store.markMoved(planId, r.fromAgency(), 0, clock.instant())) {
                    return 0; // another run made it
                }
                int m = custody.moveOpen(r.fromAgency(), r.toAgency(), plan.effectiveDate(), reference, reason);
                store.setMoved(planId, r.fromAgency(), m);
                return m;
            });
            moved += n == null ? 0 : n;
        }
        if (moved > 0) {
            log.info("Plan {}: {} open questions moved to their successor agencies", planId, moved);
        }
        return moved;
    }

    /**
     * The questions' reconciliation: journaled, moved, and open ones still held by an agency of the plan's closing
     * units that has no version from the effective date (or today, if later) on.
     */
    Reports.QuestionCounts reconcile(UUID planId, CompiledPlan plan) {
        LocalDate today = LocalDate.now(clock.withZone(PlanCompiler.VN));
        LocalDate on = plan.effectiveDate().isAfter(today) ? plan.effectiveDate() : today;
        List<String> closingAgencies = agencies.agenciesOf(plan.closing(), plan.dayBefore()).stream()
                .map(Agency::code).filter(c -> territory.agency(c, on).isEmpty()).toList();
        long before = 0;
        long moved = 0;
        for (QuestionMoveStore.Row r : store.rows(planId)) {
            before += r.openBefore();
            moved += r.moved() == null ? 0 : r.moved();
        }
        long held = custody.openHeldBy(closingAgencies).size();
        return new Reports.QuestionCounts(before, moved, held, before == moved && held == 0);
    }

    /** Open questions on an agency with no version valid today, for the system-wide stranded check. */
    QuestionCustody.Stranded stranded(Collection<String> validAgencies, int sample) {
        return custody.openHeldOutside(validAgencies, sample);
    }
}
