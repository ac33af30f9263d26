package org.radpair.api.console;

import jakarta.enterprise.context.RequestScoped;

/** This request's CSRF token (from its cookie, or new), set by {@link ConsoleFilter}. */
@RequestScoped
public class ConsoleRequest {

    String csrf;
    boolean newToken;

    String csrf() {
        return csrf;
    }
}
