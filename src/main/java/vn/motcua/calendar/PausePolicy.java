package vn.motcua.calendar;

/**
 * What a pause (supplement requested → supplied) does to the clock; chosen per procedure version
 * because specialised laws differ.
 */
public enum PausePolicy {
    /** Default: the clock stops during the pause and resumes where it stopped. */
    PAUSE,
    /** The full processing time starts again from the resume, as if the dossier were received then. */
    RESET,
    /** Pauses are ignored: the clock keeps running. */
    CONTINUE
}
