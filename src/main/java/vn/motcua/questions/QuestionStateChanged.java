package vn.motcua.questions;

import java.time.Instant;
import java.util.UUID;

/**
 * The one event of a question's change: an action changed a question ({@code type}, one of the events the question records: {@code ACCEPTED},
 * {@code REFUSED}, {@code FORWARDED}, {@code INFORMATION_REQUESTED}, {@code SUPPLEMENTED}, {@code ANSWERED},
 * {@code PUBLISHED}, {@code REASSIGNED}). Raised inside the changing transaction, with what a message to the asker
 * needs (the notify module writes it in that transaction). Carries the asker's own contact, and nothing of other people:
 * the subject is redacted as for publication, no officer is named.
 *
 * @param version         the question's version after the change: one per change, so a redelivered event can be told apart
 *                        (a council sitting's publication does not change the question: its version, with its
 *                        {@code publicPath}, tells it apart)
 * @param subject         the subject with the personal data found hidden ({@code Redactor}, as for publication)
 * @param agencyName      the agency holding the question after the change (for a forward: the new one)
 * @param fromAgencyName  for a forward, the agency that sent it on; otherwise null
 * @param note            the officer's reason (refusal, forward) or what is asked for (information); otherwise null
 * @param dueAt           the next limit the asker may wait for: the answer (accepted, forwarded), the publication
 *                        (answered); otherwise null
 * @param answer          the answer as written for the asker (answered), otherwise null
 * @param signedIn        asked from a citizen's account (who can then read and supplement it there)
 * @param procedureCode   the procedure the question is about, or null for a general matter (with {@code PUBLISHED}:
 *                        the citizen assistant adds the published answer to that procedure's texts)
 * @param publicPath      with {@code PUBLISHED}: where the public reads the answer — {@code /questions/{code}} for an
 *                        agency's publication, {@code /questions/sittings/{id}} for a council sitting's (the question's
 *                        own state is then unchanged); otherwise null
 */
public record QuestionStateChanged(UUID id, String code, String type, QuestionState from, QuestionState to, Instant at,
                                   int version, String subject, String agencyName, String fromAgencyName, String note,
                                   Instant dueAt, String answer, boolean signedIn, String askerName, String askerEmail,
                                   String askerPhone, String procedureCode, String publicPath) {
}
