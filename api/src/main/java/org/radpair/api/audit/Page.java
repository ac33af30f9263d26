package org.radpair.api.audit;

import java.util.List;

/** One page of recorded validations, newest first; {@code nextCursor} asks for the next (null on the last page). */
public record Page(List<AuditItem> items, String nextCursor) {
}
