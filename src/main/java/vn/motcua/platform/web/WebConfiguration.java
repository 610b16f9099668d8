package vn.motcua.platform.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import vn.motcua.platform.MotcuaProperties;

/**
 * Vietnamese first, English on request: {@code ?lang=en} on any page sets a cookie. Pages without
 * the cookie are Vietnamese even when the browser asks for English (many phones in Vietnam are set
 * to English); API calls follow their Accept-Language header, Vietnamese by default.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final Set<String> SUPPORTED = Set.of("vi", "en");

    @Bean
    LocaleResolver localeResolver(MotcuaProperties properties) {
        CookieLocaleResolver resolver = new CookieLocaleResolver("motcua_lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSecure(properties.tls());
        resolver.setDefaultLocaleFunction(request -> {
            String header = request.getHeader("Accept-Language");
            boolean api = vn.motcua.platform.api.ApiPaths.isApi(request);
            if (api && header != null && !header.isBlank()) {
                try {
                    for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                        String lang = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                        if (SUPPORTED.contains(lang)) {
                            return Locale.forLanguageTag(lang);
                        }
                    }
                } catch (IllegalArgumentException malformedHeader) {
                    return VIETNAMESE;
                }
            }
            return VIETNAMESE;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang);
        registry.addInterceptor(new CurrentPage());
    }
}
