package org.radpair.api;

import jakarta.inject.Singleton;

import org.radpair.rules.Suggestion;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/** Strict reading (no silent coercion, no duplicate keys) so that a malformed claim is a 400, not a guess. */
@Singleton
public class JacksonConfig implements ObjectMapperCustomizer {

    /** Suggestions show only the fields their action uses. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    abstract static class SuggestionView {
    }

    @Override
    @SuppressWarnings("deprecation") // ALLOW_COERCION_OF_SCALARS is still the switch Jackson 2 honours.
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.addMixIn(Suggestion.class, SuggestionView.class);
        mapper.registerModule(new SimpleModule("radpair-strings").addDeserializer(String.class, new NoNulStrings()));
    }

    /** A string the API cannot accept: answered as a 400 naming the field. */
    public static final class ForbiddenCharacter extends MismatchedInputException {

        private static final long serialVersionUID = 1L;

        ForbiddenCharacter(JsonParser parser, String message) {
            super(parser, message, String.class);
        }
    }

    /**
     * Strings as Jackson reads them, except that a NUL character is refused wherever it appears in a body
     * (PostgreSQL cannot store it in text; it used to surface as a 500).
     */
    static final class NoNulStrings extends StringDeserializer {

        private static final long serialVersionUID = 1L;

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw new ForbiddenCharacter(parser, "must not contain a NUL character");
            }
            return value;
        }
    }
}
