package vn.motcua.dossier.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.internal.ProcessingRules.Action;
import vn.motcua.dossier.internal.ProcessingStore.Step;
import vn.motcua.dossier.internal.ProcessingStore.StepDef;
import vn.motcua.platform.text.FieldKeys;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.PostRole;
import vn.motcua.territory.Staff;

/**
 * What this officer (or applicant) may do now on a dossier, for the pages and the API: the same rules the actions check
 * (posts today, the open step's role, agency, field and assignee, the state table), asked without locking the row.
 */
@Component
class AvailableActions {

    private final ProcessingStore steps;
    private final Staff staff;

    AvailableActions(ProcessingStore steps, Staff staff) {
        this.steps = steps;
        this.staff = staff;
    }

    Set<Action> of(Dossier d, String username, Instant now) {
        Set<Action> out = EnumSet.noneOf(Action.class);
        if (!ProcessingRules.inProcessing(d.state()) && d.state() != DossierState.RETURNED) {
            return out;
        }
        List<PostHolding> posts = staff.postsOf(username, ProcessingContext.today(now));
        Step s = steps.openStep(d.id()).orElse(null);
        if (d.state() == DossierState.RETURNED) {
            if (d.submittedBy().equals(username) && steps.result(d.id()).map(r -> r.rating() == null).orElse(false)) {
                out.add(Action.RATE);
            }
            return out;
        }
        if (d.state() == DossierState.PROCESSING_PAUSED && d.submittedBy().equals(username)) {
            out.add(Action.SUPPLY);
        }
        boolean inAgency = posts.stream().anyMatch(p -> p.agency().code().equals(d.agencyCode())
                || (s != null && p.agency().code().equals(s.agencyCode())));
        if (!inAgency) {
            return out;
        }
        if (d.dueAt() != null && now.isBefore(d.dueAt())) {
            out.add(Action.EXTEND);
        }
        if (posts.stream().anyMatch(p -> p.agency().code().equals(d.agencyCode())
                && (p.role() == PostRole.LEADER || p.role() == PostRole.RECEPTION))) {
            out.add(Action.STOP);
        }
        if (s != null) {
            boolean holds = posts.stream().anyMatch(p -> p.role() == s.role() && p.agency().code().equals(s.agencyCode())
                    && FieldKeys.covers(p.field(), s.fieldKey()));
            boolean leads = posts.stream().anyMatch(p -> p.role() == PostRole.LEADER && p.agency().code().equals(s.agencyCode()));
            if (leads) {
                out.add(Action.ASSIGN);
            }
            if (holds && s.assignee() == null) {
                out.add(Action.CLAIM);
            }
            boolean performer = holds && (s.assignee() == null || s.assignee().equals(username));
            if (performer) {
                List<StepDef> process = steps.process(d.id());
                int decision = ProcessStart.decisionStep(process).order();
                if (s.order() < decision) {
                    out.add(Action.FORWARD);
                }
                if (s.order() == decision) {
                    out.add(Action.DECIDE);
                }
                if (s.role() != PostRole.RECEPTION) {
                    out.add(Action.REQUEST_SUPPLEMENT);
                    out.add(Action.TRANSFER);
                } else if (s.order() > decision) {
                    out.add(Action.RETURN_RESULT);
                }
                if (s.order() > 2 || (s.order() == 2 && process.get(0).role() != PostRole.RECEPTION)) {
                    out.add(Action.SEND_BACK);
                }
            }
        }
        out.removeIf(a -> !ProcessingRules.allowed(d.state(), a));
        return out;
    }
}
