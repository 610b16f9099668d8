package vn.motcua.platform.security;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import vn.motcua.platform.throttle.Throttle;

/**
 * Sign-in (form login and HTTP Basic alike) behind the throttle: while a name or a client address is locked the
 * password is not even checked — the right one is refused too — and every wrong password counts. Unknown names are
 * counted and locked exactly like existing ones, so the answers tell nobody which accounts exist; only the lockout
 * notice, sent to an existing account's own e-mail address, depends on it.
 */
class ThrottledSignIn implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final Throttle throttle;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;

    ThrottledSignIn(AuthenticationProvider delegate, Throttle throttle, AccountService accounts,
                    ApplicationEventPublisher events) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.accounts = accounts;
        this.events = events;
    }

    /** Authentication details that carry the client address as the throttle resolves it (trusted proxies). */
    static AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> details(Throttle throttle) {
        return request -> {
            var session = request.getSession(false);
            return new WebAuthenticationDetails(throttle.client(request), session == null ? null : session.getId());
        };
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        String client = authentication.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
                ? d.getRemoteAddress() : "unknown";
        Duration wait = throttle.signInRefusedFor(name, client);
        if (!wait.isZero()) {
            throw new SignInLocked(wait);
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (BadCredentialsException wrong) {
            throttle.signInFailed(name, client).ifPresent(until -> accounts.find(name)
                    .filter(a -> a.email() != null && !a.email().isBlank())
                    .ifPresent(a -> events.publishEvent(new AccountLockedOut(a.username(), a.displayName(), a.email(),
                            until, throttle.limits().signIn().failuresPerAccount()))));
            throw wrong;
        }
        if (result != null) {
            throttle.signInSucceeded(name);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
