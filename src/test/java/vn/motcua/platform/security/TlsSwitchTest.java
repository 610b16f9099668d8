package vn.motcua.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * {@code motcua.tls=true}: HSTS on every answer (also when Tomcat sees plain HTTP behind a TLS-terminating proxy)
 * and a Secure session cookie. Checked on the pieces the application is built from, not in a context of its own:
 * a second application context would cost every test run half a minute.
 */
class TlsSwitchTest {

    @Test
    void hstsIsWrittenOnEveryAnswerEvenOverPlainHttp() {
        var request = new MockHttpServletRequest("GET", "/");
        request.setSecure(false);
        var response = new MockHttpServletResponse();
        SecurityConfiguration.hsts().writeHeaders(request, response);
        assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
    }

    @Test
    void theSessionCookieIsSecureExactlyWhenTheSwitchIsOn() throws IOException {
        assertThat(sessionCookieSecure(Map.of("motcua.tls", "true"))).isTrue();
        assertThat(sessionCookieSecure(Map.of())).isFalse();
        assertThat(sessionCookieSecure(Map.of("MOTCUA_TLS", "true"))).isTrue();
    }

    private static boolean sessionCookieSecure(Map<String, Object> given) throws IOException {
        var env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("given", given));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(env.getPropertySources()::addLast);
        return Binder.get(env).bind("server.servlet.session.cookie.secure", Boolean.class).orElse(false);
    }
}
