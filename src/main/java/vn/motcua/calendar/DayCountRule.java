package vn.motcua.calendar;

/**
 * How the N working days of a processing time are counted from the count-from day (the day of
 * receipt, or the next working day when received after the cut-off or on a day off).
 */
public enum DayCountRule {
    /**
     * Default. Civil Code 2015 art. 147(1): when a period is set in days, the first day is not counted;
     * counting starts on the day after the event. The count-from day is day 0 and the result is due at
     * the close of office hours of the N-th working day after it. Example: received Monday 09:00,
     * 3 working days → due Thursday 17:00.
     */
    RECEIPT_DAY_NOT_COUNTED,
    /**
     * Alternative used by some local regulations: the count-from day is day 1, so the result is due at
     * the close of the (N−1)-th working day after it. Example: received Monday 09:00, 3 working days →
     * due Wednesday 17:00. N = 0 is treated as 1.
     */
    RECEIPT_DAY_COUNTED
}
