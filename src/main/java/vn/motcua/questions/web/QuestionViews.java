package vn.motcua.questions.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.motcua.platform.security.AccountService;
import vn.motcua.questions.QuestionState;
import vn.motcua.questions.internal.Question;
import vn.motcua.questions.internal.QuestionService;
import vn.motcua.questions.internal.QuestionStore;
import vn.motcua.questions.internal.Who;

/** JSON shapes of the questions API. The public shape holds only the confirmed, redacted texts. */
@Component("questionViews")
class QuestionViews {

    private final MessageSource messages;
    private final AccountService accounts;
    private final vn.motcua.platform.throttle.Throttle throttle;
    private final vn.motcua.platform.throttle.Limit anonymousLimit;

    QuestionViews(MessageSource messages, AccountService accounts, vn.motcua.platform.throttle.Throttle throttle,
                  @org.springframework.beans.factory.annotation.Value("${motcua.questions.anonymous-per-client:20/PT1H}")
                  String anonymousLimit) {
        this.messages = messages;
        this.accounts = accounts;
        this.throttle = throttle;
        this.anonymousLimit = vn.motcua.platform.throttle.Limit.parse(anonymousLimit);
    }

    /** Anonymous questions are limited per client address (429 with Retry-After over the limit). */
    void throttleAnonymous(Who who, jakarta.servlet.http.HttpServletRequest request) {
        if (who.anonymous()) {
            java.time.Duration wait = throttle.request("questions", throttle.client(request), anonymousLimit);
            if (!wait.isZero()) {
                throw new vn.motcua.platform.throttle.TooManyAttempts("throttle.requests", wait);
            }
        }
    }

    record AgencyRef(String code, String name) {
    }

    /** The answer to a submission. {@code dueAt}: the answer is due then (15 working days). */
    record Created(UUID id, String code, QuestionState state, AgencyRef agency, OffsetDateTime dueAt,
                   OffsetDateTime acceptDueAt, OffsetDateTime receivedAt, boolean triage, String triageReason,
                   String earlierAnswer, String dossierCode) {
    }

    record Deadlines(OffsetDateTime accept, OffsetDateTime information, OffsetDateTime answer,
                     OffsetDateTime publish, OffsetDateTime current, boolean late) {
    }

    record EventView(int seq, OffsetDateTime at, String type, String text, QuestionState state, String actor,
                     String agency, String target, String reason, boolean late) {
    }

    record Full(UUID id, String code, QuestionState state, String stateText, String subject, String text,
                String placeCode, String placeUnitCode, String procedureCode, Question.Contact contact,
                AgencyRef agency, String assignee, String triageReason, OffsetDateTime receivedAt,
                OffsetDateTime acceptedAt, OffsetDateTime answeredAt, OffsetDateTime publishedAt, String answer,
                String refusalReason, Deadlines deadlines, int version, List<EventView> events) {
    }

    record Listed(UUID id, String code, QuestionState state, String stateText, String subject, AgencyRef agency,
                  String assignee, OffsetDateTime receivedAt, OffsetDateTime dueAt, boolean late) {
    }

    /** What anyone may read: redacted texts, no contact, no asker. */
    record Published(String code, String subject, String question, String answer, AgencyRef agency,
                     String procedureCode, OffsetDateTime answeredAt, OffsetDateTime publishedAt, int useful,
                     int notUseful) {
    }

    /** {@code earlierAnswer}: the code of the published answer this question repeats, if one was found. */
    Created created(Question q, String earlierAnswer) {
        return created(q, earlierAnswer, null);
    }

    /** {@code dossierCode}: the dossier the question was linked to, if any. */
    Created created(Question q, String earlierAnswer, String dossierCode) {
        return new Created(q.id(), q.code(), q.state(), agency(q), odt(q.answerDueAt()), odt(q.ackDueAt()),
                odt(q.receivedAt()), q.triageReason() != null, q.triageReason() == null ? null : text(q.triageReason()),
                earlierAnswer, dossierCode);
    }

    Full full(Question q, List<QuestionStore.Event> events, Instant now) {
        return new Full(q.id(), q.code(), q.state(), stateText(q.state()), q.subject(), q.body(), q.placeCode(),
                q.placeUnitCode(), q.procedureCode(), q.contact(), agency(q), q.assignee(),
                q.triageReason() == null ? null : text(q.triageReason()), odt(q.receivedAt()), odt(q.acceptedAt()),
                odt(q.answeredAt()), odt(q.publishedAt()), q.answer(), q.refusalReason(), deadlines(q, now), q.version(),
                events.stream().map(e -> new EventView(e.seq(), odt(e.at()), e.type(), eventText(e.type()), e.to(),
                        e.actorName() == null ? e.actor() : e.actorName(), e.actorAgency(), e.target(), e.reason(),
                        e.late())).toList());
    }

    Deadlines deadlines(Question q, Instant now) {
        return new Deadlines(odt(q.ackDueAt()), odt(q.infoDueAt()), odt(q.answerDueAt()), odt(q.publishDueAt()),
                odt(q.actionDueAt()), q.late(now));
    }

    Listed listed(Question q, Instant now) {
        return new Listed(q.id(), q.code(), q.state(), stateText(q.state()), q.subject(), agency(q), q.assignee(),
                odt(q.receivedAt()), odt(q.actionDueAt()), q.late(now));
    }

    Published published(Question q) {
        return new Published(q.code(), q.publicSubject(), q.publicQuestion(), q.publicAnswer(), agency(q),
                q.procedureCode(), odt(q.answeredAt()), odt(q.publishedAt()), q.useful(), q.notUseful());
    }

    public String stateText(QuestionState s) {
        return text("questions.state." + s.name());
    }

    public String eventText(String type) {
        return messages.getMessage("questions.event." + type, null, type, locale());
    }

    /** Formats an instant in Vietnam's time for pages. */
    public String fmt(Instant i) {
        return i == null ? "—" : java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
                .withZone(QuestionService.VN).format(i);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static AgencyRef agency(Question q) {
        return new AgencyRef(q.agencyCode(), q.agencyName());
    }

    static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(QuestionService.VN).toOffsetDateTime();
    }

    Who who(Authentication auth) {
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return Who.ANONYMOUS;
        }
        String name = accounts.find(auth.getName()).map(AccountService.Account::displayName).orElse(auth.getName());
        return new Who(auth.getName(), name, has(auth, "CITIZEN"), has(auth, "ADMIN"));
    }

    static boolean has(Authentication auth, String role) {
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }

    /** A publishable file of a published answer, as the public sees it. */
    record PublicFile(java.util.UUID id, String fileName, String contentType, int sizeBytes) {
    }

    static PublicFile publicFile(vn.motcua.questions.internal.QuestionFiles.FileInfo f) {
        return new PublicFile(f.id(), f.fileName(), f.contentType(), f.sizeBytes());
    }
}
