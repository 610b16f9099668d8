package vn.motcua.notify;

import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import vn.motcua.questions.QuestionStateChanged;

/**
 * Tells the asker of a citizen's question (issue 22) that it was accepted or refused, forwarded to another agency,
 * that more information is asked for, that it was answered, and that the answer is published. One message per change,
 * written to the outbox ({@link OutboxWriter}) in the transaction that changes the question, to the asker's own
 * contact: an e-mail when there is an address (a signed-in citizen's account address when they gave none), otherwise
 * an SMS to the phone number (kept in the outbox: no SMS gateway yet). The dedup key is the question and its version
 * after the change, so a redelivered event writes nothing. Reassignments and the asker's own supplement are not told.
 */
@Service
class QuestionNotices {

    static final Set<String> TOLD = Set.of("ACCEPTED", "REFUSED", "FORWARDED", "INFORMATION_REQUESTED", "ANSWERED",
            "PUBLISHED");

    private final OutboxWriter outbox;
    /** Where the public pages are, as the asker reaches them (an e-mail needs a full address, not a path). */
    private final String base;

    QuestionNotices(OutboxWriter outbox,
                    @org.springframework.beans.factory.annotation.Value("${motcua.public-base-url:http://localhost:8080}")
                    String publicBaseUrl) {
        this.outbox = outbox;
        this.base = publicBaseUrl.strip().replaceAll("/+$", "");
    }

    /** Runs in the publisher's transaction (a plain listener): the message commits with the change. */
    @EventListener
    void on(QuestionStateChanged e) {
        if (!TOLD.contains(e.type())) {
            return;
        }
        boolean email = e.askerEmail() != null && !e.askerEmail().isBlank();
        boolean sms = !email && e.askerPhone() != null && !e.askerPhone().isBlank();
        if (!email && !sms) {
            return;
        }
        String state = outbox.text("notify.question.state." + e.type());
        String subject = outbox.text("notify.question.subject", e.code(), state);
        String when = OutboxWriter.when(e.at());
        String body = email ? mail(e, state, when)
                : outbox.text("notify.question.sms", e.code(), state, e.agencyName(), when);
        // A council sitting's publication leaves the question's version as it was: its page tells its notice apart.
        String key = "question/" + e.id() + "/" + e.type() + "/" + e.version()
                + (e.publicPath() != null && e.publicPath().startsWith("/questions/sittings/") ? e.publicPath() : "");
        outbox.write(List.of(new OutboxWriter.Mail(key, null,
                e.id(), email ? "EMAIL" : "SMS", email ? e.askerEmail().strip() : e.askerPhone().strip(), subject,
                body)));
    }

    private String mail(QuestionStateChanged e, String state, String when) {
        StringBuilder body = new StringBuilder()
                .append(outbox.text("notify.mail.greeting", e.askerName()))
                .append(outbox.text("notify.question.body", e.subject(), e.code(), state, when))
                .append(outbox.text("notify.question.agency", e.agencyName()));
        String due = e.dueAt() == null ? "" : OutboxWriter.when(e.dueAt());
        String note = e.note() == null ? "" : e.note();
        body.append(switch (e.type()) {
            case "ACCEPTED" -> outbox.text("notify.question.ACCEPTED", due);
            case "REFUSED" -> outbox.text("notify.question.REFUSED", note);
            case "FORWARDED" -> outbox.text("notify.question.FORWARDED", e.fromAgencyName(), e.agencyName(), note, due);
            case "INFORMATION_REQUESTED" -> outbox.text("notify.question.INFORMATION_REQUESTED", note)
                    + outbox.text(e.signedIn() ? "notify.question.INFORMATION_REQUESTED.signedIn"
                    : "notify.question.INFORMATION_REQUESTED.anonymous", e.agencyName(), base);
            case "ANSWERED" -> outbox.text("notify.question.ANSWERED", e.answer(), due);
            default -> outbox.text("notify.question.PUBLISHED",
                    e.publicPath() != null ? e.publicPath() : "/questions/" + e.code(), base);
        });
        return body.append(outbox.text("notify.question.code", e.code())).toString();
    }
}
