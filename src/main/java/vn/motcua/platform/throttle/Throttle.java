package vn.motcua.platform.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import vn.motcua.platform.cluster.ClusterSignals;
import vn.motcua.platform.throttle.ThrottleStore.Penalty;

/**
 * The one place that decides whether a client may try again: public tracking checks (per client address and per
 * dossier code), sign-in (per account and per client address) and request rates (search, assistant). Limits come
 * from {@link ThrottleProperties}; state lives in a {@link ThrottleStore}. Only failures cost anything, so people
 * who type the right answer are never slowed. A sign-in reads the store only after a failure somewhere in the cluster
 * ({@link KnownClean}): the ordinary signed-in request, far from any limit, touches no counter.
 */
public class Throttle {

    private final ThrottleProperties limits;
    private final ThrottleStore store;
    private final ClientAddress clients;
    private final Clock clock;

    private final ClusterSignals signals;
    private final KnownClean clean;

    /** One node: failures need telling nobody. */
    public Throttle(ThrottleProperties limits, ThrottleStore store, ClientAddress clients, Clock clock) {
        this(limits, store, clients, clock, ClusterSignals.NONE);
    }

    public Throttle(ThrottleProperties limits, ThrottleStore store, ClientAddress clients, Clock clock,
                    ClusterSignals signals) {
        this.limits = limits;
        this.store = store;
        this.clients = clients;
        this.clock = clock;
        this.signals = signals;
        this.clean = new KnownClean(limits.maxKeys(), CLEAN_EXPIRY, signals);
    }

    /** How long a key read as clean is believed without a signal (should one be lost). */
    static final Duration CLEAN_EXPIRY = Duration.ofSeconds(30);

    /** The caller's address as throttling sees it (trusted proxies resolved). */
    public String client(HttpServletRequest request) {
        return clients.of(request);
    }

    /**
     * A public tracking check. Refused with {@link TooManyAttempts} (429) while this client has made too many wrong
     * checks or while the code is locked — even if the check would be right; otherwise runs {@code check}, and an
     * empty answer (wrong code or wrong digits) counts against the client and the code. When the code has had
     * {@code wrong-per-code} wrong checks it is locked for {@code code-lock}.
     */
    public <T> Optional<T> trackingCheck(HttpServletRequest request, String code, Supplier<Optional<T>> check) {
        if (!limits.enabled()) {
            return check.get();
        }
        var t = limits.tracking();
        String clientKey = "track-client:" + client(request);
        String codeKey = "track-code:" + normalise(code);
        Instant now = clock.instant();
        Duration wait = longer(store.waitFor(clientKey, t.wrongPerClient()), store.penalty(codeKey).lockLeft(now));
        if (!wait.isZero()) {
            throw new TooManyAttempts("throttle.tracking", wait);
        }
        Optional<T> answer = check.get();
        if (answer.isEmpty()) {
            store.take(clientKey, t.wrongPerClient());
            store.take(codeKey, t.wrongPerCode());
            if (!store.waitFor(codeKey, t.wrongPerCode()).isZero()) {
                Instant until = clock.instant().plus(t.codeLock());
                store.updatePenalty(codeKey, p -> new Penalty(p.failures() + 1, p.lockouts() + 1, until, now));
            }
        }
        return answer;
    }

    /** How long sign-in is refused for this account name (known or not) from this client; zero when allowed. */
    public Duration signInRefusedFor(String account, String client) {
        if (!limits.enabled()) {
            return Duration.ZERO;
        }
        String accountKey = accountKey(account);
        String clientKey = clientKey(client);
        Duration wait = Duration.ZERO;
        if (!clean.isClean(accountKey)) {
            long readAt = clean.generation();
            Penalty p = store.penalty(accountKey);
            if (p.equals(Penalty.NONE)) {
                clean.remember(accountKey, readAt);
            }
            wait = p.lockLeft(clock.instant());
        }
        if (!clean.isClean(clientKey)) {
            long readAt = clean.generation();
            Duration clientWait = store.waitFor(clientKey, limits.signIn().failuresPerClient());
            if (clientWait.isZero()) {
                clean.remember(clientKey, readAt);
            }
            wait = longer(wait, clientWait);
        }
        return wait;
    }

    /**
     * Counts a failed sign-in against the account name and the client. After {@code failures-per-account} failures
     * in a row the name is locked for {@code lock}; every failure after a lock has run out locks it again for twice
     * as long, up to {@code max-lock}.
     *
     * @return the end of the lock when this failure started the first lock of a run (time to tell the owner)
     */
    public Optional<Instant> signInFailed(String account, String client) {
        if (!limits.enabled()) {
            return Optional.empty();
        }
        var s = limits.signIn();
        try {
            return countFailure(account, client, s);
        } finally {
            // After the store's writes have committed, so that no node can read the old state as clean after this
            clean.forget();
            signals.announce(KnownClean.TOPIC);
        }
    }

    private Optional<Instant> countFailure(String account, String client, ThrottleProperties.SignIn s) {
        store.take(clientKey(client), s.failuresPerClient());
        Instant now = clock.instant();
        boolean[] firstLock = {false};
        Penalty p = store.updatePenalty(accountKey(account), old -> {
            firstLock[0] = false;
            Penalty base = old.lastFailure() != null && old.lastFailure().plus(s.forgetAfter()).isBefore(now)
                    ? Penalty.NONE : old;
            int failures = base.failures() + 1;
            if (failures < s.failuresPerAccount()) {
                return new Penalty(failures, base.lockouts(), base.lockedUntil(), now);
            }
            Duration lock = s.lock().multipliedBy(1L << Math.min(base.lockouts(), 20));
            if (lock.compareTo(s.maxLock()) > 0) {
                lock = s.maxLock();
            }
            firstLock[0] = base.lockouts() == 0;
            return new Penalty(failures, base.lockouts() + 1, now.plus(lock), now);
        });
        return firstLock[0] ? Optional.of(p.lockedUntil()) : Optional.empty();
    }

    /** A successful sign-in clears the account's failures (not the client's). */
    public void signInSucceeded(String account) {
        String key = accountKey(account);
        if (clean.isClean(key)) {
            return;
        }
        long readAt = clean.generation();
        if (!store.penalty(key).equals(Penalty.NONE)) {
            store.updatePenalty(key, p -> Penalty.NONE);
        }
        clean.remember(key, readAt);
    }

    /** Takes one request from the client's bucket for {@code scope}; zero when allowed, else the wait. */
    public Duration request(String scope, String client, Limit limit) {
        return limits.enabled() ? store.take(scope + "-client:" + client, limit) : Duration.ZERO;
    }

    public ThrottleProperties limits() {
        return limits;
    }

    private static String clientKey(String client) {
        return "sign-in-client:" + client;
    }

    private static String accountKey(String account) {
        return "sign-in:" + normalise(account);
    }

    /** Case and surrounding spaces do not make a new key; very long input is cut (it can match nothing anyway). */
    static String normalise(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return t.length() > 80 ? t.substring(0, 80) : t;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
