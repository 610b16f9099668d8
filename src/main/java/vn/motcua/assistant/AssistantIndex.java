package vn.motcua.assistant;

/** The assistant's index of the catalogue in force. */
public interface AssistantIndex {

    /** Asks for a rebuild in the background; the current index serves until the new one is ready. */
    void rebuild();

    /** Rebuilds now, in the caller's thread (tests, benches); returns the build time in milliseconds. */
    long rebuildNow();

    /**
     * Brings the index up to every change notified so far, in the caller's thread: waits for a build under way and builds
     * only when a requested one is still needed (a test after an import, instead of a second full build).
     */
    void catchUp();

    /** Procedures in the index being served. */
    int size();
}
