package vn.motcua.platform.throttle;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Binds {@code motcua.throttle.*} limits written as {@code capacity/period}, e.g. {@code 5/PT15M}. */
@Component
@ConfigurationPropertiesBinding
class LimitConverter implements Converter<String, Limit> {

    @Override
    public Limit convert(String source) {
        return Limit.parse(source);
    }
}
