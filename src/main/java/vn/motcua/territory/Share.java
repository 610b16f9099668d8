package vn.motcua.territory;

/** Whether the whole predecessor, or only part of it, went to a successor. */
public enum Share {
    FULL, PARTIAL
}
