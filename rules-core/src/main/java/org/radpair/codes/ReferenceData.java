package org.radpair.codes;

/**
 * All reference tables the rules consult, loaded once at start-up. The version string names the
 * release of each table so that every result says what it was checked against.
 */
public record ReferenceData(Icd10CodeSet icd10, CptCatalog cpt, NcciEdits ncci) {

    public static ReferenceData load() {
        return new ReferenceData(Icd10CodeSet.load(), CptCatalog.load(), NcciEdits.load());
    }

    public String version() {
        return "icd10cm:" + icd10.releases().get(0).label() + ".." + icd10.newestRelease().label()
                + ";pfs:CY2025-Oct;ncci:2024Q3";
    }
}
