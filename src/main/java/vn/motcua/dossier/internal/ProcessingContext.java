package vn.motcua.dossier.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.Pause;
import vn.motcua.calendar.Timeliness;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.DossierStateChanged;
import vn.motcua.dossier.SubmitDossier;
import vn.motcua.dossier.internal.ProcessingRules.Action;
import vn.motcua.dossier.internal.ProcessingStore.Step;
import vn.motcua.dossier.internal.ProcessingStore.StepDef;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.text.FieldKeys;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.PostRole;
import vn.motcua.territory.Staff;

/**
 * What every processing action shares: it {@link #begin begins} on the locked dossier row (agency, version and state
 * checked), finds who acts and in which post, finishes and opens steps, and publishes {@link DossierStateChanged}.
 * The actions themselves are {@link ProcessingSteps}, {@link ProcessingPauses} and {@link ProcessingResults}.
 */
@Component
class ProcessingContext {

    private final DossierStore store;
    private final ProcessingStore steps;
    private final WorkingCalendar calendar;
    private final Staff staff;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;

    ProcessingContext(DossierStore store, ProcessingStore steps, WorkingCalendar calendar, Staff staff,
                      AccountService accounts, ApplicationEventPublisher events) {
        this.store = store;
        this.steps = steps;
        this.calendar = calendar;
        this.staff = staff;
        this.accounts = accounts;
        this.events = events;
    }

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
    Ctx begin(UUID id, Integer version, String username, Action action, Instant now) {
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

    // ---- who acts -----------------------------------------------------------------------------------

    static PostHolding requirePost(List<PostHolding> posts, String agency, PostRole role) {
        return posts.stream().filter(p -> p.role() == role && p.agency().code().equals(agency)).findFirst()
                .orElseThrow(() -> ApiException.forbidden("processing.forbidden.role", role.name(), agency));
    }

    /**
     * The officer's post for the open step: its role in its agency and, when the step's queue is narrowed to
     * a field, a post whose field covers it (else 403 naming the dossier's field).
     */
    PostHolding requirePost(Ctx c, Step s) {
        requirePost(c.posts(), s.agencyCode(), s.role());
        return c.posts().stream().filter(p -> p.role() == s.role() && p.agency().code().equals(s.agencyCode())
                        && FieldKeys.covers(p.field(), s.fieldKey())).findFirst()
                .orElseThrow(() -> ApiException.forbidden("processing.forbidden.field", fieldName(c, s.fieldKey()),
                        s.agencyCode()));
    }

    /** Who may be given a step: holds its role in its agency today, with a post covering its field (else 422). */
    PostHolding holder(Ctx c, String agency, PostRole role, String fieldKey, String username, Instant now) {
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
    Actor performer(Ctx c, String username) {
        Step s = c.open();
        PostHolding post = requirePost(c, s);
        Actor actor = actor(username, post);
        if (s.assignee() != null && !s.assignee().equals(username)) {
            throw ApiException.forbidden("processing.forbidden.assignee", String.valueOf(s.assigneeName()));
        }
        return actor;
    }

    /** An officer of the dossier's (or its open step's) agency holding the first of {@code roles} they hold there. */
    Actor officerOf(Ctx c, String username, PostRole... roles) {
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

    Actor actor(String username, PostHolding post) {
        String name = post.officerName() != null ? post.officerName()
                : accounts.find(username).map(AccountService.Account::displayName).orElse(username);
        return new Actor(username, name, post.agency().code(), post.postTitle());
    }

    /** The applicant acting on their own dossier (answering a supplement, rating), with no agency or post. */
    Actor applicant(String username, Dossier d) {
        String name = accounts.find(username).map(AccountService.Account::displayName).orElse(d.applicant().name());
        return new Actor(username, name, null, null);
    }

    // ---- steps --------------------------------------------------------------------------------------

    /** The performer finishes the open step (taking it first if it was queued, see {@link #performer}). */
    void finish(Ctx c, Step s, Instant now, Actor performer, StepOutcome outcome) {
        Instant due = StepTiming.due(calendar, s.openedAt(), s.quotaHours(), pauses(c), s.agencyCode());
        Timeliness t = StepTiming.classify(calendar, now, due);
        if (s.assignee() == null) {
            steps.claimAndFinishStep(c.d().id(), s.seq(), now, performer.username(), performer.displayName(), outcome, t);
        } else {
            steps.finishStep(c.d().id(), s.seq(), now, performer.username(), outcome, t);
        }
    }

    /** The dossier's pauses; none to ask for when its clock was never paused. */
    List<Pause> pauses(Ctx c) {
        return c.row().pausedEver() ? steps.pauses(c.d().id()) : List.of();
    }

    /** Opens the next step in {@code agency}'s queue, narrowed to {@code queueField} (see {@link ProcessStart#queueField}). */
    void open(Ctx c, StepDef def, String agency, String queueField, Instant now, Actor sender, String assignee,
              String assigneeName) {
        steps.openStep(c.d().id(), def, agency, queueField, now, sender.username(), sender.displayName(),
                StepTiming.due(calendar, now, def.quotaHours(), List.of(), agency), assignee, assigneeName);
    }

    static Map<String, Object> handoff(Step from, String toStep, String toOfficer) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("step", from.code());
        data.put("toStep", toStep);
        if (toOfficer != null) {
            data.put("toOfficer", toOfficer);
        }
        return data;
    }

    // ---- small shared rules -------------------------------------------------------------------------

    static void requireText(String text, String key) {
        if (text == null || text.isBlank() || text.length() > 2000) {
            throw ApiException.unprocessable(key);
        }
    }

    static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, IntakeService.VN);
    }

    void publish(Dossier d, DossierState to, Instant at, String reason, Instant due) {
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
}
