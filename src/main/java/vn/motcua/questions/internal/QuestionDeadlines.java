package vn.motcua.questions.internal;

import java.time.Instant;
import java.util.List;

import vn.motcua.calendar.Pause;
import vn.motcua.calendar.PausePolicy;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.WorkingCalendar;

/**
 * The time limits of a question, on the working calendar dossiers use (same count-from and cut-off rules, due at the
 * close of the N-th working day). As the national feedback system applies Decree 20/2008/NĐ-CP (amended by Decree
 * 92/2017/NĐ-CP): accept or refuse within {@value #ACCEPT_DAYS} working days, ask for more information within
 * {@value #INFORMATION_DAYS}, answer within {@value #ANSWER_DAYS} working days of receipt or of the latest forward
 * (the clock paused while the citizen is asked for information), publish within {@value #PUBLISH_DAYS} working days
 * after the answer.
 */
public final class QuestionDeadlines {

    public static final int ACCEPT_DAYS = 2;
    public static final int INFORMATION_DAYS = 5;
    public static final int ANSWER_DAYS = 15;
    public static final int PUBLISH_DAYS = 2;

    private final WorkingCalendar calendar;

    public QuestionDeadlines(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** Accept or refuse by: from receipt, a forward or the citizen's supplement. */
    public Instant accept(Instant from, String agencyCode) {
        return days(from, ACCEPT_DAYS, agencyCode);
    }

    /** Ask for more information by: from receipt or the latest forward. */
    public Instant information(Instant from, String agencyCode) {
        return days(from, INFORMATION_DAYS, agencyCode);
    }

    /** Answer by: from receipt or the latest forward, each pause (information asked → supplied) added back. */
    public Instant answer(Instant from, List<Pause> pauses, String agencyCode) {
        return calendar.dueAt(from, ProcessingTime.workingDays(ANSWER_DAYS), pauses, PausePolicy.PAUSE, 0, agencyCode)
                .toInstant();
    }

    /** Publish by: from the answer. */
    public Instant publish(Instant answeredAt, String agencyCode) {
        return days(answeredAt, PUBLISH_DAYS, agencyCode);
    }

    private Instant days(Instant from, int n, String agencyCode) {
        return calendar.dueAt(from, ProcessingTime.workingDays(n), agencyCode).toInstant();
    }
}
