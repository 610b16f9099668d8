package vn.motcua.questions.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.platform.api.ApiException;
import vn.motcua.privacy.AccessLog;

/**
 * A People's Council member reads the questions of the agencies they oversee ({@link CouncilScopes}), read-only and
 * <b>redacted</b>: subject, question, answer and the reasons in the history pass through the publication's
 * {@link Redactor} (with the asker's name), the contact is never shown, and the asker's own actions in the history
 * name no one. No member is entitled to the asker's identity here (see docs/questions.md, "Council members read
 * questions"). Every read of one question is written to the privacy module's access log.
 */
@Service
@Transactional
public class CouncilReading {

    /** How a council member's read of a question is logged ({@code access_log.what}). */
    public static final String LOGGED_AS = "QUESTION_COUNCIL";
    public static final int PAGE_SIZE = 50;

    private final CouncilScopes scopes;
    private final CouncilQuestionQueries queries;
    private final QuestionStore store;
    private final QuestionService questions;
    private final AccessLog accessLog;

    CouncilReading(CouncilScopes scopes, CouncilQuestionQueries queries, QuestionStore store,
                   QuestionService questions, AccessLog accessLog) {
        this.scopes = scopes;
        this.queries = queries;
        this.store = store;
        this.questions = questions;
        this.accessLog = accessLog;
    }

    /** One question as a council member reads it: redacted texts, what kinds of personal data were hidden. */
    public record Read(Question question, String subject, String text, String answer, String refusalReason,
                       Set<Redactor.Kind> hidden, List<ReadEvent> events) {
    }

    /** A history entry; {@code byAsker}: the asker acted (shown without a name). */
    public record ReadEvent(QuestionStore.Event event, boolean byAsker, String reason) {
    }

    /** The agencies the member oversees today (403 for an {@code agency} filter outside them). */
    @Transactional(readOnly = true)
    public List<String> agencies(String username) {
        return scopes.agencies(username, today());
    }

    @Transactional(readOnly = true)
    public CouncilQuestionQueries.Page list(String username, CouncilQuestionQueries.Filter filter, int page) {
        if (page < 0 || page > 10_000) {
            throw ApiException.badRequest("questions.paging.invalid");
        }
        List<String> scope = agencies(username);
        if (filter.agency() != null && !scope.contains(filter.agency())) {
            throw ApiException.forbidden("questions.forbidden.agency");
        }
        return queries.list(scope, filter, questions.now(), page * PAGE_SIZE, PAGE_SIZE);
    }

    /** Subjects as the list shows them: redacted like every text a member reads. */
    public static String subject(Question q) {
        return Redactor.redact(q.subject(), q.contact().name()).text();
    }

    /**
     * One question of an agency the member oversees (403 otherwise, 404 unknown), redacted; the read is logged with
     * {@code purpose} (the page or API call).
     */
    public Read read(UUID id, String username, String displayName, String post, String purpose) {
        Question q = store.find(id).orElseThrow(() -> ApiException.notFound("questions.notFound"));
        if (!scopes.covers(username, q.agencyCode(), today())) {
            throw ApiException.forbidden("questions.forbidden.agency");
        }
        accessLog.viewed(q.id(), new AccessLog.Viewer(username, displayName, null, post), LOGGED_AS, purpose);
        String name = q.contact().name();
        Set<Redactor.Kind> hidden = new LinkedHashSet<>();
        String subject = redact(q.subject(), name, hidden);
        String text = redact(q.body(), name, hidden);
        String answer = q.answer() == null ? null : redact(q.answer(), name, hidden);
        String refusal = q.refusalReason() == null ? null : redact(q.refusalReason(), name, hidden);
        List<ReadEvent> events = new ArrayList<>();
        for (QuestionStore.Event e : store.events(id)) {
            boolean byAsker = "anonymous".equals(e.actor()) || e.actor().equals(q.asker());
            events.add(new ReadEvent(e, byAsker, e.reason() == null ? null : redact(e.reason(), name, hidden)));
        }
        return new Read(q, subject, text, answer, refusal, hidden, events);
    }

    private static String redact(String text, String name, Set<Redactor.Kind> hidden) {
        Redactor.Result r = Redactor.redact(text, name);
        r.findings().forEach(f -> hidden.add(f.kind()));
        return r.text();
    }

    public Instant now() {
        return questions.now();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(questions.now(), QuestionService.VN);
    }
}
