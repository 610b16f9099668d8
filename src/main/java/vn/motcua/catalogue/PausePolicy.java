package vn.motcua.catalogue;

/** What the deadline clock does while a supplement request is open. */
public enum PausePolicy {
    /** The clock stops and resumes where it was (default). */
    PAUSE,
    /** The clock starts again from zero when the supplement arrives. */
    RESET,
    /** The clock keeps running. */
    CONTINUE
}
