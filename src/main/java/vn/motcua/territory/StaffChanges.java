package vn.motcua.territory;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes on posts and post holdings, all time-versioned and idempotent: calling again with the same arguments
 * changes nothing and returns the same answer. Used by the reorganisation engine when a plan moves officers to
 * successor posts. Unknown agencies, posts or officers give a 422 {@link vn.motcua.platform.api.ApiException}
 * and change nothing. Dates are days: a holding or post "ended at {@code d}" is valid until {@code d - 1}.
 */
public interface StaffChanges {

    /** The post with that code valid on that date, if any. */
    Optional<Post> post(String postCode, LocalDate asOf);

    /**
     * Opens post {@code postCode} in the agency version valid on {@code from}, valid from that date until the agency
     * closes. If a post with that code is already valid on {@code from} in the same agency it is returned unchanged;
     * in another agency: 409.
     */
    Post openPost(String agencyCode, String postCode, String title, PostRole role, String field, LocalDate from);

    /**
     * Appoints the officer to the post valid on {@code from}, from that date until the post ends. Idempotent: when the
     * officer already holds that post on {@code from}, that holding is returned.
     */
    PostHolding appoint(UUID officerId, String postCode, LocalDate from);

    /**
     * Ends the officer's holding of the post at {@code at} (the post version valid the day before). Returns true when
     * a holding was ended now, false when it had already ended by then; 422 when the officer did not hold the post
     * the day before.
     */
    boolean endHolding(UUID officerId, String postCode, LocalDate at);

    /**
     * Closes, at {@code at}, every post of the agencies (by code, the versions valid the day before) and ends their
     * holdings still running then. One statement each; returns the number of holdings ended now (0 when repeated).
     */
    int closePostsOf(Collection<String> agencyCodes, LocalDate at);

    /**
     * Says that posts, holdings, officers or agencies were changed other than through the territory API (SQL written
     * by hand, a test fixture, a database script): the cached answers of {@link Staff} are forgotten at once and, when
     * called in a transaction, again after it completes; that transaction reads the database directly until then.
     * Call it after the change. Only this node: others catch up within {@code motcua.territory.staff-cache-ttl}.
     */
    void refresh();
}
