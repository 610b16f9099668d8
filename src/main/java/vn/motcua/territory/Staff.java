package vn.motcua.territory;

import java.time.LocalDate;
import java.util.List;

/** Posts and the officers holding them, as of a date. */
public interface Staff {

    /** The posts the account's officer holds on that date. */
    List<PostHolding> postsOf(String username, LocalDate asOf);

    /** The posts the officer (by id, with or without a login account) holds on that date. */
    List<PostHolding> postsOfOfficer(java.util.UUID officerId, LocalDate asOf);

    /** Who holds posts of that role in the agency on that date. */
    List<PostHolding> holders(String agencyCode, PostRole role, LocalDate asOf);
}
