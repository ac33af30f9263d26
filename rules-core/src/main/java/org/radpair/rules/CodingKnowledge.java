package org.radpair.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.radpair.claim.Claim;
import org.radpair.claim.ClaimLine;
import org.radpair.claim.HistoryNeeds;
import org.radpair.claim.Sex;
import org.radpair.codes.BodyRegion;
import org.radpair.codes.CptCode;
import org.radpair.codes.IcdConventions;
import org.radpair.codes.Modality;
import org.radpair.codes.TsvReader;

/**
 * The coding knowledge the rules apply, kept as tables a reviewer can read in
 * {@code org/radpair/rules/*.tsv} rather than as if-chains: which diagnoses support which
 * studies, screening requirements, symptoms integral to a diagnosis, sex-specific codes,
 * combined codes, and where a code may stand on the claim.
 */
public final class CodingKnowledge {

    private static final String BASE = "/org/radpair/rules/";
    /** Modalities a diagnosis supports only when its row names them. */
    private static final Set<Modality> GATED = EnumSet.of(Modality.DXA, Modality.RADONC);

    /**
     * One row of indications.tsv or category_indications.tsv. {@code regions} null means ANY; {@code modalities} empty
     * means every modality but the gated ones; {@code supportsNoImaging} marks a diagnosis no imaging study is done for.
     */
    public record Indication(String prefix, Set<BodyRegion> regions, Set<Modality> modalities, boolean allModalities,
            int weight, String note, boolean supportsNoImaging) {

        Pairing supports(CptCode study) {
            if (supportsNoImaging) {
                return Pairing.UNSUPPORTED;
            }
            // Bone-density indications name DXA; quantitative CT and ultrasound densitometry answer the same question.
            Modality modality = study.measuresBoneDensity() ? Modality.DXA : study.modality();
            boolean named = allModalities || modalities.contains(modality);
            if (GATED.contains(modality) ? !named : !(modalities.isEmpty() || named)) {
                return Pairing.UNSUPPORTED;
            }
            if (regions == null) {
                return Pairing.SUPPORTED;
            }
            for (BodyRegion region : study.regions()) {
                // A whole-body study (PET, bone scan, tumour localisation) images every region.
                if (region == BodyRegion.WHOLE_BODY || regions.contains(region)) {
                    return Pairing.SUPPORTED;
                }
            }
            return Pairing.UNSUPPORTED;
        }
    }

    public record Screening(String cpt, List<String> firstListed, List<String> alsoRequired,
            List<String> diagnosticInstead, Integer medicareMinAge, Integer medicareMaxAge, String reference) {
    }

    /** One row of frequency.tsv: how often a payer pays a study again. {@code intervalMonths} null means once per lifetime. */
    public record Frequency(Set<String> cpts, org.radpair.claim.PayerType payer, Integer minAge, Integer maxAge,
            Integer intervalMonths, List<String> exemptIf, String benefit, String reference) {

        public boolean appliesTo(org.radpair.claim.PayerType payerType, Integer age) {
            return (payer == null || payer == payerType)
                    && (minAge == null || (age != null && age >= minAge)) && (maxAge == null || (age != null && age <= maxAge));
        }
    }

    /** One row of add_on_codes.tsv. */
    public record AddOn(String code, List<String> primaries, List<String> medicareInsteadWith, String medicareInstead,
            String reference) {
    }

    private record SupplyRange(String first, String last, String kind) {
        boolean contains(String code) {
            return code.length() == first.length() && code.compareTo(first) >= 0 && code.compareTo(last) <= 0;
        }
    }

    /** How far back a lifetime limit looks: the six years HIPAA asks records to be kept. */
    private static final int LIFETIME_MONTHS = 72;

    public record IntegralSymptom(String symptom, List<String> definitive, String note) {
    }

    public record Combination(String first, String second, String combined, String reference) {
    }

    public enum Placement { SECONDARY_ONLY, NOT_WITH_SYMPTOMS }

    public record PlacementRule(String prefix, Placement restriction, String note) {
    }

    /**
     * The pairing rows by prefix: the classification-wide category table, refined by the hand-written rows (which win
     * where both name the same prefix). Several rows may share a prefix: a code can support studies of different kinds.
     */
    private final CodePrefixTable<List<Indication>> indications = new CodePrefixTable<>();
    private List<Indication> indicationRows = new ArrayList<>();
    private final Map<String, Screening> screening = new HashMap<>();
    private final CodePrefixTable<IntegralSymptom> integralSymptoms = new CodePrefixTable<>();
    private final CodePrefixTable<Sex> sexSpecific = new CodePrefixTable<>();
    private List<Combination> combinations = new ArrayList<>();
    private List<Frequency> frequencies = List.of();
    private final Map<String, AddOn> addOns = new HashMap<>();
    private final List<SupplyRange> supplies = new ArrayList<>();
    private final CodePrefixTable<PlacementRule> placement = new CodePrefixTable<>();

    private CodingKnowledge() {
    }

    public static CodingKnowledge load() {
        CodingKnowledge knowledge = new CodingKnowledge();
        Map<String, List<Indication>> handWritten = new java.util.LinkedHashMap<>();
        TsvReader.read(BASE + "indications.tsv", row -> {
            Indication indication = indication(row);
            handWritten.computeIfAbsent(indication.prefix(), k -> new ArrayList<>()).add(indication);
            knowledge.indicationRows.add(indication);
        });
        Map<String, List<Indication>> byCategory = new java.util.LinkedHashMap<>();
        TsvReader.read(BASE + "category_indications.tsv", row -> {
            Indication indication = indication(row);
            byCategory.computeIfAbsent(indication.prefix(), k -> new ArrayList<>()).add(indication);
        });
        byCategory.forEach((prefix, rows) -> knowledge.indications.put(prefix, List.copyOf(rows)));
        handWritten.forEach((prefix, rows) -> knowledge.indications.put(prefix, List.copyOf(rows)));
        TsvReader.read(BASE + "screening.tsv", row -> knowledge.screening.put(row.get("cpt"),
                new Screening(row.get("cpt"), row.list("first_listed"), row.list("also_required"),
                        row.list("diagnostic_instead"), row.integer("medicare_min_age"), row.integer("medicare_max_age"),
                        row.get("reference"))));
        List<Frequency> frequencies = new ArrayList<>();
        TsvReader.read(BASE + "frequency.tsv", row -> {
            String[] ages = row.get("ages").isBlank() ? new String[] {"", ""} : row.get("ages").split("-");
            String payer = row.get("payer");
            String interval = row.get("interval_months");
            frequencies.add(new Frequency(Set.copyOf(row.list("cpts")),
                    "ALL".equals(payer) ? null : org.radpair.claim.PayerType.valueOf(payer), integer(ages[0]),
                    integer(ages[1]), "LIFETIME".equals(interval) ? null : Integer.valueOf(interval),
                    row.list("exempt_if"), row.get("benefit"), row.get("reference")));
        });
        knowledge.frequencies = List.copyOf(frequencies);
        TsvReader.read(BASE + "add_on_codes.tsv", row -> knowledge.addOns.put(row.get("add_on"),
                new AddOn(row.get("add_on"), row.list("primaries"), row.list("medicare_instead_with"),
                        row.get("medicare_instead").isBlank() ? null : row.get("medicare_instead"), row.get("reference"))));
        TsvReader.read(BASE + "contrast_supplies.tsv", row -> knowledge.supplies.add(
                new SupplyRange(row.get("first"), row.get("last"), row.get("kind"))));
        TsvReader.read(BASE + "symptom_integral.tsv", row -> knowledge.integralSymptoms.put(row.get("symptom"),
                new IntegralSymptom(row.get("symptom"), row.list("definitive"), row.get("note"))));
        // Diagnoses of one sex: derived from the Tabular List (tools/derive_icd_conventions.py), undotted prefixes.
        TsvReader.read(IcdConventions.SEX, row -> knowledge.sexSpecific.put(row.get("prefix"), Sex.valueOf(row.get("sex"))));
        TsvReader.read(BASE + "combined_codes.tsv", row -> knowledge.combinations.add(
                new Combination(row.get("first"), row.get("second"), row.get("combined"), row.get("reference"))));
        TsvReader.read(BASE + "first_listed.tsv", row -> knowledge.placement.put(row.get("prefix"),
                new PlacementRule(row.get("prefix"), Placement.valueOf(row.get("restriction")), row.get("note"))));
        knowledge.indicationRows = List.copyOf(knowledge.indicationRows);
        knowledge.combinations = List.copyOf(knowledge.combinations);
        return knowledge;
    }

    /** regions: a list, ANY or NONE; modalities: a list, ALL or blank. */
    private static Indication indication(TsvReader.Row row) {
        String regionList = row.get("regions");
        String modalityList = row.get("modalities");
        boolean none = "NONE".equals(regionList);
        Set<BodyRegion> regions = "ANY".equals(regionList) ? null
                : none ? EnumSet.noneOf(BodyRegion.class) : enums(BodyRegion.class, regionList);
        boolean all = "ALL".equals(modalityList);
        Set<Modality> modalities = all || modalityList.isBlank() ? EnumSet.noneOf(Modality.class)
                : enums(Modality.class, modalityList);
        return new Indication(row.get("prefix"), regions, modalities, all, Integer.parseInt(row.get("weight")),
                row.get("note"), none);
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, String list) {
        EnumSet<E> set = EnumSet.noneOf(type);
        Arrays.stream(list.split(",")).map(String::strip).forEach(name -> set.add(Enum.valueOf(type, name)));
        return set;
    }

    private static Integer integer(String value) {
        return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
    }

    /** Whether a diagnosis code supports a study: UNKNOWN when RadPair has no affinity for the code or the study images no fixed region. */
    public Pairing pairing(String icdCode, CptCode study) {
        // Guidance and unlisted procedures image no fixed region; radiation oncology is judged by modality alone.
        if (study == null || (study.regions().equals(List.of(BodyRegion.OTHER)) && study.modality() != Modality.RADONC)) {
            return Pairing.UNKNOWN;
        }
        List<Indication> rows = rowsOf(icdCode);
        if (rows == null) {
            return Pairing.UNKNOWN;
        }
        for (Indication row : rows) {
            if (row.supports(study) == Pairing.SUPPORTED) {
                return Pairing.SUPPORTED;
            }
        }
        return Pairing.UNSUPPORTED;
    }

    /** The rows of the longest prefix of the code, or null. */
    private List<Indication> rowsOf(String icdCode) {
        return indications.match(icdCode);
    }

    /** The (first) indication row a code falls under, or null. */
    public Indication indicationOf(String icdCode) {
        List<Indication> rows = rowsOf(icdCode);
        return rows == null ? null : rows.get(0);
    }

    /** Every indication row a code falls under (several when it supports studies of different kinds), or an empty list. */
    public List<Indication> indicationsOf(String icdCode) {
        List<Indication> rows = rowsOf(icdCode);
        return rows == null ? List.of() : rows;
    }

    /** Whether no imaging study is done for this diagnosis (acne, refraction errors, routine encounters…). */
    public boolean supportsNoImaging(String icdCode) {
        List<Indication> rows = rowsOf(icdCode);
        return rows != null && rows.stream().allMatch(Indication::supportsNoImaging);
    }

    private final Map<String, List<String>> commonByStudy = new java.util.concurrent.ConcurrentHashMap<>();

    /** The (up to three) most common hand-written indications of a study, as code prefixes: what to suggest instead. */
    public List<String> commonIndications(CptCode study) {
        return commonByStudy.computeIfAbsent(study.code(), code -> indicationRows.stream()
                .filter(row -> row.regions() != null && row.prefix().replace(".", "").length() >= 3)
                .filter(row -> row.supports(study) == Pairing.SUPPORTED)
                .sorted(java.util.Comparator.comparingInt(Indication::weight))
                .map(Indication::prefix).distinct().limit(3).toList());
    }

    /** Every indication row, in file order. */
    public List<Indication> indications() {
        return indicationRows;
    }

    /** The add-on row of a procedure code, or null. */
    public AddOn addOn(String cpt) {
        return addOns.get(cpt);
    }

    /** The kind of contrast agent a supply code is (IODINATED, GADOLINIUM…), or null when it is none. */
    public String contrastSupply(String cpt) {
        for (SupplyRange range : supplies) {
            if (range.contains(cpt)) {
                return range.kind();
            }
        }
        return null;
    }

    /** Every frequency limit, in file order. */
    public List<Frequency> frequencies() {
        return frequencies;
    }

    /**
     * The earlier studies the frequency limits of this claim's studies read: the codes of every limit that names one of
     * them, as far back as the longest of those limits (a month more, as limits count calendar months). Findings only
     * when no limit concerns the claim, so most claims read no studies at all.
     */
    public HistoryNeeds historyNeeds(Claim claim) {
        Set<String> codes = new java.util.HashSet<>();
        int months = 0;
        for (Frequency limit : frequencies) {
            for (ClaimLine line : claim.lines()) {
                if (limit.cpts().contains(line.cpt())) {
                    codes.addAll(limit.cpts());
                    months = Math.max(months, (limit.intervalMonths() == null ? LIFETIME_MONTHS : limit.intervalMonths()) + 1);
                    break;
                }
            }
        }
        return codes.isEmpty() ? HistoryNeeds.FINDINGS_ONLY : new HistoryNeeds(codes, months);
    }

    public Screening screening(String cpt) {
        return screening.get(cpt);
    }

    public IntegralSymptom integralSymptom(String icdCode) {
        return integralSymptoms.match(icdCode);
    }

    /** The only sex a diagnosis fits, or null. */
    public Sex sexOf(String icdCode) {
        return sexSpecific.match(icdCode);
    }

    public List<Combination> combinations() {
        return combinations;
    }

    public PlacementRule placement(String icdCode) {
        return placement.match(icdCode);
    }

    /** Whether a dotted upper-case code (as look-ups return them) starts with one of the dotted prefixes given. */
    static boolean startsWithAny(String code, List<String> dottedPrefixes) {
        for (String prefix : dottedPrefixes) {
            if (code.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
