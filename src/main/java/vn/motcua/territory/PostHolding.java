package vn.motcua.territory;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An officer holding a post in an agency during {@code [validFrom, validTo)}.
 *
 * @param field    for handling posts, the field (lĩnh vực) handled, e.g. {@code HO_TICH}; else null
 * @param username the officer's login account, if any
 */
public record PostHolding(UUID postId, String postCode, String postTitle, PostRole role, String field,
                          Agency agency, UUID officerId, String officerName, String username,
                          LocalDate validFrom, LocalDate validTo) {
}
