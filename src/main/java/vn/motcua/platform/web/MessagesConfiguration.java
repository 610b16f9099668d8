package vn.motcua.platform.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Each module keeps its own message bundles as {@code i18n/<module>_vi.properties} and
 * {@code i18n/<module>_en.properties}; all are found on the class path. Vietnamese is the default.
 * Bean-validation messages come from the same bundles, so field errors are localised too.
 */
@Configuration(proxyBeanMethods = false)
public class MessagesConfiguration {

    @Bean
    MessageSource messageSource() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        String[] basenames = Arrays.stream(resolver.getResources("classpath*:i18n/*_vi.properties"))
                .map(r -> Objects.requireNonNull(r.getFilename()))
                .map(name -> "classpath:i18n/" + name.substring(0, name.length() - "_vi.properties".length()))
                .distinct().sorted().toArray(String[]::new);
        var source = new ReloadableResourceBundleMessageSource();
        source.setBasenames(basenames);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(WebConfiguration.VIETNAMESE);
        source.setCacheSeconds(-1);
        return source;
    }

    @Bean
    LocalValidatorFactoryBean defaultValidator(MessageSource messageSource) {
        var validator = new LocalValidatorFactoryBean();
        validator.setValidationMessageSource(messageSource);
        return validator;
    }
}
