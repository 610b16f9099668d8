package vn.motcua.dossier.internal;

import static vn.motcua.dossier.internal.ProcessingContext.decode;
import static vn.motcua.dossier.internal.ProcessingContext.requireText;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.Pause;
import vn.motcua.calendar.PausePolicy;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.WorkingTimeUnit;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierApologyIssued;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.SubmitDossier;
import vn.motcua.dossier.internal.ProcessingContext.Ctx;
import vn.motcua.dossier.internal.ProcessingRules.Action;
import vn.motcua.dossier.internal.ProcessingStore.Step;
import vn.motcua.platform.api.ApiException;
import vn.motcua.territory.PostRole;

/**
 * The dossier's clock: a supplement during appraisal pauses it and the applicant's answer resumes it (the appointment
 * and the open step's deadline recomputed), Form 04 extends it with an apology, Form 05 stops processing.
 */
@Service
@Transactional
class ProcessingPauses {

    private final ProcessingContext context;
    private final DossierStore store;
    private final ProcessingStore steps;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;

    ProcessingPauses(ProcessingContext context, DossierStore store, ProcessingStore steps, WorkingCalendar calendar,
                     ApplicationEventPublisher events) {
        this.context = context;
        this.store = store;
        this.steps = steps;
        this.calendar = calendar;
        this.events = events;
    }

    // ---- supplement during appraisal -------------------------------------------------------------

    Dossier requestSupplement(UUID id, Integer version, String username, List<RequestItem> items, String note,
                              Instant now) {
        if (items == null || items.isEmpty() || items.stream().anyMatch(i -> i.document() == null
                || i.document().isBlank() || i.reason() == null || i.reason().isBlank())) {
            throw ApiException.unprocessable("dossier.request.items");
        }
        Ctx c = context.begin(id, version, username, Action.REQUEST_SUPPLEMENT, now);
        Step s = c.open();
        if (s.role() == PostRole.RECEPTION) {
            throw ApiException.conflict("processing.supplement.notHere");
        }
        Actor actor = context.performer(c, username);
        if (s.assignee() == null) {
            // The step stays open (paused): its performer takes it now.
            steps.assign(id, s.seq(), username, actor.displayName(), now);
        }
        Dossier out = store.transition(c.d(), c.d().version(), c.to(), DossierChange.none());
        store.addRequest(id, "SUPPLEMENT", items, note, username, now);
        steps.pause(id, now);
        store.appendEvent(id, now, DossierEventType.PROCESSING_SUPPLEMENT_REQUESTED, c.d().state(), c.to(), actor, note,
                Map.of("items", items.stream().map(RequestItem::asMap).toList(), "step", s.code()));
        context.publish(c.d(), c.to(), now, note, c.d().dueAt());
        return out;
    }

    /** The applicant answers online: the clock resumes and the deadlines are recomputed. */
    Dossier supply(UUID id, Integer version, String username, List<SubmitDossier.AttachmentData> attachments,
                   String note, Instant now) {
        DossierStore.Locked row = store.lockForAction(id).orElseThrow(() -> ApiException.notFound("dossier.notFound"));
        Dossier d = row.dossier();
        if (!d.submittedBy().equals(username)) {
            throw ApiException.notFound("dossier.notFound");
        }
        context.checkVersion(d, version);
        DossierState to = ProcessingContext.next(d, Action.SUPPLY);
        List<IntakeService.Decoded> files = decode(attachments);
        if (files.isEmpty() && (note == null || note.isBlank())) {
            throw ApiException.unprocessable("dossier.supplement.empty");
        }
        steps.resume(id, now);
        List<Pause> pauses = steps.pauses(id);
        Instant due = recomputeDue(d, row.processing(), pauses, 0);
        Step s = row.open();
        if (s != null) {
            steps.setStepDue(id, s.seq(), StepTiming.due(calendar, s.openedAt(), s.quotaHours(), pauses, s.agencyCode()));
        }
        DossierChange set = DossierChange.change().dueAt(due).clearWarning();
        Dossier out = store.transition(d, d.version(), to, set);
        for (var f : files) {
            store.addAttachment(id, f.name(), f.contentType(), f.content(), username, now);
        }
        store.answerRequests(id, now);
        Actor applicant = context.applicant(username, d);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("attachments", files.size());
        if (due != null) {
            data.put("dueAt", due.toString());
        }
        store.appendEvent(id, now, DossierEventType.PROCESSING_SUPPLEMENTED, d.state(), to, applicant, note, data);
        context.publish(d, to, now, null, due);
        return out;
    }

    /**
     * {@code WorkingCalendar.dueAt(countFrom, time, pauses, policy, extensions, agency)}, with {@code extraDays} more
     * working days of extension than those already recorded.
     */
    Instant recomputeDue(Dossier d, DossierStore.Processing p, List<Pause> pauses, int extraDays) {
        if (p.unit() == null) {
            return d.dueAt();
        }
        Instant from = d.countFrom() == null ? d.receivedAt() : d.countFrom();
        return calendar.dueAt(from, p.time(), pauses, p.policy(), steps.extensionDays(d.id()) + extraDays,
                d.agencyCode())
                .toInstant();
    }

    // ---- late handling: Form 04, and stop: Form 05 -------------------------------------------------

    /** Form 04: apology, reason and a new appointment (extension in working days), before the appointment passes. */
    Dossier extend(UUID id, Integer version, String username, int workingDays, String reason, Instant now) {
        requireText(reason, "processing.reason.required");
        if (workingDays < 1 || workingDays > 60) {
            throw ApiException.unprocessable("processing.extend.days");
        }
        Ctx c = context.begin(id, version, username, Action.EXTEND, now);
        Actor actor = context.officerOf(c, username, PostRole.HANDLING, PostRole.LEADER, PostRole.RECEPTION);
        Dossier d = c.d();
        if (d.dueAt() == null) {
            throw ApiException.conflict("processing.extend.noAppointment");
        }
        if (!now.isBefore(d.dueAt())) {
            throw ApiException.conflict("processing.extend.tooLate", SlipPdf.dateTime(d.dueAt()));
        }
        Instant previous = d.dueAt();
        Instant due = recomputeDue(d, c.row().processing(), context.pauses(c), workingDays);
        steps.addExtension(id, workingDays, reason.strip(), previous, due, username, now);
        DossierChange set = DossierChange.change().dueAt(due).clearWarning();
        Dossier out = store.transition(d, d.version(), c.to(), set);
        store.appendEvent(id, now, DossierEventType.EXTENDED, d.state(), c.to(), actor, reason.strip(),
                Map.of("previousDueAt", previous.toString(), "dueAt", due.toString(), "workingDays", workingDays));
        events.publishEvent(new DossierApologyIssued(id, d.code(), now, d.procedureName(), d.agencyName(),
                d.applicant().name(), d.applicant().email(), previous, due, workingDays, reason.strip()));
        return out;
    }

    /** Form 05: processing stops with a reason (e.g. the applicant withdrew). */
    Dossier stop(UUID id, Integer version, String username, String reason, Instant now) {
        requireText(reason, "processing.reason.required");
        Ctx c = context.begin(id, version, username, Action.STOP, now);
        Actor actor = context.officerOf(c, username, PostRole.LEADER, PostRole.RECEPTION);
        if (c.open() != null) {
            steps.finishStep(id, c.open().seq(), now, username, StepOutcome.STOPPED, null);
        }
        if (c.row().pausedEver()) {
            steps.resume(id, now);
        }
        Dossier out = store.transition(c.d(), c.d().version(), c.to(),
                DossierChange.change().closedAt(now).stopReason(reason.strip()));
        store.appendEvent(id, now, DossierEventType.STOPPED, c.d().state(), c.to(), actor, reason.strip(), Map.of());
        context.publish(c.d(), c.to(), now, reason.strip(), c.d().dueAt());
        return out;
    }
}
