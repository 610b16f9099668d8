package vn.motcua.catalogue;

/** Mức độ dịch vụ công trực tuyến. */
public enum OnlineLevel {
    /** Toàn trình: everything online. */
    FULL,
    /** Một phần: online submission, some steps in person. */
    PARTIAL,
    /** Not offered online. */
    NONE
}
