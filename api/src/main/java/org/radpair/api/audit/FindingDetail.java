package org.radpair.api.audit;

import java.util.List;

/** One finding with its status history, oldest event first. */
public record FindingDetail(FindingView finding, List<FindingEventView> events) {
}
