package vn.motcua.platform.api;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;
import vn.motcua.platform.text.InputText;

/**
 * Strict JSON at the edge, for every API at once: no silent truncation of decimals into integers
 * ({@code workingDays: 1.5} is refused), no {@code null} for a primitive, no trailing garbage, and every
 * string — record components, e-form values and map keys alike — normalised to NFC and refused when it
 * holds NUL, another control character or a bidirectional override ({@link InputText}). A refusal
 * surfaces as a 422 naming the field (see {@link ApiExceptionHandler}).
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictInput() {
        return builder -> {
            builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            // A JSON number or boolean where a text belongs is refused rather than turned into "{...}" or "1.5".
            builder.withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
            SimpleModule module = new SimpleModule("motcua-strict-text");
            module.addDeserializer(String.class, new CheckedStringDeserializer());
            module.addKeyDeserializer(String.class, new CheckedKeyDeserializer());
            builder.addModule(module);
        };
    }

    static String check(String s, DeserializationContext ctxt) {
        if (s == null) {
            return null;
        }
        int bad = InputText.firstForbidden(s);
        if (bad >= 0) {
            throw new ForbiddenTextException(ctxt.getParser(), InputText.describe(s, bad));
        }
        return InputText.nfc(s);
    }

    /** A string with a forbidden character: a mismatched input, so that it carries the field's path. */
    static final class ForbiddenTextException extends tools.jackson.databind.exc.MismatchedInputException {
        private final String character;

        ForbiddenTextException(JsonParser p, String character) {
            super(p, "Forbidden character " + character, String.class);
            this.character = character;
        }

        String character() {
            return character;
        }
    }

    /** The standard string deserializer, then {@link #check}. */
    static final class CheckedStringDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            return check(super.deserialize(p, ctxt), ctxt);
        }
    }

    static final class CheckedKeyDeserializer extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            return check(key, ctxt);
        }
    }
}
