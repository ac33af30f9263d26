package org.radpair.api.console;

import jakarta.enterprise.context.RequestScoped;

/**
 * This request's CSRF token (from its cookie, or new), set by {@link ConsoleFilter}. Read and written
 * through methods only: the bean is injected as a client proxy, whose own fields are not the request's.
 */
@RequestScoped
public class ConsoleRequest {

    private String csrf;
    private boolean newToken;

    public String csrf() {
        return csrf;
    }

    public boolean newToken() {
        return newToken;
    }

    public void token(String value, boolean created) {
        this.csrf = value;
        this.newToken = created;
    }
}
