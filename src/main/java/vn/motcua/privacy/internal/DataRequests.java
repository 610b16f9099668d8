package vn.motcua.privacy.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.text.InputText;
import vn.motcua.privacy.DataRequestAnswered;

/**
 * Data subject requests (Law 91/2025/QH15, Decree 356/2025): a citizen asks for access to their data, a correction,
 * a deletion or a restriction; each is a case with a due date counted in working days on the working calendar from
 * the day it is filed, a queue for the privacy officers (auditors and administrators) and a recorded answer.
 *
 * <p>Two answers are given at once by the system: access (the export is self-service, JSON and PDF) and a deletion
 * while any of the citizen's dossiers is under archival retention (refused, with the rule's legal basis and the date
 * until when, or "permanently"). Everything else waits for an officer.
 */
@Service
@Transactional
public class DataRequests {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final Set<String> KINDS = Set.of("ACCESS", "CORRECTION", "DELETION", "RESTRICTION");
    public static final Set<String> OUTCOMES = Set.of("DONE", "PARTLY", "REFUSED");
    static final String SYSTEM = "system";
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Set<String> CLOSED = Set.of("REFUSED", "RETURNED", "STOPPED");

    private final RequestStore store;
    private final WorkingCalendar calendar;
    private final MessageSource messages;
    private final Clock clock;
    private final int workingDays;
    private final ApplicationEventPublisher events;
    private final vn.motcua.privacy.AccessLog accessLog;

    DataRequests(RequestStore store, WorkingCalendar calendar, MessageSource messages, Clock clock,
                 ApplicationEventPublisher events, vn.motcua.privacy.AccessLog accessLog,
                 @Value("${motcua.privacy.requests.working-days:2}") int workingDays) {
        this.events = events;
        this.accessLog = accessLog;
        this.store = store;
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
        if (workingDays < 1) {
            throw new IllegalStateException("motcua.privacy.requests.working-days must be at least 1");
        }
        this.workingDays = workingDays;
    }

    /**
     * An officer downloaded the citizen's data export of a request ({@code purpose}: the download's path): an access-log
     * row (what EXPORT) for each of the citizen's dossiers, so the citizen sees it beside each dossier and in their own
     * export; for a citizen without dossiers, one row under the request's id (as a question's reads are logged under the
     * question's id).
     */
    public void exported(Request r, String officer, String purpose) {
        vn.motcua.privacy.AccessLog.Viewer viewer = new vn.motcua.privacy.AccessLog.Viewer(officer,
                store.displayName(officer), null, null);
        List<UUID> ids = store.dossiersOf(r.username()).stream().map(RequestStore.Held::id).toList();
        for (UUID id : ids.isEmpty() ? List.of(r.id()) : ids) {
            accessLog.viewed(id, viewer, "EXPORT", purpose);
        }
    }

    /** A request and, once answered, its answer. */
    public record Request(UUID id, String username, String kind, String detail, String reason, String state,
                          Instant filedAt, LocalDate dueOn, int timeLimitDays, String outcome, String answer,
                          LocalDate retainedUntil, boolean retainedPermanently, Instant answeredAt, String answeredBy,
                          String answeredByName, String corrected) {
    }

    /** Why the citizen's dossiers cannot be deleted now: the latest date they are kept until, or permanently. */
    public record Retained(boolean any, boolean permanently, boolean open, LocalDate until, List<String> reasons) {
    }

    public Request file(String username, String kind, String detail, String reason) {
        if (kind == null || !KINDS.contains(kind)) {
            throw ApiException.unprocessable("privacy.request.kind");
        }
        detail = text(detail, "privacy.request.detail");
        reason = text(reason, "privacy.request.reason");
        if (("CORRECTION".equals(kind) || "RESTRICTION".equals(kind)) && (detail == null || reason == null)) {
            throw ApiException.unprocessable("privacy.request.detailAndReason");
        }
        Instant now = clock.instant();
        LocalDate filedOn = LocalDate.ofInstant(now, VN);
        Request r = new Request(UUID.randomUUID(), username, kind, detail, reason, "OPEN", now,
                calendar.addWorkingDays(filedOn, workingDays), workingDays, null, null, null, false, null, null, null, null);
        store.insert(r);
        if ("ACCESS".equals(kind)) {
            store.answer(r.id(), "DONE", message("privacy.request.auto.access"), null, false, now, SYSTEM, null, null);
        } else if ("DELETION".equals(kind)) {
            Retained kept = retained(username);
            if (kept.any()) {
                store.answer(r.id(), "REFUSED", refusal(kept), kept.until(), kept.permanently(), now, SYSTEM, null,
                        null);
            }
        }
        return store.find(r.id()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Request> mine(String username) {
        return store.of(username);
    }

    @Transactional(readOnly = true)
    public List<Request> queue(boolean open, int limit) {
        return store.queue(open, limit);
    }

    @Transactional(readOnly = true)
    public Request find(UUID id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("privacy.request.notFound"));
    }

    /** An officer's answer. A deletion is refused (409) while the citizen's dossiers are under retention. */
    public Request answer(UUID id, String outcome, String answer, String officer) {
        return answer(id, outcome, answer, null, officer);
    }

    /**
     * An officer's answer; for a correction carried out (DONE, PARTLY), {@code corrected} says what was corrected
     * (required). The citizen is told through {@link DataRequestAnswered}, published in this transaction.
     */
    public Request answer(UUID id, String outcome, String answer, String corrected, String officer) {
        Request r = store.find(id).orElseThrow(() -> ApiException.notFound("privacy.request.notFound"));
        if (!"OPEN".equals(r.state())) {
            throw ApiException.conflict("privacy.request.answered");
        }
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            throw ApiException.unprocessable("privacy.request.outcome");
        }
        answer = text(answer, "privacy.request.answer");
        if (answer == null) {
            throw ApiException.unprocessable("privacy.request.answerMissing");
        }
        corrected = text(corrected, "privacy.request.corrected");
        if ("CORRECTION".equals(r.kind()) && !"REFUSED".equals(outcome) && corrected == null) {
            throw ApiException.unprocessable("privacy.request.correctedMissing");
        }
        if (!"CORRECTION".equals(r.kind()) || "REFUSED".equals(outcome)) {
            corrected = null;
        }
        LocalDate until = null;
        boolean permanently = false;
        if ("DELETION".equals(r.kind())) {
            Retained kept = retained(r.username());
            if (kept.any() && !"REFUSED".equals(outcome)) {
                throw ApiException.conflict("privacy.request.retained", refusal(kept));
            }
            until = kept.until();
            permanently = kept.permanently();
        }
        if (!store.answer(id, outcome, answer, until, permanently, clock.instant(), officer, store.displayName(officer),
                corrected)) {
            throw ApiException.conflict("privacy.request.answered");
        }
        Request done = store.find(id).orElseThrow();
        RequestStore.Citizen who = store.citizen(done.username());
        events.publishEvent(new DataRequestAnswered(done.id(), done.username(), who.displayName(), who.email(),
                done.kind(), done.outcome(), done.answer(), done.corrected(), done.filedAt(), done.answeredAt()));
        return done;
    }

    /** The retention of the citizen's dossiers as of today (Vietnam date). */
    @Transactional(readOnly = true)
    public Retained retained(String username) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), VN);
        boolean permanently = false;
        boolean open = false;
        LocalDate until = null;
        List<String> reasons = new ArrayList<>();
        for (RequestStore.Held d : store.dossiersOf(username)) {
            String name = d.code() != null ? d.code() : d.id().toString();
            if (!CLOSED.contains(d.state()) || d.closedAt() == null) {
                open = true;
                reasons.add(message("privacy.request.retained.open", name));
            } else if (d.years() == null) {
                permanently = true;
                reasons.add(message("privacy.request.retained.permanent", name, d.legalBasis()));
            } else {
                LocalDate end = LocalDate.ofInstant(d.closedAt(), VN).plusYears(d.years());
                if (end.isAfter(today)) {
                    until = until == null || end.isAfter(until) ? end : until;
                    reasons.add(message("privacy.request.retained.until", name, DAY.format(end), d.legalBasis()));
                }
            }
        }
        return new Retained(!reasons.isEmpty(), permanently, open, until, reasons);
    }

    private String refusal(Retained kept) {
        return message("privacy.request.auto.deletionRefused") + " " + String.join("; ", kept.reasons()) + ".";
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }

    private static String text(String s, String key) {
        if (s == null || s.isBlank()) {
            return null;
        }
        s = InputText.nfc(s.strip());
        if (s.length() > 2000 || InputText.firstForbidden(s) >= 0) {
            throw ApiException.unprocessable(key);
        }
        return s;
    }
}
