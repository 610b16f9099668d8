package vn.motcua.questions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Who holds open questions, for the reorganisation engine (a Spring bean). Questions are held by agency code, like
 * dossiers; an agency closed by a reorganisation must hand its open questions to its successor, so that none is
 * stranded. The reorganisation engine is expected to call, per closed agency and after its own dossier moves:
 * <pre>{@code
 * for (HeldQuestion q : custody.openHeldBy(closedAgencyCodes)) { ... }        // dry run: what would move
 * int moved = custody.moveOpen(fromAgency, toAgency, planReference, reason);  // execution, idempotent
 * }</pre>
 * and to count {@link #openHeldBy} of the closed agencies in its stranded check (it must be empty afterwards).
 */
public interface QuestionCustody {

    /** An open question and who holds it. {@code answerDueAt} is kept when it moves (like a dossier's deadline). */
    record HeldQuestion(UUID id, String code, String agencyCode, QuestionState state, Instant answerDueAt) {
    }

    /** Open questions (every state but PUBLISHED and REFUSED) held by any of these agencies; one query. */
    List<HeldQuestion> openHeldBy(Collection<String> agencyCodes);

    /**
     * Moves every open question of {@code fromAgencyCode} to {@code toAgencyCode} (valid today), keeping state and
     * time limits, clearing the assignee (an officer of the old agency), and appending a {@code REORGANISED} event
     * with the plan reference and reason to each. Repeating it moves nothing more. Returns how many moved.
     *
     * @throws IllegalArgumentException when the target agency does not exist today
     */
    int moveOpen(String fromAgencyCode, String toAgencyCode, String planReference, String reason);

    /**
     * {@link #moveOpen(String, String, String, String)} with the target agency valid on {@code asOf} instead of today
     * (a plan executed ahead of its effective date moves them to an agency that exists from that date).
     */
    int moveOpen(String fromAgencyCode, String toAgencyCode, LocalDate asOf, String planReference, String reason);

    /** Open questions held by an agency that is none of {@code validAgencyCodes}: their count and the first few. */
    record Stranded(long count, List<HeldQuestion> sample) {
    }

    /** For the system-wide stranded check: open questions held by no agency valid today (one query, and one sample). */
    Stranded openHeldOutside(Collection<String> validAgencyCodes, int sample);
}
