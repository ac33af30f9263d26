package org.radpair.api.security;

import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;

/** The authenticated caller of this request: the tenant it acts for comes from the token's {@code tenant} claim. */
@RequestScoped
public class Caller {

    public static final String TENANT_CLAIM = "tenant";

    /** What a tenant claim must look like (contract, "Additions (December 2026)"). */
    public static final Pattern TENANT_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

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

    /** Counts a look-up by patient (or by a finding's patient) against the tenant's lower patient rate: 429 past it. */
    public void patientLookup() {
        limiter.acquirePatientLookup(tenant());
    }

    private String resolve() {
        String value = tenantOf(token.getClaim(TENANT_CLAIM));
        if (value == null) {
            throw new ForbiddenException("The token carries no valid tenant claim");
        }
        return value;
    }

    /**
     * The tenant a claim value names, or null: only a JSON string matching {@link #TENANT_PATTERN} exactly
     * (no trimming, no case folding). Arrays, objects, numbers, booleans, blank or padded strings name none.
     */
    static String tenantOf(Object claim) {
        String value;
        if (claim instanceof String text) {
            value = text;
        } else if (claim instanceof JsonString json) {
            value = json.getString();
        } else {
            return null;
        }
        return TENANT_PATTERN.matcher(value).matches() ? value : null;
    }
}
