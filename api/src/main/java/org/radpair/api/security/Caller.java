package org.radpair.api.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;

/** The authenticated caller of this request: the tenant it acts for comes from the token's {@code tenant} claim. */
@RequestScoped
public class Caller {

    public static final String TENANT_CLAIM = "tenant";

    @Inject
    JsonWebToken token;

    @Inject
    TenantRateLimiter limiter;

    private String tenant;

    /**
     * The caller's tenant. A token without one may not touch tenant data: 403. The first call of a request
     * also counts it against the tenant's rate limit: 429 past it.
     */
    public String tenant() {
        if (tenant == null) {
            tenant = resolve();
            limiter.acquire(tenant);
        }
        return tenant;
    }

    private String resolve() {
        Object tenant = token.getClaim(TENANT_CLAIM);
        String value = tenant == null ? "" : tenant.toString().strip();
        if (value.isEmpty() || value.length() > 128 || value.chars().anyMatch(Character::isISOControl)) {
            throw new ForbiddenException("The token carries no tenant claim");
        }
        return value;
    }
}
