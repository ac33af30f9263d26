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
import java.util.regex.Pattern;

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

    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9]{5}");

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
        TsvReader.forEachRow(CATALOG, row -> ranges.add(new CatalogRange(row[0], row[1], Modality.valueOf(row[2]),
                regions(row[3]), Contrast.valueOf(row[4]), StudyPurpose.valueOf(row[5]),
                row[6].isEmpty() ? null : Sex.valueOf(row[6]), row[7], "BONE_DENSITY".equals(row[8]))));

        Map<String, Mue> mues = new HashMap<>();
        TsvReader.forEachRow(MUE, row -> mues.put(row[0],
                new Mue(row[0], Integer.parseInt(row[1]), Integer.parseInt(row[2]), row[3])));
        TsvReader.forEachRow(MUE_ADJACENT, row -> mues.putIfAbsent(row[0],
                new Mue(row[0], Integer.parseInt(row[1]), Integer.parseInt(row[2]), row[3])));

        // hcpcs, mod, status_code, work_rvu, nonfac_pe_rvu, nonfac_na, fac_pe_rvu, fac_na, mp_rvu, nonfac_total,
        // fac_total, pctc_ind, global_days, mult_proc, bilat_surg, ..., dx_imaging_family (22)
        Map<String, String[]> global = new HashMap<>();
        Map<String, Double> professional = new HashMap<>();
        Map<String, Double> technical = new HashMap<>();
        java.util.function.Consumer<String[]> feeRow = row -> {
            switch (row[1]) {
                case "" -> global.put(row[0], row);
                case "26" -> professional.put(row[0], number(row[9]));
                case "TC" -> technical.put(row[0], number(row[9]));
                default -> { }
            }
        };
        TsvReader.forEachRow(FEE_SCHEDULE, feeRow);
        TsvReader.forEachRow(FEE_SCHEDULE_ADJACENT, feeRow);

        Map<String, CptCode> codes = new HashMap<>(global.size() * 2);
        global.forEach((code, row) -> {
            CatalogRange range = ranges.stream().filter(r -> r.contains(code)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("cpt_catalog.tsv does not describe " + code));
            FeeSchedule fees = new FeeSchedule(row[2], row[11], row[14], row[13], row[22], row[12], number(row[3]),
                    number(row[9]), professional.get(code), technical.get(code));
            codes.put(code, new CptCode(code, range.label(), range.modality(), range.regions(), range.contrast(),
                    Laterality.fromBilateralIndicator(row[14]), range.purpose(), range.sex(), fees, mues.get(code),
                    range.boneDensity()));
        });

        Map<String, String> levelTwo = new HashMap<>();
        TsvReader.forEachRow(LEVEL_II, row -> levelTwo.put(row[0], row[1]));

        Map<String, Deletion> deletions = new HashMap<>();
        TsvReader.forEachRow(REPLACEMENTS, row -> deletions.put(row[0],
                new Deletion(LocalDate.parse(row[1]), row[2].isBlank() ? List.of() : List.of(row[2].split(",")), row[3])));

        return new CptCatalog(Map.copyOf(codes), Map.copyOf(levelTwo), Map.copyOf(deletions));
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

    /** What a code is on a date of service. Never throws for bad input. */
    public CptLookup lookup(String raw, LocalDate dateOfService) {
        String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(code).matches()) {
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
