package org.radpair.codes;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * All reference tables the rules consult, loaded once at start-up. The version string names the
 * release of each table so that every result says what it was checked against.
 */
public record ReferenceData(Icd10CodeSet icd10, CptCatalog cpt, NcciEdits ncci, IcdConventions conventions) {

    /** The tables without the Tabular List conventions, which then load here (kept for callers built before them). */
    public ReferenceData(Icd10CodeSet icd10, CptCatalog cpt, NcciEdits ncci) {
        this(icd10, cpt, ncci, IcdConventions.load());
    }

    /** Loads the tables; the procedure tables load on a second thread while ICD-10-CM loads on this one. */
    public static ReferenceData load() {
        CompletableFuture<CptCatalog> cpt = CompletableFuture.supplyAsync(CptCatalog::load, LOADER);
        CompletableFuture<NcciEdits> ncci = CompletableFuture.supplyAsync(NcciEdits::load, LOADER);
        CompletableFuture<IcdConventions> conventions = CompletableFuture.supplyAsync(IcdConventions::load, LOADER);
        Icd10CodeSet icd10 = Icd10CodeSet.load();
        return new ReferenceData(icd10, cpt.join(), ncci.join(), conventions.join());
    }

    private static final Executor LOADER = task -> {
        Thread thread = new Thread(task, "radpair-reference-loader");
        thread.setDaemon(true);
        thread.start();
    };

    public String version() {
        return "icd10cm:" + icd10.releases().get(0).label() + ".." + icd10.newestRelease().label()
                + ";pfs:CY2025-Oct;ncci:2024Q3;tabular:FY2023+E1-FY2027;mce:v43.1";
    }
}
