package vn.motcua.questions.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.motcua.platform.api.ApiException;
import vn.motcua.questions.QuestionState;
import vn.motcua.questions.internal.CouncilQuestionQueries;
import vn.motcua.questions.internal.CouncilReading;
import vn.motcua.questions.internal.Question;
import vn.motcua.questions.internal.Redactor;

/** The council member's reading, shared by the API and the pages: the filter's checks and the JSON shapes. */
@Component
class CouncilReadingViews {

    private final CouncilReading reading;
    private final QuestionViews views;
    private final MessageSource messages;

    CouncilReadingViews(CouncilReading reading, QuestionViews views, MessageSource messages) {
        this.reading = reading;
        this.views = views;
        this.messages = messages;
    }

    /** A question in the member's list: the subject redacted, no contact. */
    record CouncilQuestionRow(UUID id, String code, QuestionState state, String stateText, String subject,
               QuestionViews.AgencyRef agency, OffsetDateTime receivedAt, OffsetDateTime dueAt, boolean late) {
    }

    record CouncilQuestionRows(List<CouncilQuestionRow> items, int page, int size, long total) {
    }

    /** An event as the member reads it: the asker is never named, reasons are redacted. */
    record CouncilQuestionEvent(int seq, OffsetDateTime at, String type, String text, QuestionState state, String actor,
                     String agency, boolean late, String reason) {
    }

    /** One question, read-only and redacted; {@code hidden}: the kinds of personal data replaced. */
    record CouncilQuestionRead(UUID id, String code, QuestionState state, String stateText, String subject, String question,
                String answer, String refusalReason, QuestionViews.AgencyRef agency, String procedureCode,
                OffsetDateTime receivedAt, OffsetDateTime answeredAt, OffsetDateTime publishedAt,
                QuestionViews.Deadlines deadlines, boolean redacted, List<Redactor.Kind> hidden,
                List<CouncilQuestionEvent> events) {
    }

    /** The filter from request parameters: 400 for an unknown state or a malformed agency code. */
    static CouncilQuestionQueries.Filter filter(String agency, String state, Boolean late) {
        String a = agency == null || agency.isBlank() ? null : agency.strip();
        if (a != null && !a.matches("[A-Za-z0-9._-]{1,20}")) {
            throw ApiException.badRequest("questions.council.filterInvalid");
        }
        QuestionState s = null;
        if (state != null && !state.isBlank()) {
            try {
                s = QuestionState.valueOf(state.strip());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("questions.council.filterInvalid");
            }
        }
        return new CouncilQuestionQueries.Filter(a, s, Boolean.TRUE.equals(late));
    }

    CouncilQuestionRows list(Authentication auth, CouncilQuestionQueries.Filter filter, int page) {
        var found = reading.list(auth.getName(), filter, page);
        Instant now = reading.now();
        return new CouncilQuestionRows(found.items().stream().map(q -> row(q, now)).toList(), page, CouncilReading.PAGE_SIZE,
                found.total());
    }

    private CouncilQuestionRow row(Question q, Instant now) {
        return new CouncilQuestionRow(q.id(), q.code(), q.state(), views.stateText(q.state()), CouncilReading.subject(q),
                new QuestionViews.AgencyRef(q.agencyCode(), q.agencyName()), QuestionViews.odt(q.receivedAt()),
                QuestionViews.odt(q.actionDueAt()), q.late(now));
    }

    CouncilQuestionRead read(UUID id, Authentication auth, String purpose) {
        var who = views.who(auth);
        String post = messages.getMessage("questions.council.post", null, "Đại biểu Hội đồng nhân dân",
                Locale.forLanguageTag("vi"));
        CouncilReading.Read r = reading.read(id, who.username(), who.displayName(), post, purpose);
        Question q = r.question();
        String asker = messages.getMessage("questions.council.asker", null, "Người hỏi",
                org.springframework.context.i18n.LocaleContextHolder.getLocale());
        return new CouncilQuestionRead(q.id(), q.code(), q.state(), views.stateText(q.state()), r.subject(), r.text(), r.answer(),
                r.refusalReason(), new QuestionViews.AgencyRef(q.agencyCode(), q.agencyName()), q.procedureCode(),
                QuestionViews.odt(q.receivedAt()), QuestionViews.odt(q.answeredAt()),
                QuestionViews.odt(q.publishedAt()), views.deadlines(q, reading.now()), true, List.copyOf(r.hidden()),
                r.events().stream().map(e -> new CouncilQuestionEvent(e.event().seq(), QuestionViews.odt(e.event().at()),
                        e.event().type(), views.eventText(e.event().type()), e.event().to(),
                        e.byAsker() ? asker : e.event().actorName() == null ? e.event().actor() : e.event().actorName(),
                        e.event().actorAgency(), e.event().late(), e.reason())).toList());
    }
}
