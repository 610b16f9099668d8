package vn.motcua.catalogue;

/**
 * A fee or charge (phí, lệ phí) for one submission channel.
 *
 * @param channel    ONLINE, IN_PERSON or POST (null = any)
 * @param amount     amount in {@code currency}, null when free or not stated
 * @param free       explicitly free of charge (miễn phí)
 * @param description the published wording (conditions, reductions)
 */
public record Fee(String channel, Long amount, String currency, boolean free, String description) {
}
