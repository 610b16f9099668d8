package vn.motcua.questions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Counts of the questions and feedback (phản ánh, kiến nghị) of some agencies over a period, for the service-quality
 * indicators of Decision 766 (module reporting). A Spring bean; aggregates only, no question is named.
 */
public interface FeedbackFigures {

    /**
     * An agency's questions received (Hồ Chí Minh City date) in {@code [from, to)}; null = unbounded. Counted on the
     * agency that holds each question now (a forwarded question counts where it went).
     */
    record Window(String agencyCode, LocalDate from, LocalDate to) {
    }

    /**
     * @param toHandle       questions received before the period's end, not refused by then, and not answered
     *                       before the period began (answered in it, or still unanswered at its end)
     * @param handledOnTime  of them, answered in the period by the time limit ({@code answer_due_at}, which does not
     *                       run while the asker is asked for more information), or unanswered at the period's end
     *                       with the time limit not yet passed at the judge instant
     * @param ratings        "useful / not useful" ratings of published answers given in the period
     * @param useful         of them, "useful"
     */
    record Figures(long toHandle, long handledOnTime, long ratings, long useful) {
    }

    /** One query for the counts, one for the ratings; {@code judgeAt} = min(end, now). */
    Figures of(List<Window> windows, Instant start, Instant end, Instant judgeAt);
}
