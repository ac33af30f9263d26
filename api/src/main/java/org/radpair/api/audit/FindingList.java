package org.radpair.api.audit;

import java.util.List;

/** The findings a worklist query selects, oldest first. */
public record FindingList(List<FindingView> items) {
}
