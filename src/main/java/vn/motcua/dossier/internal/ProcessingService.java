package vn.motcua.dossier.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.Pause;
import vn.motcua.calendar.PausePolicy;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.Timeliness;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.WorkingTimeUnit;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.platform.text.FieldKeys;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierApologyIssued;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.DossierStateChanged;
import vn.motcua.dossier.ResultReturned;
import vn.motcua.dossier.SubmitDossier;
import vn.motcua.dossier.internal.ProcessingRules.Action;
import vn.motcua.dossier.internal.ProcessingStore.Step;
import vn.motcua.dossier.internal.ProcessingStore.StepDef;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.security.AccountService;
import vn.motcua.territory.Agency;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.PostRole;
import vn.motcua.territory.Staff;
import vn.motcua.territory.Territory;

/**
 * Processing, from acceptance to the returned result: the steps of the procedure's internal process,
 * queues and assignment, send-back and inter-agency transfer, supplement with the clock paused,
 * extensions with an apology (Form 04), stop (Form 05), the decision, the return and the rating.
 * Every action is one transaction on the locked dossier row: optimistic {@code version}, an appended
 * event, and {@link DossierStateChanged} when the state changes. Every public action takes the
 * instant it happens at ({@code now}); callers pass the platform {@link Clock}'s instant.
 */
@Service
@Transactional
public class ProcessingService {

    private final DossierStore store;
    private final ProcessingStore steps;
    private final Catalogue catalogue;
    private final WorkingCalendar calendar;
    private final Staff staff;
    private final Territory territory;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final ProcessingForms forms;
    private final Clock clock;
    private final ProcessStart start;

    ProcessingService(DossierStore store, ProcessingStore steps, Catalogue catalogue, WorkingCalendar calendar,
                      Staff staff, Territory territory, AccountService accounts, ApplicationEventPublisher events,
                      ProcessingForms forms, Clock clock, ProcessStart start) {
        this.start = start;
        this.store = store;
        this.steps = steps;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.staff = staff;
        this.territory = territory;
        this.accounts = accounts;
        this.events = events;
        this.forms = forms;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    // ---- assignment ------------------------------------------------------------------------------

    public Dossier claim(UUID id, Integer version, String username, Instant now) {
        Ctx c = begin(id, version, username, Action.CLAIM, now);
        Step s = c.open();
        PostHolding post = requirePost(c, s);
        if (s.assignee() != null) {
            throw ApiException.conflict(s.assignee().equals(username) ? "processing.claim.mine" : "processing.claim.taken",
                    String.valueOf(s.assigneeName()));
        }
        Actor actor = actor(username, post);
        steps.assign(id, s.seq(), username, actor.displayName(), now);
        Dossier out = store.transition(c.d(), c.d().version(), c.to(), DossierChange.none());
        store.appendEvent(id, now, DossierEventType.CLAIMED, c.d().state(), c.to(), actor, null, Map.of("step", s.code()));
        return out;
    }

    /** A leader of the step's agency assigns (or reassigns, e.g. when the officer is absent). */
    public Dossier assign(UUID id, Integer version, String username, String assignee, String reason, Instant now) {
        Ctx c = begin(id, version, username, Action.ASSIGN, now);
        Step s = c.open();
        PostHolding leader = requirePost(c.posts(), s.agencyCode(), PostRole.LEADER);
        if (assignee == null || assignee.isBlank()) {
            throw ApiException.unprocessable("processing.assign.noOfficer");
        }
        PostHolding target = holder(c, s.agencyCode(), s.role(), s.fieldKey(), assignee, now);
        String previous = s.assignee();
        steps.assign(id, s.seq(), assignee, target.officerName(), now);
        Dossier out = store.transition(c.d(), c.d().version(), c.to(), DossierChange.none());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("step", s.code());
        data.put("to", assignee);
        if (previous != null) {
            data.put("from", previous);
        }
        store.appendEvent(id, now, previous == null ? DossierEventType.ASSIGNED : DossierEventType.REASSIGNED, c.d().state(), c.to(),
                actor(username, leader), reason, data);
        return out;
    }

    // ---- moving between steps ----------------------------------------------------------------------

    /** Finishes the current step and hands the dossier to the next one (its queue, or a named officer). */
    public Dossier forward(UUID id, Integer version, String username, String note, String to, Instant now) {
        Ctx c = begin(id, version, username, Action.FORWARD, now);
        Step s = c.open();
        List<StepDef> process = c.process();
        StepDef decision = ProcessStart.decisionStep(process);
        if (s.order() >= decision.order()) {
            throw ApiException.conflict(s.order() == decision.order() ? "processing.forward.decide" : "processing.forward.last");
        }
        Actor actor = performer(c, username);
        StepDef next = process.get(s.order());
        finish(c, s, now, actor, "DONE");
        String nextAssignee = null;
        String nextName = null;
        // The next step's queue field, asked once: for the named officer's check and for the step itself.
        String nextField = start.queueField(c.field().key(), s.agencyCode(), next.role(), now);
        if (to != null && !to.isBlank()) {
            PostHolding p = holder(c, s.agencyCode(), next.role(), nextField, to.strip(), now);
            nextAssignee = to.strip();
            nextName = p.officerName();
        }
        open(c, next, s.agencyCode(), nextField, now, actor, nextAssignee, nextName);
        Dossier out = store.transition(c.d(), c.d().version(), c.to(), DossierChange.none());
        store.appendEvent(id, now, DossierEventType.FORWARDED, c.d().state(), c.to(), actor, note,
                handoff(s, next.code(), nextAssignee));
        return out;
    }

    /** Sends the dossier back one step, with a reason, to the officer who did that step. */
    public Dossier sendBack(UUID id, Integer version, String username, String reason, Instant now) {
        requireText(reason, "processing.reason.required");
        Ctx c = begin(id, version, username, Action.SEND_BACK, now);
        Step s = c.open();
        List<StepDef> process = c.process();
        StepDef previous = s.order() > 1 ? process.get(s.order() - 2) : null;
        if (previous == null || (previous.order() == 1 && previous.role() == PostRole.RECEPTION)) {
            throw ApiException.conflict("processing.sendBack.first");
        }
        Actor actor = performer(c, username);
        Step last = steps.steps(id).stream().filter(x -> x.order() == previous.order() && !x.open())
                .reduce((a, b) -> b).orElse(null);
        finish(c, s, now, actor, "SENT_BACK");
        String agency = last == null ? s.agencyCode() : last.agencyCode();
        open(c, previous, agency, start.queueField(c.field().key(), agency, previous.role(), now), now, actor,
                last == null ? null : last.finishedBy(), last == null ? null : last.assigneeName());
        Dossier out = store.transition(c.d(), c.d().version(), c.to(), DossierChange.none());
        store.appendEvent(id, now, DossierEventType.SENT_BACK, c.d().state(), c.to(), actor, reason,
                handoff(s, previous.code(), last == null ? null : last.finishedBy()));
        return out;
    }

    /** Inter-agency processing (liên thông): the same step continues in another agency's queue. */
    public Dossier transfer(UUID id, Integer version, String username, String agencyCode, String reason, Instant now) {
        requireText(reason, "processing.reason.required");
        Ctx c = begin(id, version, username, Action.TRANSFER, now);
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
        Actor actor = performer(c, username);
        StepDef def = c.process().get(s.order() - 1);
        finish(c, s, now, actor, "TRANSFERRED");
        open(c, def, agency.code(), start.queueField(c.field().key(), agency.code(), def.role(), now), now, actor, null, null);
        Dossier out = store.transition(c.d(), c.d().version(), c.to(), DossierChange.none());
        Map<String, Object> data = handoff(s, def.code(), null);
        data.put("fromAgency", s.agencyCode());
        data.put("toAgency", agency.code());
        store.appendEvent(id, now, DossierEventType.INTER_AGENCY_TRANSFER, c.d().state(), c.to(), actor, reason, data);
        return out;
    }

    // ---- supplement during appraisal -------------------------------------------------------------

    public Dossier requestSupplement(UUID id, Integer version, String username, List<RequestItem> items, String note,
                                     Instant now) {
        if (items == null || items.isEmpty() || items.stream().anyMatch(i -> i.document() == null
                || i.document().isBlank() || i.reason() == null || i.reason().isBlank())) {
            throw ApiException.unprocessable("dossier.request.items");
        }
        Ctx c = begin(id, version, username, Action.REQUEST_SUPPLEMENT, now);
        Step s = c.open();
        if (s.role() == PostRole.RECEPTION) {
            throw ApiException.conflict("processing.supplement.notHere");
        }
        Actor actor = performer(c, username);
        if (s.assignee() == null) {
            // The step stays open (paused): its performer takes it now.
            steps.assign(id, s.seq(), username, actor.displayName(), now);
        }
        Dossier out = store.transition(c.d(), c.d().version(), c.to(), DossierChange.none());
        store.addRequest(id, "SUPPLEMENT", items, note, username, now);
        steps.pause(id, now);
        store.appendEvent(id, now, DossierEventType.PROCESSING_SUPPLEMENT_REQUESTED, c.d().state(), c.to(), actor, note,
                Map.of("items", items.stream().map(RequestItem::asMap).toList(), "step", s.code()));
        publish(c.d(), c.to(), now, note, c.d().dueAt());
        return out;
    }

    /** The applicant answers online: the clock resumes and the deadlines are recomputed. */
    public Dossier supply(UUID id, Integer version, String username, List<SubmitDossier.AttachmentData> attachments,
                          String note, Instant now) {
        DossierStore.Locked row = store.lockForAction(id).orElseThrow(() -> ApiException.notFound("dossier.notFound"));
        Dossier d = row.dossier();
        if (!d.submittedBy().equals(username)) {
            throw ApiException.notFound("dossier.notFound");
        }
        checkVersion(d, version);
        DossierState to = next(d, Action.SUPPLY);
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
        String name = accounts.find(username).map(AccountService.Account::displayName).orElse(d.applicant().name());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("attachments", files.size());
        if (due != null) {
            data.put("dueAt", due.toString());
        }
        store.appendEvent(id, now, DossierEventType.PROCESSING_SUPPLEMENTED, d.state(), to, new Actor(username, name, null, null), note,
                data);
        publish(d, to, now, null, due);
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
        ProcessingTime time = new ProcessingTime(p.amount(), WorkingTimeUnit.valueOf(p.unit()));
        PausePolicy policy = p.pausePolicy() == null ? PausePolicy.PAUSE : PausePolicy.valueOf(p.pausePolicy());
        Instant from = d.countFrom() == null ? d.receivedAt() : d.countFrom();
        return calendar.dueAt(from, time, pauses, policy, steps.extensionDays(d.id()) + extraDays,
                d.agencyCode())
                .toInstant();
    }

    // ---- late handling: Form 04, and stop: Form 05 -------------------------------------------------

    /** Form 04: apology, reason and a new appointment (extension in working days), before the appointment passes. */
    public Dossier extend(UUID id, Integer version, String username, int workingDays, String reason, Instant now) {
        requireText(reason, "processing.reason.required");
        if (workingDays < 1 || workingDays > 60) {
            throw ApiException.unprocessable("processing.extend.days");
        }
        Ctx c = begin(id, version, username, Action.EXTEND, now);
        Actor actor = officerOf(c, username, PostRole.HANDLING, PostRole.LEADER, PostRole.RECEPTION);
        Dossier d = c.d();
        if (d.dueAt() == null) {
            throw ApiException.conflict("processing.extend.noAppointment");
        }
        if (!now.isBefore(d.dueAt())) {
            throw ApiException.conflict("processing.extend.tooLate", SlipPdf.dateTime(d.dueAt()));
        }
        Instant previous = d.dueAt();
        Instant due = recomputeDue(d, c.row().processing(), pauses(c), workingDays);
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
    public Dossier stop(UUID id, Integer version, String username, String reason, Instant now) {
        requireText(reason, "processing.reason.required");
        Ctx c = begin(id, version, username, Action.STOP, now);
        Actor actor = officerOf(c, username, PostRole.LEADER, PostRole.RECEPTION);
        if (c.open() != null) {
            steps.finishStep(id, c.open().seq(), now, username, "STOPPED", null);
        }
        if (c.row().pausedEver()) {
            steps.resume(id, now);
        }
        Dossier out = store.transition(c.d(), c.d().version(), c.to(),
                DossierChange.change().closedAt(now).stopReason(reason.strip()));
        store.appendEvent(id, now, DossierEventType.STOPPED, c.d().state(), c.to(), actor, reason.strip(), Map.of());
        publish(c.d(), c.to(), now, reason.strip(), c.d().dueAt());
        return out;
    }

    // ---- result -------------------------------------------------------------------------------------

    public enum Outcome { APPROVED, DENIED }

    /** The approving officer records the decision with an uploaded PDF result, or a generated one. */
    public Dossier decide(UUID id, Integer version, String username, Outcome outcome, String summary,
                          SubmitDossier.AttachmentData document, Instant now) {
        if (outcome == null) {
            throw ApiException.unprocessable("processing.decide.outcome");
        }
        requireText(summary, "processing.decide.summary");
        Ctx c = begin(id, version, username, Action.DECIDE, now);
        Step s = c.open();
        List<StepDef> process = c.process();
        if (s.order() != ProcessStart.decisionStep(process).order()) {
            throw ApiException.conflict("processing.decide.notHere");
        }
        Actor actor = performer(c, username);
        byte[] content;
        String fileName;
        boolean generated = document == null;
        if (generated) {
            content = forms.resultNotice(c.d(), outcome, summary.strip(), actor, now);
            fileName = "ket-qua-" + (c.d().code() == null ? id : c.d().code()) + ".pdf";
        } else {
            var f = decode(List.of(document)).get(0);
            content = f.content();
            fileName = f.name();
        }
        steps.saveResult(id, outcome.name(), summary.strip(), fileName, generated ? "application/pdf"
                : AttachmentPolicy.check(fileName, content).contentType(), content, generated, username, now);
        finish(c, s, now, actor, "DONE");
        StepDef ret = process.get(s.order());
        open(c, ret, c.d().agencyCode(), start.queueField(c.field().key(), c.d().agencyCode(), ret.role(), now), now, actor,
                null, null);
        Dossier out = store.transition(c.d(), c.d().version(), c.to(), DossierChange.none());
        Map<String, Object> data = handoff(s, ret.code(), null);
        data.put("outcome", outcome.name());
        store.appendEvent(id, now, DossierEventType.DECIDED, c.d().state(), c.to(), actor, summary.strip(), data);
        publish(c.d(), c.to(), now, null, c.d().dueAt());
        return out;
    }

    public enum Delivery { COUNTER, ONLINE }

    public Dossier returnResult(UUID id, Integer version, String username, Delivery delivery, Instant now) {
        Ctx c = begin(id, version, username, Action.RETURN_RESULT, now);
        Step s = c.open();
        if (s.role() != PostRole.RECEPTION) {
            throw ApiException.conflict("processing.return.notHere");
        }
        Actor actor = performer(c, username);
        finish(c, s, now, actor, "DONE");
        Timeliness t = c.d().dueAt() == null ? null
                : calendar.classify(now, c.d().dueAt().atZone(IntakeService.VN));
        steps.markReturned(id, now, username, (delivery == null ? Delivery.COUNTER : delivery).name(), t);
        DossierChange set = DossierChange.change().closedAt(now).clearWarning();
        Dossier out = store.transition(c.d(), c.d().version(), c.to(), set);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("delivery", (delivery == null ? Delivery.COUNTER : delivery).name());
        if (t != null) {
            data.put("timeliness", t.name());
        }
        store.appendEvent(id, now, DossierEventType.RESULT_RETURNED, c.d().state(), c.to(), actor, null, data);
        publish(c.d(), c.to(), now, null, c.d().dueAt());
        publishResult(c.d(), (delivery == null ? Delivery.COUNTER : delivery).name(), now);
        return out;
    }

    /** The returned result with its document, for the applicant's data store (same transaction). */
    private void publishResult(Dossier d, String delivery, Instant now) {
        ProcessingStore.Result r = steps.result(d.id()).orElse(null);
        byte[] content = r == null ? null : steps.resultContent(d.id()).orElse(null);
        if (r == null || content == null) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(r.decidedAt(), IntakeService.VN);
        String unit = d.agencyCode() == null ? null
                : territory.agency(d.agencyCode(), day).map(vn.motcua.territory.Agency::unitCode).orElse(null);
        String resultName = catalogue.versionInForce(d.procedureCode(), LocalDate.ofInstant(d.receivedAt(), IntakeService.VN))
                .map(ProcedureVersion::result).map(ProcessingService::resultName).orElse(null);
        events.publishEvent(new ResultReturned(d.id(), d.code(), d.procedureCode(), d.procedureName(), d.submittedBy(),
                d.applicant().name(), d.agencyCode(), d.agencyName(), unit, resultName, r.outcome(), r.fileName(),
                r.contentType(), content, DossierStore.sha256(content), r.decidedAt(), now, delivery, d.channel().name()));
    }

    /** "Giấy khai sinhMã: KQ.G15.000031…" (as the national portal publishes it) → "Giấy khai sinh". */
    static String resultName(String published) {
        if (published == null || published.isBlank()) {
            return null;
        }
        String s = published.strip();
        int cut = s.indexOf("Mã:");
        if (cut > 0) {
            s = s.substring(0, cut);
        }
        s = s.split("[\\n.;]", 2)[0].strip();
        return s.isEmpty() ? null : s.length() > 200 ? s.substring(0, 200) : s;
    }

    /** The applicant rates the service once, 1–5, with an optional comment. */
    public Dossier rate(UUID id, String username, int rating, String comment, Instant now) {
        Dossier d = store.lock(id).orElseThrow(() -> ApiException.notFound("dossier.notFound"));
        if (!d.submittedBy().equals(username)) {
            throw ApiException.notFound("dossier.notFound");
        }
        next(d, Action.RATE);
        if (rating < 1 || rating > 5) {
            throw ApiException.unprocessable("processing.rate.range");
        }
        if (comment != null && comment.length() > 1000) {
            throw ApiException.unprocessable("processing.rate.comment");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (!steps.rate(id, rating, text, now)) {
            throw ApiException.conflict("processing.rate.already");
        }
        String name = accounts.find(username).map(AccountService.Account::displayName).orElse(d.applicant().name());
        store.appendEvent(id, now, DossierEventType.RATED, d.state(), d.state(), new Actor(username, name, null, null), text,
                Map.of("rating", rating));
        return d; // the rating is not a column of the dossier row: the locked row is still current
    }

    // ---- what this officer may do now (for the pages and the API) ---------------------------------

    public java.util.Set<Action> available(Dossier d, String username, Instant now) {
        java.util.Set<Action> out = java.util.EnumSet.noneOf(Action.class);
        if (!ProcessingRules.inProcessing(d.state()) && d.state() != DossierState.RETURNED) {
            return out;
        }
        List<PostHolding> posts = staff.postsOf(username, today(now));
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

    // ---- helpers ------------------------------------------------------------------------------------

    /** One action's view: the locked row with its process, field and open step, and the officer's posts today. */
    record Ctx(DossierStore.Locked row, List<PostHolding> posts, DossierState to) {
        Dossier d() {
            return row.dossier();
        }

        Step open() {
            return row.open();
        }

        List<StepDef> process() {
            return row.process();
        }

        ProcessingStore.Field field() {
            return row.field();
        }
    }

    /**
     * Locks the dossier, checks that the officer works in its agency (or the agency of its open step),
     * that nobody changed it since the version they saw, and that the action is allowed in its state.
     * The row comes with what the action reads of it (one statement), the posts are asked once.
     */
    private Ctx begin(UUID id, Integer version, String username, Action action, Instant now) {
        DossierStore.Locked row = store.lockForAction(id).orElseThrow(() -> ApiException.notFound("dossier.notFound"));
        Dossier d = row.dossier();
        List<PostHolding> posts = staff.postsOf(username, today(now));
        Step open = row.open();
        boolean member = posts.stream().anyMatch(p -> p.agency().code().equals(d.agencyCode())
                || (open != null && p.agency().code().equals(open.agencyCode())));
        if (!member) {
            throw ApiException.forbidden("dossier.forbidden.agency");
        }
        checkVersion(d, version);
        DossierState to = next(d, action);
        if (open == null && action != Action.STOP && action != Action.EXTEND) {
            throw ApiException.conflict("processing.noStep");
        }
        return new Ctx(row, posts, to);
    }

    static DossierState next(Dossier d, Action action) {
        return ProcessingRules.next(d.state(), action).orElseThrow(() ->
                ApiException.conflict("processing.notAllowed", action.name(), d.state().name())
                        .with("state", d.state().name()).with("action", action.name()));
    }

    /** A stale version: someone else acted first. Says who and when, so the officer can reload. */
    void checkVersion(Dossier d, Integer expected) {
        if (expected != null && expected != d.version()) {
            var last = steps.lastChange(d.id()).orElse(new ProcessingStore.LastChange("?", d.receivedAt()));
            throw new ApiException(HttpStatus.CONFLICT, "processing.changedBy", last.actorName(),
                    SlipPdf.dateTime(last.at())).with("changedBy", last.actorName())
                    .with("changedAt", last.at().toString()).with("currentVersion", d.version());
        }
    }

    private static PostHolding requirePost(List<PostHolding> posts, String agency, PostRole role) {
        return posts.stream().filter(p -> p.role() == role && p.agency().code().equals(agency)).findFirst()
                .orElseThrow(() -> ApiException.forbidden("processing.forbidden.role", role.name(), agency));
    }

    /**
     * The officer's post for the open step: its role in its agency and, when the step's queue is narrowed to
     * a field, a post whose field covers it (else 403 naming the dossier's field).
     */
    private PostHolding requirePost(Ctx c, Step s) {
        requirePost(c.posts(), s.agencyCode(), s.role());
        return c.posts().stream().filter(p -> p.role() == s.role() && p.agency().code().equals(s.agencyCode())
                        && FieldKeys.covers(p.field(), s.fieldKey())).findFirst()
                .orElseThrow(() -> ApiException.forbidden("processing.forbidden.field", fieldName(c, s.fieldKey()),
                        s.agencyCode()));
    }

    /** Who may be given a step: holds its role in its agency today, with a post covering its field (else 422). */
    private PostHolding holder(Ctx c, String agency, PostRole role, String fieldKey, String username, Instant now) {
        List<PostHolding> holders = staff.holders(agency, role, today(now)).stream()
                .filter(p -> username.equals(p.username())).toList();
        if (holders.isEmpty()) {
            throw ApiException.unprocessable("processing.assign.notHolder", username);
        }
        return holders.stream().filter(p -> FieldKeys.covers(p.field(), fieldKey)).findFirst()
                .orElseThrow(() -> ApiException.unprocessable("processing.assign.otherField", username,
                        fieldName(c, fieldKey)));
    }

    private static String fieldName(Ctx c, String fieldKey) {
        String name = c.field().name();
        return name != null ? name : String.valueOf(fieldKey);
    }

    /**
     * The officer doing the open step: holds its role in its agency, and is its assignee or, when it is queued,
     * takes it — recorded by {@link #finish} (in the same update) or by the caller when the step stays open.
     */
    private Actor performer(Ctx c, String username) {
        Step s = c.open();
        PostHolding post = requirePost(c, s);
        Actor actor = actor(username, post);
        if (s.assignee() != null && !s.assignee().equals(username)) {
            throw ApiException.forbidden("processing.forbidden.assignee", String.valueOf(s.assigneeName()));
        }
        return actor;
    }

    private Actor officerOf(Ctx c, String username, PostRole... roles) {
        for (PostRole role : roles) {
            for (PostHolding p : c.posts()) {
                boolean agency = p.agency().code().equals(c.d().agencyCode())
                        || (c.open() != null && p.agency().code().equals(c.open().agencyCode()));
                if (p.role() == role && agency) {
                    return actor(username, p);
                }
            }
        }
        throw ApiException.forbidden("processing.forbidden.role", roles[0].name(), c.d().agencyCode());
    }

    private Actor actor(String username, PostHolding post) {
        String name = post.officerName() != null ? post.officerName()
                : accounts.find(username).map(AccountService.Account::displayName).orElse(username);
        return new Actor(username, name, post.agency().code(), post.postTitle());
    }

    /** The performer finishes the open step (taking it first if it was queued, see {@link #performer}). */
    private void finish(Ctx c, Step s, Instant now, Actor performer, String outcome) {
        Instant due = StepTiming.due(calendar, s.openedAt(), s.quotaHours(), pauses(c), s.agencyCode());
        Timeliness t = StepTiming.classify(calendar, now, due);
        if (s.assignee() == null) {
            steps.claimAndFinishStep(c.d().id(), s.seq(), now, performer.username(), performer.displayName(), outcome, t);
        } else {
            steps.finishStep(c.d().id(), s.seq(), now, performer.username(), outcome, t);
        }
    }

    /** The dossier's pauses; none to ask for when its clock was never paused. */
    private List<Pause> pauses(Ctx c) {
        return c.row().pausedEver() ? steps.pauses(c.d().id()) : List.of();
    }

    /** Opens the next step in {@code agency}'s queue, narrowed to {@code queueField} (see {@link #queueField}). */
    private void open(Ctx c, StepDef def, String agency, String queueField, Instant now, Actor sender, String assignee,
                      String assigneeName) {
        steps.openStep(c.d().id(), def, agency, queueField, now, sender.username(), sender.displayName(),
                StepTiming.due(calendar, now, def.quotaHours(), List.of(), agency), assignee, assigneeName);
    }

    private static Map<String, Object> handoff(Step from, String toStep, String toOfficer) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("step", from.code());
        data.put("toStep", toStep);
        if (toOfficer != null) {
            data.put("toOfficer", toOfficer);
        }
        return data;
    }

    private static void requireText(String text, String key) {
        if (text == null || text.isBlank() || text.length() > 2000) {
            throw ApiException.unprocessable(key);
        }
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, IntakeService.VN);
    }

    private void publish(Dossier d, DossierState to, Instant at, String reason, Instant due) {
        events.publishEvent(new DossierStateChanged(d.id(), d.code(), d.state(), to, at, d.procedureName(),
                d.agencyName(), d.applicant().name(), d.applicant().email(), due, reason, d.receiptNumber()));
    }

    static List<IntakeService.Decoded> decode(List<SubmitDossier.AttachmentData> attachments) {
        List<IntakeService.Decoded> files = new ArrayList<>();
        if (attachments == null) {
            return files;
        }
        if (attachments.size() > AttachmentPolicy.MAX_FILES) {
            throw ApiException.unprocessable("dossier.attachment.tooMany", AttachmentPolicy.MAX_FILES);
        }
        for (var a : attachments) {
            if (a == null || a.fileName() == null || a.contentBase64() == null) {
                throw ApiException.unprocessable("dossier.attachment.missing");
            }
            byte[] content;
            try {
                content = Base64.getMimeDecoder().decode(a.contentBase64());
            } catch (IllegalArgumentException e) {
                throw ApiException.unprocessable("dossier.attachment.base64", a.fileName());
            }
            files.add(new IntakeService.Decoded(a.fileName().strip(), AttachmentPolicy.check(a.fileName(), content),
                    content));
        }
        return files;
    }

    /** Step deadlines: the quota in working hours from the hand-off, the clock stopped during pauses. */
    public static final class StepTiming {
        private StepTiming() {
        }

        public static Instant due(WorkingCalendar calendar, Instant openedAt, Integer quotaHours, List<Pause> pauses,
                                  String agency) {
            if (quotaHours == null) {
                return null;
            }
            List<Pause> within = pauses.stream().filter(p -> !p.from().isBefore(openedAt)).toList();
            return calendar.dueAt(openedAt, ProcessingTime.workingHours(quotaHours), within, PausePolicy.PAUSE, 0, agency)
                    .toInstant();
        }

        public static Timeliness classify(WorkingCalendar calendar, Instant finishedAt, Instant due) {
            return due == null ? null : calendar.classify(finishedAt, ZonedDateTime.ofInstant(due, IntakeService.VN));
        }
    }
}
