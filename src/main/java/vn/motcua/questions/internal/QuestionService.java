package vn.motcua.questions.internal;

import vn.motcua.platform.time.VietnamTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.Pause;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.text.VietnameseText;
import vn.motcua.questions.QuestionState;
import vn.motcua.territory.Agency;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.Staff;

/**
 * A question's life: submission and routing (the dossiers' rules: the competent agency for the procedure at the place
 * as of today, old unit codes followed through the lineage, the province service centre's triage when uncertain),
 * the officers' actions under the time limits of {@link QuestionDeadlines}, redacted publication and ratings. Every
 * change is one transaction that updates the row and appends its event.
 */
@Service
@Transactional
public class QuestionService {

    public static final ZoneId VN = VietnamTime.ZONE;
    /** The newest published answers read per repeat key: bounds the look-up at submission (10 keys × 20). */
    static final int REPEAT_CANDIDATES_PER_KEY = 20;
    static final List<QuestionState> DECIDABLE = List.of(QuestionState.RECEIVED, QuestionState.FORWARDED,
            QuestionState.SUPPLEMENTED);

    private final QuestionStore store;
    private final QuestionRouting routing;
    private final ApplicationEventPublisher events;
    private final Catalogue catalogue;
    private final Staff staff;
    private final AccountService accounts;
    private final QuestionDeadlines deadlines;
    private final Clock clock;
    private final QuestionFiles files;

    QuestionService(QuestionStore store, QuestionRouting routing, ApplicationEventPublisher events, Catalogue catalogue,
                    Staff staff, AccountService accounts, WorkingCalendar calendar, Clock clock, QuestionFiles files) {
        this.files = files;
        this.store = store;
        this.routing = routing;
        this.events = events;
        this.catalogue = catalogue;
        this.staff = staff;
        this.accounts = accounts;
        this.deadlines = new QuestionDeadlines(calendar);
        this.clock = clock;
    }

    // ---- submission and routing ------------------------------------------------------------------------------

    public Question submit(SubmitQuestion cmd, Who who) {
        return submit(cmd, who, null);
    }

    /**
     * A question about a dossier the asker may see ({@link QuestionDossiers#resolve}): held by the agency holding the
     * dossier (valid today), else routed as any other; linked to it.
     */
    public Question submit(SubmitQuestion cmd, Who who, vn.motcua.dossier.DossierTracking.Tracked dossier) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, VN);
        Question.Contact contact = contact(cmd.contact(), who);
        String procedure = blankToNull(cmd.procedureCode());
        if (procedure != null && catalogue.versionInForce(procedure, today).isEmpty()) {
            throw ApiException.unprocessable("questions.procedure.unknown", procedure)
                    .with("errors", List.of(Map.of("field", "procedureCode", "code", "questions.procedure.unknown")));
        }
        List<QuestionFiles.Upload> uploads = QuestionFiles.decode(cmd.attachments());
        QuestionRouting.Route placed = routing.route(procedure, cmd.place().unitCode().strip(), today);
        QuestionRouting.Route route = dossier == null || dossier.agencyCode() == null ? placed
                : routing.agency(dossier.agencyCode(), today)
                .map(a -> new QuestionRouting.Route(a, null, placed.unitCode())).orElse(placed);
        Agency agency = route.agency();
        Instant answerDue = deadlines.answer(now, List.of(), agency.code());
        Instant ackDue = deadlines.accept(now, agency.code());
        Question q = new Question(UUID.randomUUID(), store.nextCode(today), cmd.subject().strip(), cmd.text().strip(),
                cmd.place().unitCode().strip(), route.unitCode(), procedure, who.citizen() ? who.username() : null,
                contact, agency.code(), agency.name(), null, route.triageReason(), QuestionState.RECEIVED, now, now,
                null, ackDue, deadlines.information(now, agency.code()), answerDue, null, null, null, null, null, null,
                null, ackDue, null, null, null, 0, 0, 0);
        store.insert(q);
        if (dossier != null) {
            store.update(q.id(), q.state(), Map.of("dossier_id", dossier.id(), "dossier_code", dossier.code()));
        }
        files.insert(q.id(), uploads, actorName(who), now);
        // A repeated question is linked to the published answer it most resembles (the officer may answer by it).
        store.repeated(RepeatKeys.ofSubmitted(q.subject(), q.body(), contact.name()), RepeatKeys.MIN_SHARED,
                REPEAT_CANDIDATES_PER_KEY).ifPresent(e -> store.linkEarlier(q.id(), e[0]));
        store.appendEvent(q.id(), now, "RECEIVED", null, QuestionState.RECEIVED, actorName(who), who.displayName(),
                agency.code(), agency.code(), route.triageReason(), false);
        return q;
    }

    private Question.Contact contact(SubmitQuestion.Contact c, Who who) {
        String name = c == null ? null : blankToNull(c.name());
        String phone = c == null ? null : blankToNull(c.phone());
        String email = c == null ? null : blankToNull(c.email());
        if (who.citizen()) {
            var account = accounts.find(who.username());
            if (name == null) {
                name = account.map(AccountService.Account::displayName).orElse(who.username());
            }
            if (email == null && phone == null) {
                email = account.map(AccountService.Account::email).orElse(null);
            }
            return new Question.Contact(name, phone, email);
        }
        List<Map<String, String>> errors = new ArrayList<>();
        if (name == null) {
            errors.add(Map.of("field", "contact.name", "code", "questions.contact.name"));
        }
        if (phone == null && email == null) {
            errors.add(Map.of("field", "contact.phone", "code", "questions.contact.reach"));
            errors.add(Map.of("field", "contact.email", "code", "questions.contact.reach"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable("questions.contact.required").with("errors", errors);
        }
        return new Question.Contact(name.strip(), phone, email);
    }

    // ---- officers' actions -----------------------------------------------------------------------------------

    public Question accept(UUID id, Integer version, Who who) {
        Question q = actionable(id, version, who, DECIDABLE);
        Instant now = now();
        Map<String, Object> set = new HashMap<>();
        set.put("accepted_at", q.acceptedAt() == null ? now : q.acceptedAt());
        set.put("assignee", q.assignee() == null ? who.username() : q.assignee());
        set.put("action_due_at", q.answerDueAt());
        set.put("triage_reason", null);
        boolean late = q.ackDueAt() != null && now.isAfter(q.ackDueAt()) && q.acceptedAt() == null;
        return change(q, QuestionState.PROCESSING, set, "ACCEPTED", who, null, null, late);
    }

    public Question refuse(UUID id, Integer version, String reason, Who who) {
        String r = required(reason, "reason");
        Question q = actionable(id, version, who, DECIDABLE);
        Instant now = now();
        boolean late = q.ackDueAt() != null && now.isAfter(q.ackDueAt()) && q.acceptedAt() == null;
        return change(q, QuestionState.REFUSED, Map.of("refusal_reason", r, "closed_at", now), "REFUSED", who, null,
                r, late);
    }

    /** To another agency, with a reason: its clock starts again (accept in 2, answer in 15 working days). */
    public Question forward(UUID id, Integer version, String agencyCode, String reason, Who who) {
        String r = required(reason, "reason");
        String code = required(agencyCode, "agencyCode");
        Question q = actionable(id, version, who, List.of(QuestionState.RECEIVED, QuestionState.FORWARDED,
                QuestionState.SUPPLEMENTED, QuestionState.PROCESSING));
        Instant now = now();
        Agency target = routing.agency(code, LocalDate.ofInstant(now, VN))
                .orElseThrow(() -> ApiException.unprocessable("questions.forward.unknownAgency", code)
                        .with("errors", List.of(Map.of("field", "agencyCode", "code", "questions.forward.unknownAgency"))));
        if (target.code().equals(q.agencyCode())) {
            throw ApiException.unprocessable("questions.forward.same")
                    .with("errors", List.of(Map.of("field", "agencyCode", "code", "questions.forward.same")));
        }
        Instant ack = deadlines.accept(now, target.code());
        Map<String, Object> set = new HashMap<>();
        set.put("agency_code", target.code());
        set.put("agency_name", target.name());
        set.put("assignee", null);
        set.put("triage_reason", null);
        set.put("accepted_at", null);
        set.put("clock_from", now);
        set.put("ack_due_at", ack);
        set.put("info_due_at", deadlines.information(now, target.code()));
        set.put("answer_due_at", deadlines.answer(now, List.of(), target.code()));
        set.put("action_due_at", ack);
        return change(q, QuestionState.FORWARDED, set, "FORWARDED", who, target.code(), r, false);
    }

    /** To another officer holding a post in the same agency today; the state does not change. */
    public Question reassign(UUID id, Integer version, String assignee, Who who) {
        String to = required(assignee, "assignee");
        Question q = actionable(id, version, who, List.of(QuestionState.RECEIVED, QuestionState.FORWARDED,
                QuestionState.SUPPLEMENTED, QuestionState.PROCESSING, QuestionState.AWAITING_INFORMATION,
                QuestionState.ANSWERED));
        boolean holdsPost = staff.postsOf(to, today()).stream().anyMatch(p -> p.agency().code().equals(q.agencyCode()));
        if (!holdsPost) {
            throw ApiException.unprocessable("questions.reassign.notInAgency", to)
                    .with("errors", List.of(Map.of("field", "assignee", "code", "questions.reassign.notInAgency")));
        }
        return change(q, q.state(), Map.of("assignee", to), "REASSIGNED", who, to, null, false);
    }

    /** Ask the citizen for more information: the answer clock pauses until they supply it. */
    public Question requestInformation(UUID id, Integer version, String message, Who who) {
        String m = required(message, "message");
        Question q = actionable(id, version, who, List.of(QuestionState.RECEIVED, QuestionState.FORWARDED,
                QuestionState.SUPPLEMENTED, QuestionState.PROCESSING));
        Instant now = now();
        Map<String, Object> set = new HashMap<>();
        set.put("info_asked_at", now);
        set.put("action_due_at", null); // waiting for the citizen
        boolean late = q.infoDueAt() != null && now.isAfter(q.infoDueAt());
        return change(q, QuestionState.AWAITING_INFORMATION, set, "INFORMATION_REQUESTED", who, null, m, late);
    }

    /** The citizen (or an officer of the agency on their behalf) supplies the information asked for. */
    public Question supplement(UUID id, Integer version, String text, Who who) {
        String t = required(text, "text");
        Question q = store.lock(id);
        if (who.citizen()) {
            if (!who.username().equals(q.asker())) {
                throw ApiException.notFound("questions.notFound");
            }
        } else {
            requireAgency(q, who);
        }
        return supplied(q, version, t, who);
    }

    /**
     * The anonymous asker's follow-up (code + the last four digits of the contact phone, checked by the caller under
     * the tracking throttle) supplies the information asked for.
     */
    public Question supplementAsContact(UUID id, String text, Who contact) {
        String t = required(text, "text");
        return supplied(store.lock(id), null, t, contact);
    }

    private Question supplied(Question q, Integer version, String t, Who who) {
        requireState(q, List.of(QuestionState.AWAITING_INFORMATION));
        requireVersion(q, version);
        Instant now = now();
        List<Pause> pauses = pausesSince(q, now);
        Instant answerDue = deadlines.answer(q.clockFrom(), pauses, q.agencyCode());
        Map<String, Object> set = new HashMap<>();
        set.put("body", q.body() + "\n\n" + t);
        set.put("info_asked_at", null);
        set.put("answer_due_at", answerDue);
        Instant ack = deadlines.accept(now, q.agencyCode());
        if (q.acceptedAt() == null) {
            set.put("ack_due_at", ack);
        }
        set.put("action_due_at", q.acceptedAt() == null ? ack : answerDue);
        return change(q, QuestionState.SUPPLEMENTED, set, "SUPPLEMENTED", who, null, t, false);
    }

    /** The pauses of the answer clock since it last started: information asked → supplied (the last ends now). */
    private List<Pause> pausesSince(Question q, Instant now) {
        List<Pause> pauses = new ArrayList<>();
        Instant open = null;
        for (QuestionStore.Event e : store.events(q.id())) {
            if (e.at().isBefore(q.clockFrom())) {
                continue;
            }
            if (e.type().equals("INFORMATION_REQUESTED")) {
                open = e.at();
            } else if (e.type().equals("SUPPLEMENTED") && open != null) {
                pauses.add(new Pause(open, e.at()));
                open = null;
            }
        }
        if (open != null) {
            pauses.add(new Pause(open, now));
        }
        return pauses;
    }

    public Question answer(UUID id, Integer version, String answer, Who who) {
        String a = required(answer, "answer");
        Question q = actionable(id, version, who, List.of(QuestionState.PROCESSING, QuestionState.SUPPLEMENTED));
        if (q.acceptedAt() == null) {
            throw ApiException.conflict("questions.state.notAllowed", q.state().name());
        }
        Instant now = now();
        Instant publishDue = deadlines.publish(now, q.agencyCode());
        Map<String, Object> set = new HashMap<>();
        set.put("answer", a);
        set.put("answered_at", now);
        set.put("publish_due_at", publishDue);
        set.put("action_due_at", publishDue);
        return change(q, QuestionState.ANSWERED, set, "ANSWERED", who, null, null, now.isAfter(q.answerDueAt()));
    }

    /** What publication would show, with the personal data found hidden: the officer reviews and confirms it. */
    public record Draft(Redactor.Result subject, Redactor.Result question, Redactor.Result answer) {
    }

    public Draft draft(UUID id, Who who) {
        Question q = store.find(id).orElseThrow(() -> ApiException.notFound("questions.notFound"));
        requireAgency(q, who);
        String name = q.contact().name();
        return new Draft(Redactor.redact(q.subject(), name), Redactor.redact(q.body(), name),
                Redactor.redact(q.answer(), name));
    }

    /**
     * Publishes the texts the officer confirmed (a text left out: the automatic draft's, as it is). Refused (422, naming the field) while a phone number, an ID number,
     * an e-mail address, or the asker's name or contact remains in any of them.
     */
    public Question publish(UUID id, Integer version, String subject, String question, String answer, Who who) {
        Question q = actionable(id, version, who, List.of(QuestionState.ANSWERED));
        Map<String, String> texts = PublicationTexts.confirmed(q, subject, question, answer);
        Instant now = now();
        Map<String, Object> set = new HashMap<>();
        set.put("public_subject", texts.get("subject"));
        set.put("public_question", texts.get("question"));
        set.put("public_answer", texts.get("answer"));
        set.put("public_fold", VietnameseText.fold(texts.get("subject") + " " + texts.get("question") + " "
                + texts.get("answer")));
        set.put("published_at", now);
        set.put("closed_at", now);
        set.put("action_due_at", null);
        Question published = change(q, QuestionState.PUBLISHED, set, "PUBLISHED", who, null, null,
                q.publishDueAt() != null && now.isAfter(q.publishDueAt()));
        store.saveRepeatKeys(q.id(), now, RepeatKeys.of(texts.get("subject") + "\n" + texts.get("question")));
        return published;
    }

    /** A signed-in citizen finds a published answer useful or not (one rating per account, the last one counts). */
    public int[] rate(String code, String username, boolean useful) {
        Question q = store.findByCode(code).filter(x -> x.state() == QuestionState.PUBLISHED)
                .orElseThrow(() -> ApiException.notFound("questions.notFound"));
        return store.rate(q.id(), username, useful, now());
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /** A question for its asker, officers of its agency, administrators and auditors; 404 to other citizens. */
    @Transactional(readOnly = true)
    public Question visible(UUID id, Who who, boolean auditor) {
        Question q = store.find(id).orElseThrow(() -> ApiException.notFound("questions.notFound"));
        if (who.admin() || auditor) {
            return q;
        }
        if (who.citizen() || who.anonymous()) {
            if (who.anonymous() || !who.username().equals(q.asker())) {
                throw ApiException.notFound("questions.notFound");
            }
            return q;
        }
        requireAgency(q, who);
        return q;
    }

    /** Agency codes where the officer holds a post today. */
    public List<String> agenciesOf(String username) {
        return staff.postsOf(username, today()).stream().map(PostHolding::agency).map(Agency::code).distinct().toList();
    }

    /** Published questions, redacted, matching every word of {@code q} with or without diacritics. */
    @Transactional(readOnly = true)
    public List<Question> search(String q, String procedureCode, int page, int size) {
        return searchCounted(q, procedureCode, page, size, 0).items();
    }

    /** {@link #search} and the number of matches, counted at most {@code countAhead} past this page. */
    @Transactional(readOnly = true)
    public PublishedSearchStore.Page searchCounted(String q, String procedureCode, int page, int size, int countAhead) {
        return store.searchPublished(terms(q), blankToNull(procedureCode), page * size, size, countAhead);
    }

    private static List<String> terms(String q) {
        return q == null ? List.of() : List.of(VietnameseText.fold(q).split(" ")).stream()
                .filter(t -> !t.isBlank()).limit(10).toList();
    }

    public Optional<Question> published(String code) {
        return store.findByCode(code).filter(x -> x.state() == QuestionState.PUBLISHED);
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ---- rules ------------------------------------------------------------------------------------------------

    private Question actionable(UUID id, Integer version, Who who, List<QuestionState> allowed) {
        Question q = store.lock(id);
        requireAgency(q, who);
        requireState(q, allowed);
        requireVersion(q, version);
        return q;
    }

    /** 403 unless the officer holds a post today in the agency that holds the question (administrators: triage). */
    private void requireAgency(Question q, Who who) {
        if (who.admin() && q.triageReason() != null) {
            return;
        }
        if (who.anonymous() || who.citizen() || !agenciesOf(who.username()).contains(q.agencyCode())) {
            throw ApiException.forbidden("questions.forbidden.agency");
        }
    }

    private static void requireState(Question q, List<QuestionState> allowed) {
        if (!allowed.contains(q.state())) {
            throw ApiException.conflict("questions.state.notAllowed", q.state().name());
        }
    }

    private static void requireVersion(Question q, Integer version) {
        if (version != null && version != q.version()) {
            throw ApiException.conflict("error.concurrent-change");
        }
    }

    private Question change(Question q, QuestionState to, Map<String, Object> set, String type, Who who, String target,
                            String reason, boolean late) {
        Instant now = now();
        store.update(q.id(), to, set);
        store.appendEvent(q.id(), now, type, q.state(), to, actorName(who), who.displayName(), q.agencyCode(), target,
                reason, late);
        Question after = store.find(q.id()).orElseThrow();
        events.publishEvent(QuestionChanges.of(q, after, type, reason, now)); // the asker's notice (notify)
        return after;
    }

    private static String actorName(Who who) {
        return who.anonymous() ? "anonymous" : who.username();
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.unprocessable("questions.field.required", field)
                    .with("errors", List.of(Map.of("field", field, "code", "questions.field.required")));
        }
        if (value.length() > 10_000) {
            throw ApiException.unprocessable("questions.field.tooLong", field, 10_000)
                    .with("errors", List.of(Map.of("field", field, "code", "questions.field.tooLong")));
        }
        return value.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), VN);
    }
}
