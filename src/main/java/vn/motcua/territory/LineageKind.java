package vn.motcua.territory;

/** How a predecessor became (part of) a successor. */
public enum LineageKind {
    MERGE, SPLIT, RENAME, RECLASSIFY, DISSOLVE, TRANSFER
}
