package vn.motcua.dossier.internal;

import static vn.motcua.dossier.internal.ProcessingContext.handoff;
import static vn.motcua.dossier.internal.ProcessingContext.requirePost;
import static vn.motcua.dossier.internal.ProcessingContext.requireText;
import static vn.motcua.dossier.internal.ProcessingContext.today;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.dossier.spi.AssignmentCheck;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.internal.ProcessingContext.Ctx;
import vn.motcua.dossier.internal.ProcessingRules.Action;
import vn.motcua.dossier.internal.ProcessingStore.Step;
import vn.motcua.dossier.internal.ProcessingStore.StepDef;
import vn.motcua.platform.api.ApiException;
import vn.motcua.territory.Agency;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.PostRole;
import vn.motcua.territory.Territory;

/**
 * Steps and assignment: claiming a queued step, a leader's (re)assignment, forwarding to the next step, sending back
 * one step, and inter-agency transfer (liên thông). None of them changes the dossier's state; each finishes and/or
 * opens steps, bumps the row's version and appends one history entry.
 */
@Service
@Transactional
class ProcessingSteps {

    private final ProcessingContext context;
    private final DossierStore store;
    private final ProcessingStore steps;
    private final ProcessStart start;
    private final Territory territory;
    private final List<AssignmentCheck> checks;

    ProcessingSteps(ProcessingContext context, DossierStore store, ProcessingStore steps, ProcessStart start,
                    Territory territory, List<AssignmentCheck> checks) {
        this.context = context;
        this.store = store;
        this.steps = steps;
        this.start = start;
        this.territory = territory;
        this.checks = List.copyOf(checks);
    }

    /** Modules above may refuse a named officer (e.g. untrained for the procedure, when the setting blocks it). */
    private void checkAssignee(Ctx c, String assignee) {
        for (AssignmentCheck check : checks) {
            check.beforeAssigning(c.d().procedureCode(), assignee);
        }
    }

    Dossier claim(UUID id, Integer version, String username, Instant now) {
        Ctx c = context.begin(id, version, username, Action.CLAIM, now);
        Step s = c.open();
        PostHolding post = context.requirePost(c, s);
        if (s.assignee() != null) {
            throw ApiException.conflict(s.assignee().equals(username) ? "processing.claim.mine" : "processing.claim.taken",
                    String.valueOf(s.assigneeName()));
        }
        Actor actor = context.actor(username, post);
        steps.assign(id, s.seq(), username, actor.displayName(), now);
        Dossier out = store.transition(c.d(), c.d().version(), c.to(), DossierChange.none());
        store.appendEvent(id, now, DossierEventType.CLAIMED, c.d().state(), c.to(), actor, null, Map.of("step", s.code()));
        return out;
    }

    /** A leader of the step's agency assigns (or reassigns, e.g. when the officer is absent). */
    Dossier assign(UUID id, Integer version, String username, String assignee, String reason, Instant now) {
        Ctx c = context.begin(id, version, username, Action.ASSIGN, now);
        Step s = c.open();
        PostHolding leader = requirePost(c.posts(), s.agencyCode(), PostRole.LEADER);
        if (assignee == null || assignee.isBlank()) {
            throw ApiException.unprocessable("processing.assign.noOfficer");
        }
        PostHolding target = context.holder(c, s.agencyCode(), s.role(), s.fieldKey(), assignee, now);
        checkAssignee(c, assignee);
        String previous = s.assignee();
        steps.assign(id, s.seq(), assignee, target.officerName(), now);
        Dossier out = store.transition(c.d(), c.d().version(), c.to(), DossierChange.none());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("step", s.code());
        data.put("to", assignee);
        if (previous != null) {
            data.put("from", previous);
        }
        store.appendEvent(id, now, previous == null ? DossierEventType.ASSIGNED : DossierEventType.REASSIGNED,
                c.d().state(), c.to(), context.actor(username, leader), reason, data);
        return out;
    }

    /** Finishes the current step and hands the dossier to the next one (its queue, or a named officer). */
    Dossier forward(UUID id, Integer version, String username, String note, String to, Instant now) {
        Ctx c = context.begin(id, version, username, Action.FORWARD, now);
        Step s = c.open();
        List<StepDef> process = c.process();
        StepDef decision = ProcessStart.decisionStep(process);
        if (s.order() >= decision.order()) {
            throw ApiException.conflict(s.order() == decision.order() ? "processing.forward.decide" : "processing.forward.last");
        }
        Actor actor = context.performer(c, username);
        StepDef next = process.get(s.order());
        context.finish(c, s, now, actor, StepOutcome.DONE);
        String nextAssignee = null;
        String nextName = null;
        // The next step's queue field, asked once: for the named officer's check and for the step itself.
        String nextField = start.queueField(c.field().key(), s.agencyCode(), next.role(), now);
        if (to != null && !to.isBlank()) {
            PostHolding p = context.holder(c, s.agencyCode(), next.role(), nextField, to.strip(), now);
            checkAssignee(c, to.strip());
            nextAssignee = to.strip();
            nextName = p.officerName();
        }
        context.open(c, next, s.agencyCode(), nextField, now, actor, nextAssignee, nextName);
        Dossier out = store.transition(c.d(), c.d().version(), c.to(), DossierChange.none());
        store.appendEvent(id, now, DossierEventType.FORWARDED, c.d().state(), c.to(), actor, note,
                handoff(s, next.code(), nextAssignee));
        return out;
    }

    /** Sends the dossier back one step, with a reason, to the officer who did that step. */
    Dossier sendBack(UUID id, Integer version, String username, String reason, Instant now) {
        requireText(reason, "processing.reason.required");
        Ctx c = context.begin(id, version, username, Action.SEND_BACK, now);
        Step s = c.open();
        List<StepDef> process = c.process();
        StepDef previous = s.order() > 1 ? process.get(s.order() - 2) : null;
        if (previous == null || (previous.order() == 1 && previous.role() == PostRole.RECEPTION)) {
            throw ApiException.conflict("processing.sendBack.first");
        }
        Actor actor = context.performer(c, username);
        Step last = steps.steps(id).stream().filter(x -> x.order() == previous.order() && !x.open())
                .reduce((a, b) -> b).orElse(null);
        context.finish(c, s, now, actor, StepOutcome.SENT_BACK);
        String agency = last == null ? s.agencyCode() : last.agencyCode();
        context.open(c, previous, agency, start.queueField(c.field().key(), agency, previous.role(), now), now, actor,
                last == null ? null : last.finishedBy(), last == null ? null : last.assigneeName());
        Dossier out = store.transition(c.d(), c.d().version(), c.to(), DossierChange.none());
        store.appendEvent(id, now, DossierEventType.SENT_BACK, c.d().state(), c.to(), actor, reason,
                handoff(s, previous.code(), last == null ? null : last.finishedBy()));
        return out;
    }

    /** Inter-agency processing (liên thông): the same step continues in another agency's queue. */
    Dossier transfer(UUID id, Integer version, String username, String agencyCode, String reason, Instant now) {
        requireText(reason, "processing.reason.required");
        Ctx c = context.begin(id, version, username, Action.TRANSFER, now);
        Step s = c.open();
        if (s.role() == PostRole.RECEPTION) {
            throw ApiException.conflict("processing.transfer.reception");
        }
        if (agencyCode == null || agencyCode.isBlank()) {
            throw ApiException.unprocessable("processing.transfer.noAgency");
        }
        Agency agency = territory.agency(agencyCode.strip(), today(now))
                .orElseThrow(() -> ApiException.unprocessable("dossier.route.unknownAgency", agencyCode));
        if (agency.code().equals(s.agencyCode())) {
            throw ApiException.unprocessable("processing.transfer.sameAgency");
        }
        Actor actor = context.performer(c, username);
        StepDef def = c.process().get(s.order() - 1);
        context.finish(c, s, now, actor, StepOutcome.TRANSFERRED);
        context.open(c, def, agency.code(), start.queueField(c.field().key(), agency.code(), def.role(), now), now,
                actor, null, null);
        Dossier out = store.transition(c.d(), c.d().version(), c.to(), DossierChange.none());
        Map<String, Object> data = handoff(s, def.code(), null);
        data.put("fromAgency", s.agencyCode());
        data.put("toAgency", agency.code());
        store.appendEvent(id, now, DossierEventType.INTER_AGENCY_TRANSFER, c.d().state(), c.to(), actor, reason, data);
        return out;
    }
}
