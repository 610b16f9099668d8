package vn.motcua.dossier.internal;

import static vn.motcua.dossier.internal.ProcessingContext.decode;
import static vn.motcua.dossier.internal.ProcessingContext.handoff;
import static vn.motcua.dossier.internal.ProcessingContext.requireText;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.Timeliness;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.SubmitDossier;
import vn.motcua.dossier.internal.ProcessingContext.Ctx;
import vn.motcua.dossier.internal.ProcessingRules.Action;
import vn.motcua.dossier.internal.ProcessingService.Delivery;
import vn.motcua.dossier.internal.ProcessingService.Outcome;
import vn.motcua.dossier.internal.ProcessingStore.Step;
import vn.motcua.dossier.internal.ProcessingStore.StepDef;
import vn.motcua.platform.api.ApiException;
import vn.motcua.territory.PostRole;

/**
 * Decision and result: the approving officer's decision with its result document (uploaded or generated), the return
 * of the result (delivered to the applicant's data store after the commit: {@link ResultDeliveries}) and the
 * applicant's rating.
 */
@Service
@Transactional
class ProcessingResults {

    private final ProcessingContext context;
    private final DossierStore store;
    private final ProcessingStore steps;
    private final ProcessStart start;
    private final ProcessingForms forms;
    private final WorkingCalendar calendar;
    private final ResultDeliveries deliveries;

    ProcessingResults(ProcessingContext context, DossierStore store, ProcessingStore steps, ProcessStart start,
                      ProcessingForms forms, WorkingCalendar calendar, ResultDeliveries deliveries) {
        this.context = context;
        this.store = store;
        this.steps = steps;
        this.start = start;
        this.forms = forms;
        this.calendar = calendar;
        this.deliveries = deliveries;
    }

    /** The approving officer records the decision with an uploaded PDF result, or a generated one. */
    Dossier decide(UUID id, Integer version, String username, Outcome outcome, String summary,
                   SubmitDossier.AttachmentData document, Instant now) {
        if (outcome == null) {
            throw ApiException.unprocessable("processing.decide.outcome");
        }
        requireText(summary, "processing.decide.summary");
        Ctx c = context.begin(id, version, username, Action.DECIDE, now);
        Step s = c.open();
        List<StepDef> process = c.process();
        if (s.order() != ProcessStart.decisionStep(process).order()) {
            throw ApiException.conflict("processing.decide.notHere");
        }
        Actor actor = context.performer(c, username);
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
        context.finish(c, s, now, actor, StepOutcome.DONE);
        StepDef ret = process.get(s.order());
        context.open(c, ret, c.d().agencyCode(), start.queueField(c.field().key(), c.d().agencyCode(), ret.role(), now),
                now, actor, null, null);
        Dossier out = store.transition(c.d(), c.d().version(), c.to(), DossierChange.none());
        Map<String, Object> data = handoff(s, ret.code(), null);
        data.put("outcome", outcome.name());
        store.appendEvent(id, now, DossierEventType.DECIDED, c.d().state(), c.to(), actor, summary.strip(), data);
        context.publish(c.d(), c.to(), now, null, c.d().dueAt());
        return out;
    }

    Dossier returnResult(UUID id, Integer version, String username, Delivery delivery, Instant now) {
        Ctx c = context.begin(id, version, username, Action.RETURN_RESULT, now);
        Step s = c.open();
        if (s.role() != PostRole.RECEPTION) {
            throw ApiException.conflict("processing.return.notHere");
        }
        Actor actor = context.performer(c, username);
        context.finish(c, s, now, actor, StepOutcome.DONE);
        Timeliness t = c.d().dueAt() == null ? null
                : calendar.classify(now, c.d().dueAt().atZone(IntakeService.VN));
        String how = (delivery == null ? Delivery.COUNTER : delivery).name();
        // The result goes to the applicant's data store after the commit (ResultDeliveries): marked in the same update,
        // which gives it back with its file, handed over in memory
        boolean toStore = deliveries.wanted(c.d());
        var due = steps.markReturned(id, now, username, how, t, toStore ? now : null);
        DossierChange set = DossierChange.change().closedAt(now).clearWarning();
        Dossier out = store.transition(c.d(), c.d().version(), c.to(), set);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("delivery", how);
        if (t != null) {
            data.put("timeliness", t.name());
        }
        store.appendEvent(id, now, DossierEventType.RESULT_RETURNED, c.d().state(), c.to(), actor, null, data);
        context.publish(c.d(), c.to(), now, null, c.d().dueAt());
        due.ifPresent(r -> deliveries.afterCommit(c.d(), r));
        return out;
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
    Dossier rate(UUID id, String username, int rating, String comment, Instant now) {
        Dossier d = store.lock(id).orElseThrow(() -> ApiException.notFound("dossier.notFound"));
        if (!d.submittedBy().equals(username)) {
            throw ApiException.notFound("dossier.notFound");
        }
        ProcessingContext.next(d, Action.RATE);
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
        store.appendEvent(id, now, DossierEventType.RATED, d.state(), d.state(), context.applicant(username, d), text,
                Map.of("rating", rating));
        return d; // the rating is not a column of the dossier row: the locked row is still current
    }
}
