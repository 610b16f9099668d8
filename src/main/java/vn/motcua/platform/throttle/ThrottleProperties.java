package vn.motcua.platform.throttle;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits under {@code motcua.throttle.*} (documented in the README, "Security"). A {@link Limit} is a token bucket:
 * {@code capacity} attempts at once, refilled evenly over {@code period} (so 5 per 15 minutes means one more every
 * 3 minutes once spent).
 *
 * @param enabled        off only for benchmarks that hammer one endpoint from one address
 * @param trustedProxies addresses or CIDR ranges of reverse proxies whose {@code X-Forwarded-For} is believed;
 *                       empty (the default): the client is the socket's peer address and the header is ignored
 * @param maxKeys        at most this many clients, codes and accounts are remembered (least recently used go first)
 * @param tracking       public tracking checks
 * @param signIn         form login and HTTP Basic
 * @param search         catalogue search, per client address
 * @param assistant      the citizen assistant ({@code /api/v1/assistant/**}), per client address
 */
@ConfigurationProperties("motcua.throttle")
public record ThrottleProperties(@DefaultValue("true") boolean enabled,
                                 @DefaultValue List<String> trustedProxies,
                                 @DefaultValue("100000") int maxKeys,
                                 @DefaultValue Tracking tracking,
                                 @DefaultValue SignIn signIn,
                                 @DefaultValue("60/PT1M") Limit search,
                                 @DefaultValue("20/PT1M") Limit assistant) {

    /**
     * @param wrongPerClient wrong checks one client address may make; then 429 until the bucket refills
     * @param wrongPerCode   wrong checks against one dossier code (from anywhere); then the code is locked
     * @param codeLock       how long a code stays locked, the right check included
     */
    public record Tracking(@DefaultValue("20/PT15M") Limit wrongPerClient,
                           @DefaultValue("5/PT15M") Limit wrongPerCode,
                           @DefaultValue("PT1H") Duration codeLock) {
    }

    /**
     * @param failuresPerAccount failed sign-ins in a row (for an existing or unknown name alike) before a lockout
     * @param lock               the first lockout; each further failure after it doubles the next one ...
     * @param maxLock            ... up to this. A successful sign-in, or {@code forgetAfter} without failure, clears
     * @param forgetAfter        failures older than this are forgotten
     * @param failuresPerClient  failed sign-ins from one client address (any account); then 429 until it refills
     */
    public record SignIn(@DefaultValue("5") int failuresPerAccount,
                         @DefaultValue("PT1M") Duration lock,
                         @DefaultValue("PT1H") Duration maxLock,
                         @DefaultValue("PT24H") Duration forgetAfter,
                         @DefaultValue("30/PT15M") Limit failuresPerClient) {
    }
}
