package org.radpair.api.security;

import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;

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

    @Inject
    HttpServerRequest request;

    private String tenant;

    /** Who asked, and through which endpoint, for work that outlives the request scope (see {@link #ofThisRequest()}). */
    public record Accessor(String subject, String endpoint) {
    }

    private static final String ACCESSOR = "radpair.caller.accessor";

    /**
     * The caller's tenant. A token without one may not touch tenant data: 403. The first call of a request
     * also counts it against the tenant's rate limit: 429 past it.
     */
    public String tenant() {
        if (tenant == null) {
            tenant = resolve();
            limiter.acquire(tenant);
            if (VertxContext.isOnDuplicatedContext()) {
                ContextLocals.put(ACCESSOR, new Accessor(token.getName(), request.method() + " " + request.path()));
            }
        }
        return tenant;
    }

    /**
     * The caller of the request being served, once its tenant was resolved, or null. Batches and interchanges check
     * their claims after the resource method returned, where the request scope is no longer active; the request's
     * Vert.x context still is, so the caller is kept there.
     */
    public static Accessor ofThisRequest() {
        return VertxContext.isOnDuplicatedContext() ? ContextLocals.<Accessor>get(ACCESSOR).orElse(null) : null;
    }

    /** Lets work that the request hands to a Vert.x context of its own (one per claim of a batch) know its caller. */
    public static void handOver(Context request, Context work) {
        Object accessor = request.getLocal(ACCESSOR);
        if (accessor != null) {
            work.putLocal(ACCESSOR, accessor);
        }
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
