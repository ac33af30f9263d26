package org.radpair.api;

import jakarta.inject.Singleton;

import org.radpair.rules.Suggestion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

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
    }
}
