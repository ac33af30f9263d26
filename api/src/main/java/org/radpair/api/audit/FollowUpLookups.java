package org.radpair.api.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.radpair.api.security.Caller;
import org.radpair.audit.AccessLog;

import io.smallrye.mutiny.Uni;

/**
 * A claim naming {@code context.followUpOf} reads which patient that earlier claim's findings belong to: a look-up of
 * patient data, logged in the access log like the audit reads (the claim looked up, the patient as its key, who,
 * when). Claims without it write nothing.
 */
@ApplicationScoped
public class FollowUpLookups {

    /** The endpoint when no request is being served (a claim checked by the service itself). */
    static final String NO_REQUEST = "claim check";

    private static final Uni<Void> NOTHING = Uni.createFrom().voidItem();

    @Inject
    AccessLog accessLog;

    /**
     * Logs the look-up a claim naming {@code followUpOf} makes; chain the look-up after it, so that one that cannot
     * be logged does not happen (the audit reads fail closed the same way).
     */
    public Uni<Void> logged(String tenant, String followUpOf, String patientKey, boolean persist) {
        if (followUpOf == null) {
            return NOTHING;
        }
        Caller.Accessor caller = Caller.ofThisRequest();
        return accessLog.record(new AccessLog.Access(tenant, caller == null ? "radpair" : caller.subject(),
                (caller == null ? NO_REQUEST : caller.endpoint()) + " (context.followUpOf)", followUpOf, patientKey, null,
                "persist=" + persist));
    }
}
