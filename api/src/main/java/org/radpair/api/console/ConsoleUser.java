package org.radpair.api.console;

import java.util.Set;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in billing manager: a name, the tenant (the {@code tenant} claim of the ID token, as the API
 * reads it from the access token), and what they may do.
 */
public record ConsoleUser(String name, String tenant, boolean canRead, boolean canClose) {

    static final String TENANT_ATTRIBUTE = "radpair.tenant";
    static final String TENANT_CLAIM = "tenant";

    /** The user of an identity; null when anonymous or without a usable tenant. */
    static ConsoleUser of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        // Only the console's own sign-ins: a development session, or the OIDC code flow. A bearer token
        // (the API's) is not a console session.
        Object tenant = identity.getAttribute(TENANT_ATTRIBUTE);
        if (tenant == null) {
            if (!(identity.getPrincipal() instanceof OidcJwtCallerPrincipal token)) {
                return null;
            }
            tenant = token.getClaim(TENANT_CLAIM);
        }
        String value = tenant == null ? "" : tenant.toString().strip();
        if (value.isEmpty() || value.length() > 128 || value.chars().anyMatch(Character::isISOControl)) {
            value = null;
        }
        Set<String> roles = identity.getRoles();
        return new ConsoleUser(identity.getPrincipal().getName(), value, roles.contains("audit:read"),
                roles.contains("audit:read") && roles.contains("findings:write"));
    }
}
