package vn.motcua.platform.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The throttle's rules on a clock the test moves: nothing sleeps. */
class ThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-03-02T02:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final ManualClock clock = new ManualClock();

    Throttle throttle(ThrottleProperties p, String... trustedProxies) {
        return new Throttle(p, store(), new ClientAddress(List.of(trustedProxies)), clock);
    }

    /** The store the rules run on (PostgresThrottleStoreTest runs them all again on the shared one). */
    ThrottleStore store() {
        return new InMemoryThrottleStore(clock, 1000, Duration.ofHours(1), Duration.ofDays(1));
    }

    static ThrottleProperties limits(Limit wrongPerClient, Limit wrongPerCode, Duration codeLock, int failures,
                                     Limit failuresPerClient) {
        return new ThrottleProperties(true, List.of(), 1000,
                new ThrottleProperties.Tracking(wrongPerClient, wrongPerCode, codeLock),
                new ThrottleProperties.SignIn(failures, Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(24),
                        failuresPerClient),
                Limit.parse("3/PT1M"), Limit.parse("2/PT1M"));
    }

    static MockHttpServletRequest from(String peer, String forwardedFor) {
        var r = new MockHttpServletRequest("GET", "/api/v1/dossiers/track");
        r.setRemoteAddr(peer);
        if (forwardedFor != null) {
            r.addHeader("X-Forwarded-For", forwardedFor);
        }
        return r;
    }

    @Test
    void aCodeIsLockedAfterAFewWrongChecksRightCheckIncludedOtherCodesNot() {
        Throttle t = throttle(limits(Limit.parse("100/PT15M"), Limit.parse("3/PT15M"), Duration.ofHours(1), 5,
                Limit.parse("30/PT15M")));
        var client = from("198.51.100.1", null);
        for (int i = 0; i < 3; i++) {
            assertThat(t.trackingCheck(client, "UBND-1", Optional::empty)).isEmpty();
        }
        assertThatThrownBy(() -> t.trackingCheck(client, "UBND-1", () -> Optional.of("right")))
                .isInstanceOfSatisfying(TooManyAttempts.class, e -> {
                    assertThat(e.status().value()).isEqualTo(429);
                    assertThat(e.messageKey()).isEqualTo("throttle.tracking");
                    assertThat(e.headers()).containsEntry("Retry-After", "3600");
                });
        // From elsewhere, and spelled in lower case, the code is still locked.
        assertThatThrownBy(() -> t.trackingCheck(from("198.51.100.2", null), " ubnd-1 ", () -> Optional.of("right")))
                .isInstanceOf(TooManyAttempts.class);
        assertThat(t.trackingCheck(client, "UBND-2", () -> Optional.of("right"))).contains("right");

        clock.advance(Duration.ofMinutes(59));
        assertThatThrownBy(() -> t.trackingCheck(client, "UBND-1", () -> Optional.of("right")))
                .isInstanceOfSatisfying(TooManyAttempts.class, e -> assertThat(e.headers()).containsEntry("Retry-After", "60"));
        clock.advance(Duration.ofMinutes(1));
        assertThat(t.trackingCheck(client, "UBND-1", () -> Optional.of("right"))).contains("right");
    }

    @Test
    void aClientWithTooManyWrongChecksWaitsForTheBucketAndRightAnswersCostNothing() {
        Throttle t = throttle(limits(Limit.parse("4/PT4M"), Limit.parse("100/PT15M"), Duration.ofHours(1), 5,
                Limit.parse("30/PT15M")));
        var client = from("198.51.100.1", null);
        for (int i = 0; i < 50; i++) {
            assertThat(t.trackingCheck(client, "RIGHT", () -> Optional.of(1))).isPresent();
        }
        for (int i = 0; i < 4; i++) {
            assertThat(t.trackingCheck(client, "CODE-" + i, Optional::empty)).isEmpty();
        }
        assertThatThrownBy(() -> t.trackingCheck(client, "RIGHT", () -> Optional.of(1)))
                .isInstanceOfSatisfying(TooManyAttempts.class, e -> assertThat(e.headers()).containsEntry("Retry-After", "60"));
        assertThat(t.trackingCheck(from("198.51.100.2", null), "RIGHT", () -> Optional.of(1))).isPresent();
        clock.advance(Duration.ofMinutes(1)); // one token back
        assertThat(t.trackingCheck(client, "RIGHT", () -> Optional.of(1))).isPresent();
    }

    @Test
    void signInLocksAfterFailuresInARowThenEachFailureDoublesTheLockAndSuccessClears() {
        Throttle t = throttle(limits(Limit.parse("100/PT15M"), Limit.parse("3/PT15M"), Duration.ofHours(1), 3,
                Limit.parse("100/PT15M")));
        assertThat(t.signInFailed("an", "198.51.100.1")).isEmpty();
        assertThat(t.signInFailed("An", "198.51.100.2")).isEmpty();
        assertThat(t.signInRefusedFor("an", "198.51.100.9")).isZero();
        // The third failure in a row locks the name (from anywhere) for a minute; it is the one to tell the owner.
        assertThat(t.signInFailed("an", "198.51.100.3")).contains(clock.now.plus(Duration.ofMinutes(1)));
        assertThat(t.signInRefusedFor("an", "198.51.100.9")).isEqualTo(Duration.ofMinutes(1));
        assertThat(t.signInRefusedFor("binh", "198.51.100.9")).isZero();

        clock.advance(Duration.ofMinutes(1));
        assertThat(t.signInRefusedFor("an", "198.51.100.9")).isZero();
        // Still a run of failures: the next one locks again, twice as long, and tells nobody again.
        assertThat(t.signInFailed("an", "198.51.100.3")).isEmpty();
        assertThat(t.signInRefusedFor("an", "198.51.100.9")).isEqualTo(Duration.ofMinutes(2));
        clock.advance(Duration.ofMinutes(2));
        t.signInFailed("an", "198.51.100.3");
        assertThat(t.signInRefusedFor("an", "198.51.100.9")).isEqualTo(Duration.ofMinutes(4));
        clock.advance(Duration.ofMinutes(4));
        t.signInFailed("an", "198.51.100.3");
        t.signInRefusedFor("an", "x");
        clock.advance(Duration.ofMinutes(8));
        t.signInFailed("an", "198.51.100.3");
        assertThat(t.signInRefusedFor("an", "198.51.100.9")).isEqualTo(Duration.ofMinutes(10)); // max-lock

        clock.advance(Duration.ofMinutes(10));
        t.signInSucceeded("AN");
        assertThat(t.signInFailed("an", "198.51.100.3")).isEmpty();
        assertThat(t.signInRefusedFor("an", "198.51.100.9")).isZero();
    }

    @Test
    void signInFromOneClientIsRefusedAfterTooManyFailuresWhateverTheNames() {
        Throttle t = throttle(limits(Limit.parse("100/PT15M"), Limit.parse("3/PT15M"), Duration.ofHours(1), 5,
                Limit.parse("3/PT15M")));
        for (int i = 0; i < 3; i++) {
            t.signInFailed("name" + i, "198.51.100.1");
        }
        assertThat(t.signInRefusedFor("someone-else", "198.51.100.1")).isEqualTo(Duration.ofMinutes(5));
        assertThat(t.signInRefusedFor("someone-else", "198.51.100.2")).isZero();
    }

    @Test
    void requestRatesArePerClientAndScope() {
        Throttle t = throttle(limits(Limit.parse("100/PT15M"), Limit.parse("3/PT15M"), Duration.ofHours(1), 5,
                Limit.parse("3/PT15M")));
        Limit search = t.limits().search();
        for (int i = 0; i < 3; i++) {
            assertThat(t.request("search", "198.51.100.1", search)).isZero();
        }
        assertThat(t.request("search", "198.51.100.1", search)).isEqualTo(Duration.ofSeconds(20));
        assertThat(t.request("search", "198.51.100.2", search)).isZero();
        assertThat(t.request("assistant", "198.51.100.1", t.limits().assistant())).isZero();
    }

    @Test
    void forwardedForIsBelievedOnlyFromATrustedProxy() {
        var noProxies = new ClientAddress(List.of());
        assertThat(noProxies.of(from("198.51.100.7", "203.0.113.9"))).isEqualTo("198.51.100.7");

        var proxies = new ClientAddress(List.of("10.0.0.0/8", "192.0.2.10", "::1"));
        // An untrusted peer cannot choose its address with the header.
        assertThat(proxies.of(from("198.51.100.7", "203.0.113.9"))).isEqualTo("198.51.100.7");
        // A trusted proxy's header is read from the right, past further trusted proxies.
        assertThat(proxies.of(from("192.0.2.10", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(proxies.of(from("10.1.2.3", "6.6.6.6, 203.0.113.9, 10.0.0.5"))).isEqualTo("203.0.113.9");
        assertThat(proxies.of(from("0:0:0:0:0:0:0:1", "2001:db8::1"))).isEqualTo("2001:db8:0:0:0:0:0:1");
        // No header, or garbage in it: the last address that could be believed.
        assertThat(proxies.of(from("192.0.2.10", null))).isEqualTo("192.0.2.10");
        assertThat(proxies.of(from("192.0.2.10", "evil.example, not-an-ip"))).isEqualTo("192.0.2.10");
        assertThat(proxies.of(from("192.0.2.10", "10.0.0.1"))).isEqualTo("10.0.0.1");
        assertThat(proxies.of(from("192.0.2.11", "203.0.113.9"))).isEqualTo("192.0.2.11");
    }

    @Test
    void limitsAreWrittenAsCapacitySlashPeriod() {
        assertThat(Limit.parse(" 5 / PT15M ")).isEqualTo(new Limit(5, Duration.ofMinutes(15)));
        assertThatThrownBy(() -> Limit.parse("5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Limit.parse("0/PT1M")).isInstanceOf(IllegalArgumentException.class);
    }
}
