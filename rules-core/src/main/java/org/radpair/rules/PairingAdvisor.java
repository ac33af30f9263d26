package org.radpair.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.radpair.codes.CptCode;
import org.radpair.codes.IcdLookup;
import org.radpair.codes.IcdStatus;
import org.radpair.codes.ReferenceData;

/**
 * Suggestions for coders, from the same indications table that MEDICAL_NECESSITY applies, so that
 * a suggested pairing never fails the check.
 */
public final class PairingAdvisor {

    /** A suggested indication: a billable code, or a whole category when the table speaks of one. */
    public record Indication(String code, String description, Kind kind, int weight) {
        public enum Kind { CODE, CATEGORY }
    }

    private static final int MAX_INDICATIONS = 40;
    private static final int CHILDREN_PER_HEADER = 3;

    private final ReferenceData reference;
    private final CodingKnowledge knowledge;

    public PairingAdvisor(ReferenceData reference, CodingKnowledge knowledge) {
        this.reference = reference;
        this.knowledge = knowledge;
    }

    /** Indications that support the study, most common first. */
    public List<Indication> indicationsFor(CptCode study, LocalDate dateOfService) {
        List<CodingKnowledge.Indication> rows = new ArrayList<>(knowledge.indications().stream()
                .filter(row -> row.supports(study) == Pairing.SUPPORTED && row.regions() != null)
                .toList());
        rows.sort(Comparator.comparingInt(CodingKnowledge.Indication::weight));
        Map<String, Indication> found = new LinkedHashMap<>();
        for (CodingKnowledge.Indication row : rows) {
            if (found.size() >= MAX_INDICATIONS) {
                break;
            }
            String prefix = row.prefix();
            if (prefix.replace(".", "").length() < 3) {
                found.putIfAbsent(prefix, new Indication(prefix, row.note(), Indication.Kind.CATEGORY, row.weight()));
                continue;
            }
            IcdLookup lookup = reference.icd10().lookup(prefix, dateOfService);
            if (lookup.status() == IcdStatus.BILLABLE) {
                found.putIfAbsent(lookup.code(), new Indication(lookup.code(), lookup.description(), Indication.Kind.CODE, row.weight()));
            } else if (lookup.status() == IcdStatus.HEADER) {
                // The unspecified codes of a category are what orders most often carry; they come first.
                List<IcdLookup> children = lookup.children().stream()
                        .map(child -> reference.icd10().lookup(child, dateOfService))
                        // A child may fall under a more specific row that does not support the study.
                        .filter(child -> knowledge.pairing(child.code(), study) == Pairing.SUPPORTED)
                        .sorted(Comparator.comparing((IcdLookup child) -> !isUnspecified(child)).thenComparing(IcdLookup::code))
                        .limit(CHILDREN_PER_HEADER)
                        .toList();
                children.forEach(child -> found.putIfAbsent(child.code(),
                        new Indication(child.code(), child.description(), Indication.Kind.CODE, row.weight())));
            }
        }
        return List.copyOf(found.values());
    }

    private static boolean isUnspecified(IcdLookup code) {
        return code.description() != null && code.description().toLowerCase(java.util.Locale.ROOT).contains("unspecified");
    }

    /** Catalogued studies the diagnosis supports, by modality then code. */
    public List<CptCode> studiesFor(String icdCode) {
        return reference.cpt().all().stream()
                .filter(study -> knowledge.pairing(icdCode, study) == Pairing.SUPPORTED)
                .sorted(Comparator.comparing(CptCode::modality).thenComparing(CptCode::code))
                .toList();
    }
}
