package org.radpair.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** One row of indications.tsv. {@code regions} null means ANY; {@code modalities} null means every modality. */
    public record Indication(String prefix, Set<BodyRegion> regions, Set<Modality> modalities, boolean allModalities,
            int weight, String note) {

        Pairing supports(CptCode study) {
            Modality modality = study.modality();
            boolean named = allModalities || modalities.contains(modality);
            if (GATED.contains(modality) ? !named : !(modalities.isEmpty() || named)) {
                return Pairing.UNSUPPORTED;
            }
            if (regions == null) {
                return Pairing.SUPPORTED;
            }
            for (BodyRegion region : study.regions()) {
                if (regions.contains(region)) {
                    return Pairing.SUPPORTED;
                }
            }
            return Pairing.UNSUPPORTED;
        }
    }

    public record Screening(String cpt, List<String> firstListed, List<String> alsoRequired,
            List<String> diagnosticInstead, String reference) {
    }

    public record IntegralSymptom(String symptom, List<String> definitive, String note) {
    }

    public record Combination(String first, String second, String combined, String reference) {
    }

    public enum Placement { SECONDARY_ONLY, NOT_WITH_SYMPTOMS }

    public record PlacementRule(String prefix, Placement restriction, String note) {
    }

    private final CodePrefixTable<Indication> indications = new CodePrefixTable<>();
    private List<Indication> indicationRows = new ArrayList<>();
    private final Map<String, Screening> screening = new HashMap<>();
    private final CodePrefixTable<IntegralSymptom> integralSymptoms = new CodePrefixTable<>();
    private final CodePrefixTable<Sex> sexSpecific = new CodePrefixTable<>();
    private List<Combination> combinations = new ArrayList<>();
    private final CodePrefixTable<PlacementRule> placement = new CodePrefixTable<>();

    private CodingKnowledge() {
    }

    public static CodingKnowledge load() {
        CodingKnowledge knowledge = new CodingKnowledge();
        TsvReader.forEachRow(BASE + "indications.tsv", row -> {
            Set<BodyRegion> regions = "ANY".equals(row[1]) ? null : enums(BodyRegion.class, row[1]);
            boolean all = "ALL".equals(row[2]);
            Set<Modality> modalities = all || row[2].isBlank() ? EnumSet.noneOf(Modality.class) : enums(Modality.class, row[2]);
            Indication indication = new Indication(row[0], regions, modalities, all, Integer.parseInt(row[3]), row[4]);
            knowledge.indications.put(row[0], indication);
            knowledge.indicationRows.add(indication);
        });
        TsvReader.forEachRow(BASE + "screening.tsv", row -> knowledge.screening.put(row[0],
                new Screening(row[0], list(row[1]), list(row[2]), list(row[3]), row[4])));
        TsvReader.forEachRow(BASE + "symptom_integral.tsv", row -> knowledge.integralSymptoms.put(row[0],
                new IntegralSymptom(row[0], list(row[1]), row[2])));
        // Diagnoses of one sex: derived from the Tabular List (tools/derive_icd_conventions.py), undotted prefixes.
        TsvReader.forEachRow(IcdConventions.SEX, row -> knowledge.sexSpecific.put(row[0], Sex.valueOf(row[1])));
        TsvReader.forEachRow(BASE + "combined_codes.tsv", row -> knowledge.combinations.add(
                new Combination(row[0], row[1], row[2], row[3])));
        TsvReader.forEachRow(BASE + "first_listed.tsv", row -> knowledge.placement.put(row[0],
                new PlacementRule(row[0], Placement.valueOf(row[1]), row[2])));
        knowledge.indicationRows = List.copyOf(knowledge.indicationRows);
        knowledge.combinations = List.copyOf(knowledge.combinations);
        return knowledge;
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, String list) {
        EnumSet<E> set = EnumSet.noneOf(type);
        Arrays.stream(list.split(",")).map(String::strip).forEach(name -> set.add(Enum.valueOf(type, name)));
        return set;
    }

    private static List<String> list(String value) {
        return value.isBlank() ? List.of() : List.of(value.split(","));
    }

    /** Whether a diagnosis code supports a study: UNKNOWN when RadPair has no affinity for the code or the study images no fixed region. */
    public Pairing pairing(String icdCode, CptCode study) {
        // Guidance and unlisted procedures image no fixed region; radiation oncology is judged by modality alone.
        if (study == null || (study.regions().equals(List.of(BodyRegion.OTHER)) && study.modality() != Modality.RADONC)) {
            return Pairing.UNKNOWN;
        }
        Indication indication = indications.match(icdCode);
        return indication == null ? Pairing.UNKNOWN : indication.supports(study);
    }

    /** The indication row a code falls under, or null. */
    public Indication indicationOf(String icdCode) {
        return indications.match(icdCode);
    }

    /** Every indication row, in file order. */
    public List<Indication> indications() {
        return indicationRows;
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
