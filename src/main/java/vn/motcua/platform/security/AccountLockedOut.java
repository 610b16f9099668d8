package vn.motcua.platform.security;

import java.time.Instant;

/**
 * Published when repeated failed sign-ins lock an existing account that has an e-mail address (the first lock of
 * a run only), so its owner can be told; published in the request thread, outside any transaction.
 */
public record AccountLockedOut(String username, String displayName, String email, Instant lockedUntil,
                               int failures) {
}
