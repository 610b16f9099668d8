package vn.motcua.platform.security;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;
import vn.motcua.platform.throttle.TooManyAttempts;

/** Sign-in refused without checking the password: too many failures for this name or from this client. */
class SignInLocked extends LockedException {

    private final transient TooManyAttempts refusal;

    SignInLocked(Duration retryAfter) {
        super("Too many failed sign-ins");
        this.refusal = new TooManyAttempts("throttle.signIn", retryAfter);
    }

    TooManyAttempts refusal() {
        return refusal;
    }
}
