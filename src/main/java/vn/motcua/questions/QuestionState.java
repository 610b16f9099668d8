package vn.motcua.questions;

/**
 * Where a question stands. Open states are held by an agency and count against its time limits; {@link #PUBLISHED}
 * and {@link #REFUSED} are closed.
 */
public enum QuestionState {
    /** Received (tiếp nhận), awaiting the agency's acceptance or refusal (2 working days). */
    RECEIVED,
    /** The citizen supplied the information asked for; the agency continues. */
    SUPPLEMENTED,
    /** Accepted and being handled (đang xử lý): answer due 15 working days after receipt or the latest forward. */
    PROCESSING,
    /** Answered, awaiting publication (đã trả lời, chờ công khai): publish within 2 working days. */
    ANSWERED,
    /** Answer published (đã công khai), redacted. */
    PUBLISHED,
    /** Refused (từ chối tiếp nhận), with a reason. */
    REFUSED,
    /** Forwarded (đã chuyển) to another agency with a reason; that agency accepts or refuses within 2 working days. */
    FORWARDED,
    /** The agency asked the citizen for more information (chờ bổ sung thông tin); the answer clock is paused. */
    AWAITING_INFORMATION;

    public boolean isOpen() {
        return this != PUBLISHED && this != REFUSED;
    }
}
