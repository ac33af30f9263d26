package org.radpair.api.console;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.auth.cdi.NullJsonWebToken;

/**
 * The API's {@code @Inject JsonWebToken}: the verified bearer token of the request, exactly as the
 * smallrye-jwt extension produces it. quarkus-oidc (for the console's sign-in) brings a producer of its
 * own that wins over smallrye-jwt's and knows only tokens OIDC verified itself; this one wins over both,
 * so the API's bearer-token security is what it was before the console.
 */
@Priority(10)
@Alternative
@RequestScoped
public class JsonWebTokenOfIdentity {

    @Inject
    SecurityIdentity identity;

    @Produces
    @RequestScoped
    JsonWebToken currentToken() {
        if (identity.isAnonymous()) {
            return new NullJsonWebToken();
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return token;
        }
        throw new IllegalStateException("Current principal " + identity.getPrincipal() + " is not a JSON web token");
    }
}
