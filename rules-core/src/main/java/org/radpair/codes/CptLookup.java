package org.radpair.codes;

import java.time.LocalDate;
import java.util.List;

/**
 * What RadPair knows of a procedure code on a date of service.
 *
 * @param entry       the catalog entry when {@code status} is CATALOGUED, else null
 * @param description our label, the HCPCS Level II description, or the deletion note
 * @param deletedOn   for DELETED codes, the first date they were no longer valid
 */
public record CptLookup(String code, CptStatus status, CptCode entry, String description, LocalDate deletedOn,
        List<String> replacedBy) {

    public boolean known() {
        return status == CptStatus.CATALOGUED || status == CptStatus.LEVEL_II_DESCRIBED;
    }
}
