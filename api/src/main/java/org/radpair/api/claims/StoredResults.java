package org.radpair.api.claims;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON form in which requests and results are kept in the audit history. */
@ApplicationScoped
public class StoredResults {

    @Inject
    ObjectMapper json;

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public ValidateResponse read(String stored) {
        try {
            return json.readValue(stored, ValidateResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored audit result cannot be read back", e);
        }
    }
}
