package vn.motcua.questions.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.platform.api.ApiException;
import vn.motcua.questions.QuestionState;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.PostRole;
import vn.motcua.territory.Staff;
import vn.motcua.territory.Territory;

/**
 * "Dân hỏi – Chính quyền trả lời": a People's Council member creates a sitting of their council (a unit in their
 * scope), selects citizens' questions held by agencies of that unit (a province's own and its communes'), and assigns
 * each to a leader — someone holding a LEADER post of the agency holding the question today — with a date to answer
 * by. The leaders answer; when every selection is answered the member closes the sitting, which publishes all the
 * answers together: subject, question and answer redacted ({@link Redactor}) and confirmed by the member, refused
 * (422 naming the field, nothing published) while any still holds personal data ({@link PublicationTexts}).
 */
@Service
@Transactional
public class CouncilSittings {

    public record SelectionView(CouncilSittingStore.Selection selection, String subject) {
    }

    private final CouncilSittingStore store;
    private final QuestionStore questions;
    private final CouncilScopes scopes;
    private final Staff staff;
    private final Territory territory;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    CouncilSittings(CouncilSittingStore store, QuestionStore questions, CouncilScopes scopes, Staff staff,
                    Territory territory, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.questions = questions;
        this.scopes = scopes;
        this.staff = staff;
        this.territory = territory;
        this.clock = clock;
    }

    public CouncilSittingStore.Sitting create(String unitCode, String title, LocalDate date, Who who) {
        List<Map<String, String>> errors = new ArrayList<>();
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > 300 || !PublicationTexts.clean(t, null)) {
            errors.add(Map.of("field", "title", "code", "questions.sitting.title"));
        }
        if (date == null) {
            errors.add(Map.of("field", "date", "code", "questions.sitting.date"));
        }
        if (unitCode == null || !vn.motcua.territory.AdministrativeUnit.isCode(unitCode)) {
            errors.add(Map.of("field", "unitCode", "code", "questions.sitting.unit"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable("questions.sitting.invalid").with("errors", errors);
        }
        if (who.anonymous() || !scopes.units(who.username()).contains(unitCode)) {
            throw ApiException.forbidden("questions.sitting.notYourCouncil", unitCode);
        }
        if (territory.unit(unitCode, today()).isEmpty()) {
            throw ApiException.unprocessable("questions.sitting.invalid")
                    .with("errors", List.of(Map.of("field", "unitCode", "code", "questions.sitting.unit")));
        }
        CouncilSittingStore.Sitting s = new CouncilSittingStore.Sitting(UUID.randomUUID(), unitCode, t, date, "OPEN",
                who.username(), now(), null, null);
        store.insert(s);
        return s;
    }

    /** A sitting for a member of its council, an administrator, or a leader with a selection in it; 404 otherwise. */
    @Transactional(readOnly = true)
    public CouncilSittingStore.Sitting visible(UUID id, Who who) {
        CouncilSittingStore.Sitting s = store.find(id, false).orElseThrow(() -> ApiException.notFound("questions.sitting.notFound"));
        if (who.admin() || (!who.anonymous() && scopes.units(who.username()).contains(s.unitCode()))
                || (!who.anonymous() && store.selections(id).stream().anyMatch(x -> x.leader().equals(who.username())))) {
            return s;
        }
        throw ApiException.notFound("questions.sitting.notFound");
    }

    /** The sittings of the councils the member sits on (every one for an administrator: none listed). */
    @Transactional(readOnly = true)
    public List<CouncilSittingStore.Sitting> mine(Who who) {
        return store.ofUnits(scopes.units(who.username()));
    }

    /** The selections with the question's subject as the member may see it (redacted). */
    @Transactional(readOnly = true)
    public List<SelectionView> selections(UUID id) {
        List<SelectionView> out = new ArrayList<>();
        for (CouncilSittingStore.Selection sel : store.selections(id)) {
            Question q = questions.find(sel.questionId()).orElseThrow();
            out.add(new SelectionView(sel, Redactor.redact(q.subject(), q.contact().name()).text()));
        }
        return out;
    }

    /** Questions the member may select for the sitting: open or published, of agencies of its unit; newest first. */
    @Transactional(readOnly = true)
    public List<Question> candidates(UUID id, Who who) {
        CouncilSittingStore.Sitting s = member(id, who, false);
        LocalDate today = today();
        List<String> agencies = scopes.agencies(who.username(), today).stream()
                .filter(a -> scopes.coversUnits(List.of(s.unitCode()), a, today)).toList();
        return store.candidates(agencies, 100).stream().map(q -> questions.find(q).orElseThrow()).toList();
    }

    public CouncilSittingStore.Selection select(UUID id, UUID questionId, String leader, LocalDate answerBy, Who who) {
        CouncilSittingStore.Sitting s = member(id, who, true);
        requireOpen(s);
        LocalDate today = today();
        Question q = questionId == null ? null : questions.find(questionId).orElse(null);
        if (q == null) {
            throw invalid("questionId", "questions.sitting.question");
        }
        if (q.state() == QuestionState.REFUSED || !scopes.coversUnits(List.of(s.unitCode()), q.agencyCode(), today)) {
            throw invalid("questionId", "questions.sitting.questionOutside");
        }
        if (answerBy == null || answerBy.isBefore(today)) {
            throw invalid("answerBy", "questions.sitting.answerBy");
        }
        Optional<PostHolding> post = leader == null ? Optional.empty() : staff.holders(q.agencyCode(), PostRole.LEADER, today)
                .stream().filter(h -> leader.strip().equals(h.username())).findFirst();
        if (post.isEmpty()) {
            throw invalid("leader", "questions.sitting.leader");
        }
        if (!store.select(id, q.id(), q.agencyCode(), post.get().username(), post.get().officerName(), answerBy,
                who.username(), now())) {
            throw ApiException.conflict("questions.sitting.alreadySelected", q.code());
        }
        return store.selections(id).stream().filter(x -> x.questionId().equals(q.id())).findFirst().orElseThrow();
    }

    /** The assigned leader answers (again, while the sitting is open). */
    public CouncilSittingStore.Selection answer(UUID id, UUID questionId, String answer, Who who) {
        CouncilSittingStore.Sitting s = store.find(id, true).orElseThrow(() -> ApiException.notFound("questions.sitting.notFound"));
        CouncilSittingStore.Selection sel = store.selections(id).stream().filter(x -> x.questionId().equals(questionId))
                .findFirst().orElseThrow(() -> ApiException.notFound("questions.sitting.notFound"));
        if (who.anonymous() || !sel.leader().equals(who.username())) {
            throw ApiException.forbidden("questions.sitting.notYourQuestion");
        }
        requireOpen(s);
        String text = QuestionService.required(answer, "answer");
        store.answer(id, questionId, text.strip(), now());
        return store.selections(id).stream().filter(x -> x.questionId().equals(questionId)).findFirst().orElseThrow();
    }

    /** A text with the personal data found replaced, and the kinds found (never the data itself). */
    public record Redacted(String text, List<Redactor.Kind> found) {

        static Redacted of(Redactor.Result r) {
            return new Redacted(r.text(), r.findings().stream().map(Redactor.Finding::kind).distinct().toList());
        }
    }

    /** One selection's draft for the council member, who is not an officer of the agency: no raw personal data. */
    public record SelectionDraft(UUID questionId, String code, Redacted subject, Redacted question, Redacted answer) {
    }

    /** What closing would publish: each selection's texts with the personal data found replaced, and its kinds. */
    @Transactional(readOnly = true)
    public List<SelectionDraft> draft(UUID id, Who who) {
        member(id, who, false);
        List<SelectionDraft> out = new ArrayList<>();
        for (CouncilSittingStore.Selection sel : store.selections(id)) {
            Question q = questions.find(sel.questionId()).orElseThrow();
            String name = q.contact().name();
            out.add(new SelectionDraft(q.id(), q.code(), Redacted.of(Redactor.redact(q.subject(), name)),
                    Redacted.of(Redactor.redact(q.body(), name)),
                    Redacted.of(Redactor.redact(sel.answer() == null ? "" : sel.answer(), name))));
        }
        return out;
    }

    /** Confirmed texts for one selection (null: the automatic draft's). */
    public record Texts(String subject, String question, String answer) {
    }

    /**
     * Closes the sitting and publishes every answer together, or nothing: 409 while a selection is unanswered (or
     * none was selected), 422 naming {@code selections[questionId].field} while a confirmed text holds personal data.
     */
    public CouncilSittingStore.Sitting close(UUID id, Map<UUID, Texts> confirmed, Who who) {
        CouncilSittingStore.Sitting s = member(id, who, true);
        requireOpen(s);
        List<CouncilSittingStore.Selection> sels = store.selections(id);
        if (sels.isEmpty()) {
            throw ApiException.conflict("questions.sitting.empty");
        }
        List<String> unanswered = sels.stream().filter(x -> x.answer() == null).map(CouncilSittingStore.Selection::questionCode).toList();
        if (!unanswered.isEmpty()) {
            throw ApiException.conflict("questions.sitting.unanswered", String.join(", ", unanswered));
        }
        List<Map<String, String>> errors = new ArrayList<>();
        List<Object[]> publish = new ArrayList<>();
        for (CouncilSittingStore.Selection sel : sels) {
            Question q = questions.find(sel.questionId()).orElseThrow();
            Texts t = confirmed == null ? null : confirmed.get(sel.questionId());
            String name = q.contact().name();
            Map<String, String> texts = new java.util.LinkedHashMap<>();
            texts.put("subject", t == null || t.subject() == null ? Redactor.redact(q.subject(), name).text() : t.subject().strip());
            texts.put("question", t == null || t.question() == null ? Redactor.redact(q.body(), name).text() : t.question().strip());
            texts.put("answer", t == null || t.answer() == null ? Redactor.redact(sel.answer(), name).text() : t.answer().strip());
            texts.forEach((field, text) -> {
                String f = "selections[" + sel.questionId() + "]." + field;
                if (text.isEmpty()) {
                    errors.add(Map.of("field", f, "code", "questions.field.required"));
                } else if (!PublicationTexts.clean(text, q.contact())) {
                    errors.add(Map.of("field", f, "code", "questions.publish.personalData"));
                }
            });
            publish.add(new Object[]{sel.questionId(), texts});
        }
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable("questions.publish.personalData").with("errors", errors);
        }
        for (Object[] p : publish) {
            @SuppressWarnings("unchecked")
            Map<String, String> texts = (Map<String, String>) p[1];
            store.publish(id, (UUID) p[0], texts.get("subject"), texts.get("question"), texts.get("answer"));
        }
        Instant now = now();
        store.close(id, who.username(), now);
        for (Object[] p : publish) {
            published((UUID) p[0], s, who, now);
        }
        return store.find(id, false).orElseThrow();
    }

    /**
     * A sitting's publication of one answer is a publication like an agency's: recorded in the question's history
     * and announced by the same {@link vn.motcua.questions.QuestionStateChanged} of type {@code PUBLISHED} (the asker's
     * notice, the assistant). The question itself is not changed — the published texts are the sitting's — so its
     * version stays: an officer working on the question at that moment keeps their edit (no 409). The asker's notice
     * is told apart from the agency's own publication by the sitting's page ({@code publicPath}).
     */
    private void published(UUID questionId, CouncilSittingStore.Sitting s, Who who, Instant now) {
        Question before = questions.find(questionId).orElseThrow();
        questions.appendEvent(questionId, now, "PUBLISHED", before.state(), before.state(), who.username(),
                who.displayName(), before.agencyCode(), null, s.title(), false);
        Question after = questions.find(questionId).orElseThrow();
        events.publishEvent(QuestionChanges.of(before, after, "PUBLISHED", null, now, "/questions/sittings/" + s.id()));
    }

    /** A closed sitting, for anyone. */
    @Transactional(readOnly = true)
    public Optional<CouncilSittingStore.Sitting> published(UUID id) {
        return store.find(id, false).filter(CouncilSittingStore.Sitting::closed);
    }

    @Transactional(readOnly = true)
    public List<CouncilSittingStore.Sitting> publishedSittings() {
        return store.closed(100);
    }

    /** Selections a leader has to answer. */
    @Transactional(readOnly = true)
    public List<CouncilSittingStore.Selection> assignedTo(Who who) {
        return who.anonymous() ? List.of() : store.assignedTo(who.username());
    }

    @Transactional(readOnly = true)
    public List<CouncilSittingStore.Selection> selectionsOf(UUID id) {
        return store.selections(id);
    }

    private CouncilSittingStore.Sitting member(UUID id, Who who, boolean lock) {
        CouncilSittingStore.Sitting s = store.find(id, lock).orElseThrow(() -> ApiException.notFound("questions.sitting.notFound"));
        if (who.anonymous() || !scopes.units(who.username()).contains(s.unitCode())) {
            throw ApiException.forbidden("questions.sitting.notYourCouncil", s.unitCode());
        }
        return s;
    }

    private static void requireOpen(CouncilSittingStore.Sitting s) {
        if (s.closed()) {
            throw ApiException.conflict("questions.sitting.closed");
        }
    }

    private static ApiException invalid(String field, String code) {
        return ApiException.unprocessable(code).with("errors", List.of(Map.of("field", field, "code", code)));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(QuestionService.VN));
    }
}
