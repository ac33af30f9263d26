package org.radpair.api.problem;

import jakarta.ws.rs.WebApplicationException;

/**
 * A query parameter whose value the endpoint cannot use: answered as a 400 naming the parameter. A
 * {@link WebApplicationException}, so that Quarkus REST passes it on unchanged when a parameter converter throws it.
 */
public class InvalidQueryParameter extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public InvalidQueryParameter(String parameter, String message) {
        super(message, 400);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
