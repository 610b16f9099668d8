package vn.motcua.calendar;

/** The unit of a legal processing time (thời hạn giải quyết). */
public enum WorkingTimeUnit {
    WORKING_DAYS, WORKING_HOURS
}
