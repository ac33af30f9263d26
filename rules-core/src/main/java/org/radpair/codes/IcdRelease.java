package org.radpair.codes;

import java.time.LocalDate;

/** One ICD-10-CM release (October or April update) and the dates it governs. */
public record IcdRelease(String label, LocalDate effectiveFrom, LocalDate effectiveToExclusive) {

    public boolean covers(LocalDate dateOfService) {
        return !dateOfService.isBefore(effectiveFrom) && dateOfService.isBefore(effectiveToExclusive);
    }
}
