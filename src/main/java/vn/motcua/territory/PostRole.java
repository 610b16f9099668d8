package vn.motcua.territory;

/** What a post does in the one-stop process. */
public enum PostRole {
    /** Cán bộ tiếp nhận (reception and result return). */
    RECEPTION,
    /** Chuyên viên xử lý (handling, for a field). */
    HANDLING,
    /** Lãnh đạo (approves and signs). */
    LEADER
}
