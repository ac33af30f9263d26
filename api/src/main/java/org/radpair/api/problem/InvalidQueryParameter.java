package org.radpair.api.problem;

/** A query parameter whose value the endpoint cannot use: answered as a 400 naming the parameter. */
public class InvalidQueryParameter extends RuntimeException {

    private final String parameter;

    public InvalidQueryParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
