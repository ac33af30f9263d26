package org.radpair.codes;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer to "what is this ICD-10-CM code on this date of service".
 *
 * @param code          dotted upper-case form (or the stripped input when malformed)
 * @param status        what the release in force says
 * @param description   the title of the code (from the nearest release that has it), or null
 * @param validFrom     first day of the run of the status in force (or of the nearest run), or null
 * @param validTo       last day of that run, or null when it is still current
 * @param replacedBy    codes that took over from a deleted code, or that a not-yet-effective code replaced
 * @param children      billable codes under a header on that date
 * @param previousCodes codes this one took over from (conversion table): what to use before it was effective
 * @param release       the release the date of service was checked against
 */
public record IcdLookup(
        String code,
        IcdStatus status,
        String description,
        LocalDate validFrom,
        LocalDate validTo,
        List<String> replacedBy,
        List<String> children,
        List<String> previousCodes,
        IcdRelease release) {

    public boolean billable() {
        return status.billable();
    }

    /** Whether the code exists on the date of service, billable or as a header. */
    public boolean valid() {
        return status == IcdStatus.BILLABLE || status == IcdStatus.HEADER;
    }
}
