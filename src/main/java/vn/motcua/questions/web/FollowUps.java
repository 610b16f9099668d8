package vn.motcua.questions.web;

import java.time.OffsetDateTime;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.throttle.Throttle;
import vn.motcua.questions.QuestionState;
import vn.motcua.questions.internal.Question;
import vn.motcua.questions.internal.QuestionFollowUp;
import vn.motcua.questions.internal.Redactor;

/**
 * The asker's follow-up by code and the last four digits of the contact phone, for the API and the page: every check
 * goes through the platform's tracking throttle (wrong pairs count per client address and per code, as for dossiers).
 * Shown: the state, the agency, the due date, what the agency asked for, and the answer as written — it is addressed
 * to the asker; the question's text and the contact are not shown, the subject is redacted.
 */
@Component
class FollowUps {

    private final QuestionFollowUp followUp;
    private final QuestionViews views;
    private final Throttle throttle;
    private final vn.motcua.questions.internal.QuestionService questions;

    FollowUps(QuestionFollowUp followUp, QuestionViews views, Throttle throttle,
              vn.motcua.questions.internal.QuestionService questions) {
        this.questions = questions;
        this.followUp = followUp;
        this.views = views;
        this.throttle = throttle;
    }

    /**
     * What the asker sees. {@code dueAt}: the answer is due then; {@code informationRequested}: what the agency asked
     * for while the state is AWAITING_INFORMATION; {@code answer}: once answered; {@code publishedCode}: once published.
     */
    record FollowUp(String code, QuestionState state, String stateText, String subject, QuestionViews.AgencyRef agency,
                    OffsetDateTime receivedAt, OffsetDateTime dueAt, boolean late, String informationRequested,
                    String answer, OffsetDateTime answeredAt, String publishedCode) {
    }

    /** 400 for a malformed pair, 404 for a wrong one or an unknown code (the same), 429 when throttled. */
    Question check(String code, String phoneLast4, HttpServletRequest request) {
        return throttle.trackingCheck(request, code, () -> followUp.find(code, phoneLast4))
                .orElseThrow(() -> ApiException.notFound("questions.followUp.notFound"));
    }

    FollowUp find(String code, String phoneLast4, HttpServletRequest request) {
        return view(check(code, phoneLast4, request));
    }

    FollowUp supply(String code, String phoneLast4, String text, HttpServletRequest request) {
        return view(followUp.supply(check(code, phoneLast4, request), text));
    }

    FollowUp view(Question q) {
        boolean answered = q.answeredAt() != null
                && (q.state() == QuestionState.ANSWERED || q.state() == QuestionState.PUBLISHED);
        return new FollowUp(q.code(), q.state(), views.stateText(q.state()),
                Redactor.redact(q.subject(), q.contact().name()).text(),
                new QuestionViews.AgencyRef(q.agencyCode(), q.agencyName()), QuestionViews.odt(q.receivedAt()),
                q.state().isOpen() && q.answeredAt() == null ? QuestionViews.odt(q.answerDueAt()) : null,
                q.late(questions.now()),
                followUp.informationRequested(q), answered ? q.answer() : null,
                answered ? QuestionViews.odt(q.answeredAt()) : null,
                q.state() == QuestionState.PUBLISHED ? q.code() : null);
    }
}
