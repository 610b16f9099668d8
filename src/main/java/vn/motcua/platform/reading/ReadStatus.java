package vn.motcua.platform.reading;

/** How reading a document went. */
public enum ReadStatus {
    /** Text was obtained (from a PDF text layer, by OCR, or both). */
    READ,
    /** The document needs OCR and Tesseract (or its language model) is not installed: "OCR không khả dụng". */
    OCR_UNAVAILABLE,
    /** The document could be opened but no text came out of it (blank, too degraded, OCR failed or timed out). */
    UNREADABLE,
    /** Not a PDF or an image this service understands, or a damaged file. */
    UNSUPPORTED
}
