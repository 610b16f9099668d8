package vn.motcua.assistant;

/** The assistant's index of the catalogue in force. */
public interface AssistantIndex {

    /** Asks for a rebuild in the background; the current index serves until the new one is ready. */
    void rebuild();

    /** Rebuilds now, in the caller's thread (tests, benches); returns the build time in milliseconds. */
    long rebuildNow();

    /** Procedures in the index being served. */
    int size();
}
