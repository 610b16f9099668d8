package vn.motcua.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import vn.motcua.platform.MotcuaProperties;

/** The language cookie is Secure with {@code motcua.tls=true}, and only then. */
class TlsCookieTest {

    private static MockHttpServletResponse chooseEnglish(boolean tls) {
        var properties = new MotcuaProperties(true, true, Path.of("./data"),
                new MotcuaProperties.Db(new MotcuaProperties.Embedded(0, false)), tls);
        var response = new MockHttpServletResponse();
        new WebConfiguration().localeResolver(properties)
                .setLocale(new MockHttpServletRequest("GET", "/"), response, Locale.ENGLISH);
        return response;
    }

    @Test
    void languageCookieIsSecureBehindTls() {
        assertThat(chooseEnglish(true).getCookie("motcua_lang").getSecure()).isTrue();
        assertThat(chooseEnglish(false).getCookie("motcua_lang").getSecure()).isFalse();
    }
}
