package org.radpair.api.audit;

import java.util.List;

/** Every recorded version of one claim, oldest first. */
public record ClaimHistory(String claimId, List<AuditItem> versions) {
}
