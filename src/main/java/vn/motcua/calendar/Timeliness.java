package vn.motcua.calendar;

/**
 * How a finished step or dossier met its deadline: {@link #EARLY} when finished on a calendar day
 * before the due instant's day; {@link #ON_TIME} when finished on the due day at or before the due
 * instant; {@link #LATE} when finished after the due instant.
 */
public enum Timeliness {
    EARLY, ON_TIME, LATE
}
