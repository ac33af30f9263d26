package org.radpair.codes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.radpair.claim.Sex;

/**
 * The imaging procedure codes: our catalog (modality, regions, contrast, purpose, label) joined
 * with the CMS fee-schedule indicators and RVUs and the NCCI MUE values, plus HCPCS Level II
 * supply descriptions and the codes deleted before the fee-schedule release.
 */
public final class CptCatalog {

    private static final String BASE = "/org/radpair/codes/";
    static final String CATALOG = BASE + "cpt_catalog.tsv";
    static final String FEE_SCHEDULE = BASE + "pfs_rvu_cy2025_oct_radiology.tsv.gz";
    /** Services radiology groups bill outside 70010–79999 (vascular studies, image-guided needle procedures): same release. */
    static final String FEE_SCHEDULE_ADJACENT = BASE + "pfs_rvu_cy2025_oct_radiology_adjacent.tsv";
    static final String MUE = BASE + "ncci_mue_practitioner_radiology_2024q3.tsv.gz";
    /** The 2026 Q2 MUE table, read only for codes the 2024 Q3 table lacks (the radiology-adjacent services). */
    static final String MUE_ADJACENT = BASE + "ncci_mue_practitioner_radiology_2026q2.tsv.gz";
    static final String LEVEL_II = BASE + "hcpcs2_imaging_2020.tsv.gz";
    static final String REPLACEMENTS = BASE + "cpt_replacements.tsv";

    public static final String FEE_SCHEDULE_RELEASE = "PFS CY2025 October (RVU25D)";


    private record Deletion(LocalDate deletedOn, List<String> replacedBy, String note) {
    }

    private record CatalogRange(String first, String last, Modality modality, List<BodyRegion> regions,
            Contrast contrast, StudyPurpose purpose, Sex sex, String label, boolean boneDensity) {
        boolean contains(String code) {
            return code.length() == first.length() && code.compareTo(first) >= 0 && code.compareTo(last) <= 0;
        }
    }

    private final Map<String, CptCode> codes;
    private final Map<String, String> levelTwo;
    private final Map<String, Deletion> deletions;

    private CptCatalog(Map<String, CptCode> codes, Map<String, String> levelTwo, Map<String, Deletion> deletions) {
        this.codes = codes;
        this.levelTwo = levelTwo;
        this.deletions = deletions;
    }

    public static CptCatalog load() {
        List<CatalogRange> ranges = new ArrayList<>();
        TsvReader.read(CATALOG, row -> ranges.add(new CatalogRange(row.get("first"), row.get("last"),
                Modality.valueOf(row.get("modality")), regions(row.get("regions")), Contrast.valueOf(row.get("contrast")),
                StudyPurpose.valueOf(row.get("purpose")), row.get("sex").isEmpty() ? null : Sex.valueOf(row.get("sex")),
                row.get("label"), "BONE_DENSITY".equals(row.get("kind")))));

        Map<String, Mue> mues = new HashMap<>();
        TsvReader.read(MUE, row -> mues.put(row.get("hcpcs"), mue(row)));
        TsvReader.read(MUE_ADJACENT, row -> mues.putIfAbsent(row.get("hcpcs"), mue(row)));

        Map<String, TsvReader.Row> global = new HashMap<>();
        Map<String, Double> professional = new HashMap<>();
        Map<String, Double> technical = new HashMap<>();
        java.util.function.Consumer<TsvReader.Row> feeRow = row -> {
            switch (row.get("mod")) {
                case "" -> global.put(row.get("hcpcs"), row);
                case "26" -> professional.put(row.get("hcpcs"), number(row.get("nonfac_total_rvu")));
                case "TC" -> technical.put(row.get("hcpcs"), number(row.get("nonfac_total_rvu")));
                default -> { }
            }
        };
        TsvReader.read(FEE_SCHEDULE, feeRow);
        TsvReader.read(FEE_SCHEDULE_ADJACENT, feeRow);

        Map<String, CptCode> codes = new HashMap<>(global.size() * 2);
        global.forEach((code, row) -> {
            CatalogRange range = ranges.stream().filter(r -> r.contains(code)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("cpt_catalog.tsv does not describe " + code));
            FeeSchedule fees = new FeeSchedule(row.get("status_code"), row.get("pctc_ind"), row.get("bilat_surg"),
                    row.get("mult_proc"), row.get("dx_imaging_family"), row.get("global_days"), number(row.get("work_rvu")),
                    number(row.get("nonfac_total_rvu")), professional.get(code), technical.get(code));
            codes.put(code, new CptCode(code, range.label(), range.modality(), range.regions(), range.contrast(),
                    Laterality.fromBilateralIndicator(row.get("bilat_surg")), range.purpose(), range.sex(), fees, mues.get(code),
                    range.boneDensity()));
        });

        Map<String, String> levelTwo = new HashMap<>();
        TsvReader.read(LEVEL_II, row -> levelTwo.put(row.get("hcpcs"), row.get("long_description")));

        Map<String, Deletion> deletions = new HashMap<>();
        TsvReader.read(REPLACEMENTS, row -> deletions.put(row.get("code"), new Deletion(LocalDate.parse(row.get("deleted_on")),
                row.list("replaced_by"), row.get("note"))));

        return new CptCatalog(Map.copyOf(codes), Map.copyOf(levelTwo), Map.copyOf(deletions));
    }

    private static Mue mue(TsvReader.Row row) {
        return new Mue(row.get("hcpcs"), Integer.parseInt(row.get("mue_value")),
                Integer.parseInt(row.get("mue_adjudication_indicator")), row.get("mue_rationale"));
    }

    private static List<BodyRegion> regions(String list) {
        EnumSet<BodyRegion> regions = EnumSet.noneOf(BodyRegion.class);
        Arrays.stream(list.split(",")).map(String::strip).map(BodyRegion::valueOf).forEach(regions::add);
        return List.copyOf(regions);
    }

    private static double number(String value) {
        return value.isBlank() ? 0.0 : Double.parseDouble(value);
    }

    /** Whether a procedure code lies where the catalog is complete (CPT 70010–79999): unknown there means invalid. */
    public static boolean inImagingRange(String code) {
        return code.length() == 5 && code.compareTo("70010") >= 0 && code.compareTo("79999") <= 0
                && code.chars().allMatch(Character::isDigit);
    }

    /** The catalog entry, or null. {@code code} must already be upper case. */
    public CptCode get(String code) {
        return codes.get(code);
    }

    public Collection<CptCode> all() {
        return Collections.unmodifiableCollection(codes.values());
    }

    public int size() {
        return codes.size();
    }

    // The shape of CPT and HCPCS Level II codes, checked by hand: it runs for every line of every claim.
    private static boolean fiveLettersOrDigits(String code) {
        if (code.length() != 5) {
            return false;
        }
        for (int i = 0; i < 5; i++) {
            char c = code.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /** What a code is on a date of service. Never throws for bad input. */
    public CptLookup lookup(String raw, LocalDate dateOfService) {
        String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (!fiveLettersOrDigits(code)) {
            return new CptLookup(raw == null ? "" : raw.strip(), CptStatus.MALFORMED, null, null, null, List.of());
        }
        Deletion deletion = deletions.get(code);
        if (deletion != null && !dateOfService.isBefore(deletion.deletedOn())) {
            return new CptLookup(code, CptStatus.DELETED, null, deletion.note(), deletion.deletedOn(), deletion.replacedBy());
        }
        CptCode entry = codes.get(code);
        if (entry != null) {
            return new CptLookup(code, CptStatus.CATALOGUED, entry, entry.label(), null, List.of());
        }
        String supply = levelTwo.get(code);
        if (supply != null) {
            return new CptLookup(code, CptStatus.LEVEL_II_DESCRIBED, null, supply, null, List.of());
        }
        return new CptLookup(code, CptStatus.UNKNOWN, null, null, null, List.of());
    }
}
