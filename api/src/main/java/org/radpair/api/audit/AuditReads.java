package org.radpair.api.audit;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.radpair.api.security.Caller;
import org.radpair.audit.AccessLog;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Records a read of audit data in the access log (who, tenant, endpoint, what; the patient only as its key)
 * before it happens: a read that cannot be logged does not happen.
 */
@ApplicationScoped
public class AuditReads {

    /** The page size of a list when the caller names none, and the most one page may hold. */
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private static final List<String> LOGGED_PARAMETERS = List.of("from", "to", "dosFrom", "dosTo", "verdict", "category",
            "rule", "payer", "cpt", "status", "olderThanDays", "limit", "cursor");

    @Inject
    AccessLog accessLog;

    @Inject
    Caller caller;

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpServerRequest request;

    Uni<Void> logged(String endpoint, String claimId, String patientKey, UUID findingId) {
        return logged(endpoint, claimId, patientKey, findingId, filters(request));
    }

    /** The same, keeping {@code filters} as the filters of the read. */
    Uni<Void> logged(String endpoint, String claimId, String patientKey, UUID findingId, String filters) {
        return accessLog.record(new AccessLog.Access(caller.tenant(), identity.getPrincipal().getName(), endpoint, claimId,
                patientKey, findingId, filters));
    }

    static int limit(Integer limit) {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    /** The filters of a read as the access log keeps them: the known parameters only, so no identifier slips in. */
    private static String filters(HttpServerRequest request) {
        StringBuilder filters = new StringBuilder();
        for (String name : LOGGED_PARAMETERS) {
            String value = request.getParam(name);
            if (value != null && !value.isBlank()) {
                filters.append(filters.length() == 0 ? "" : "&").append(name).append('=')
                        .append(value, 0, Math.min(value.length(), 80));
            }
        }
        return filters.length() == 0 ? null : filters.toString();
    }
}
