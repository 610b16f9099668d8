package vn.motcua.territory;

import java.time.LocalDate;
import java.util.List;

/**
 * Posts and the officers holding them, as of a date. Answers are unmodifiable lists, cached on this node: the cache is
 * cleared by every write through {@link StaffChanges}, {@link TerritoryChanges}, {@link TerritoryAgencies} and the
 * territory import (and by {@link StaffChanges#refresh()} after a change made by hand), and its entries expire after
 * {@code motcua.territory.staff-cache-ttl} (30 s), which bounds how long a change made on another node stays unseen
 * here. A transaction that changed staff reads its own changes.
 */
public interface Staff {

    /** The posts the account's officer holds on that date. */
    List<PostHolding> postsOf(String username, LocalDate asOf);

    /** The posts the officer (by id, with or without a login account) holds on that date. */
    List<PostHolding> postsOfOfficer(java.util.UUID officerId, LocalDate asOf);

    /** Who holds posts of that role in the agency on that date. */
    List<PostHolding> holders(String agencyCode, PostRole role, LocalDate asOf);
}
