package vn.motcua.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * HTTP Basic sends the password with every API call, and checking a bcrypt hash is deliberately slow
 * (tens of milliseconds). Like Elasticsearch's realm cache, this remembers for a few minutes that a
 * username/password pair was verified — as an HMAC under a key that lives only in this process's
 * memory, never the password — so integrations pay bcrypt once per pair, not once per request. A
 * changed or disabled account is re-checked because the user details are loaded on every call (from
 * {@link AccountService}'s short-lived copy: a change made through it counts at once, one made elsewhere within
 * {@code motcua.security.account-cache-ttl}).
 */
class VerifiedCredentialsCache implements AuthenticationProvider {

    static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private final DaoAuthenticationProvider delegate;
    private final AccountService accounts;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();
    private final ThreadLocal<Mac> hmac = ThreadLocal.withInitial(this::newHmac);

    private record Entry(byte[] mac, String passwordHash, Instant until) {
    }

    VerifiedCredentialsCache(DaoAuthenticationProvider delegate, AccountService accounts, Clock clock) {
        this.delegate = delegate;
        this.accounts = accounts;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (username == null || !(credentials instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        org.springframework.security.core.userdetails.UserDetails user;
        try {
            user = accounts.loadUserByUsername(username);
        } catch (org.springframework.security.core.userdetails.UsernameNotFoundException unknown) {
            return delegate.authenticate(authentication); // same work and answer as for a wrong password
        }
        byte[] mac = mac(username, password);
        Entry entry = verified.get(username);
        Instant now = clock.instant();
        if (entry != null && user.isEnabled() && now.isBefore(entry.until())
                && entry.passwordHash().equals(user.getPassword()) && MessageDigest.isEqual(entry.mac(), mac)) {
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        }
        Authentication result = delegate.authenticate(authentication);
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(username, new Entry(mac, user.getPassword(), now.plus(TTL)));
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private byte[] mac(String username, String password) {
        Mac hmac = this.hmac.get();
        hmac.update(username.getBytes(StandardCharsets.UTF_8));
        hmac.update((byte) 0);
        return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    }

    /** One keyed HMAC per thread: looking the algorithm up and keying it cost more than the MAC itself. */
    private Mac newHmac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
