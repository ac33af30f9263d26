package org.radpair.rules;

import java.util.ArrayList;
import java.util.List;

import org.radpair.codes.BodyRegion;
import org.radpair.codes.CptCode;
import org.radpair.codes.IcdLookup;

/**
 * MEDICAL_NECESSITY: the line's diagnoses must support the study — the body region it images and
 * the modality — as {@code indications.tsv} models the affinity that payers' coverage policies encode.
 */
public final class MedicalNecessityRules implements RuleFamily {

    private static final String REFERENCE = "Medicare Program Integrity Manual Ch. 13 (LCDs: reasonable and necessary); "
            + "ICD-10-CM Official Guidelines IV.A (code the reason for the encounter)";

    static final RuleDefinition NOT_SUPPORTED = new RuleDefinition("MED-001", Category.MEDICAL_NECESSITY, Severity.ERROR,
            REFERENCE, "No diagnosis on the line supports the study");
    static final RuleDefinition SECONDARY_SUPPORTS = new RuleDefinition("MED-002", Category.MEDICAL_NECESSITY,
            Severity.WARNING, REFERENCE, "The line's primary diagnosis does not support the study, a secondary one does");

    static final RuleDefinition FINDING_OUTSIDE_STUDY = new RuleDefinition("MED-003", Category.MEDICAL_NECESSITY,
            Severity.WARNING, REFERENCE, "An incidental finding of a body region no study on the claim images");
    static final RuleDefinition NOT_JUDGED = new RuleDefinition("MED-004", Category.MEDICAL_NECESSITY, Severity.INFO,
            REFERENCE, "RadPair has no body-region affinity for the line's diagnoses: the pairing is not judged");
    static final RuleDefinition NO_IMAGING_INDICATION = new RuleDefinition("MED-005", Category.MEDICAL_NECESSITY,
            Severity.WARNING, REFERENCE, "The line's diagnosis is not a reason for any imaging study");

    @Override
    public List<RuleDefinition> rules() {
        return List.of(NOT_SUPPORTED, SECONDARY_SUPPORTS, FINDING_OUTSIDE_STUDY, NOT_JUDGED, NO_IMAGING_INDICATION);
    }

    /** A finding is what a study saw: a code of another body region is a miscoding (N63.0 is a breast lump, not a renal mass). */
    private static void checkFindings(ClaimReview review, List<Edit> edits) {
        for (String raw : review.claim().context().incidentalFindings()) {
            String finding = org.radpair.codes.IcdCodes.display(raw);
            boolean anyStudy = false;
            boolean anyImagesIt = false;
            for (int i = 0; i < review.lineCount(); i++) {
                CptCode study = review.study(i);
                if (study == null) {
                    continue;
                }
                anyStudy = true;
                for (CodingKnowledge.Indication row : review.knowledge().indicationsOf(finding)) {
                    anyImagesIt |= couldSee(row, study);
                }
                anyImagesIt |= review.knowledge().indicationsOf(finding).isEmpty();
            }
            var lookup = anyStudy && !anyImagesIt ? review.reference().icd10().lookup(finding, review.dateOfService()) : null;
            if (lookup != null && lookup.billable()) {
                edits.add(FINDING_OUTSIDE_STUDY.edit(null, List.of(finding),
                        "The incidental finding " + finding + " (" + lookup.description() + ") belongs to a body region that"
                                + " no study on this claim images: check the code of what the study found."));
            }
        }
    }


    private static boolean couldSee(CodingKnowledge.Indication finding, CptCode study) {
        if (finding == null || finding.regions() == null) {
            return true;
        }
        for (BodyRegion region : study.regions()) {
            if (region == BodyRegion.OTHER || region == BodyRegion.WHOLE_BODY || finding.regions().contains(region)
                    || FieldOfView.around(region).stream().anyMatch(finding.regions()::contains)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void check(ClaimReview review, List<Edit> edits) {
        checkFindings(review, edits);
        for (int i = 0; i < review.lineCount(); i++) {
            CptCode study = review.study(i);
            List<IcdLookup> pointed = review.pointedBy(i);
            if (study == null || pointed.isEmpty() || !pointed.get(0).billable()) {
                continue;
            }
            IcdLookup first = pointed.get(0);
            Pairing primary = review.knowledge().pairing(first.code(), study);
            if (primary == Pairing.SUPPORTED) {
                continue;
            }
            List<String> supporting = new ArrayList<>();
            boolean anyUnknown = primary == Pairing.UNKNOWN;
            for (IcdLookup other : pointed.subList(1, pointed.size())) {
                if (other.billable() && !mayBeFirstListed(review, other.code())) {
                    // An external cause, a status or a manifestation qualifies another diagnosis: it cannot justify a study.
                    continue;
                }
                Pairing pairing = other.billable() ? review.knowledge().pairing(other.code(), study) : Pairing.UNKNOWN;
                if (pairing == Pairing.SUPPORTED) {
                    supporting.add(other.code());
                } else if (pairing == Pairing.UNKNOWN) {
                    anyUnknown = true;
                }
            }
            int number = i + 1;
            String name = study.code() + " (" + study.label() + ")";
            if (!supporting.isEmpty()) {
                // A pregnancy code keeps first place (I.C.15.a.1): the secondary that supports the study is then the
                // right coding, not a reason to reorder.
                if (primary == Pairing.UNSUPPORTED && !first.code().startsWith("O")) {
                    List<String> order = new ArrayList<>(supporting);
                    pointed.stream().map(IcdLookup::code).filter(code -> !order.contains(code)).forEach(order::add);
                    edits.add(SECONDARY_SUPPORTS.edit(number, List.of(first.code(), study.code()),
                            "Line " + number + ": the primary diagnosis " + first.code() + " does not support " + name
                                    + ", but " + String.join(", ", supporting) + " does: point the line to it first.",
                            new Suggestion(SuggestionAction.REORDER_DIAGNOSES, null, order)));
                }
            } else if (primary == Pairing.UNKNOWN && study.regions().equals(List.of(BodyRegion.OTHER))) {
                continue;
            } else if (anyUnknown) {
                edits.add(NOT_JUDGED.edit(number, List.of(first.code(), study.code()),
                        "Line " + number + ": RadPair has no body-region knowledge of " + describe(pointed)
                                + ", so whether it supports " + name + " was not judged."));
            } else if (pointed.stream().allMatch(d -> review.knowledge().supportsNoImaging(d.code()))) {
                List<String> common = review.knowledge().commonIndications(study);
                edits.add(NO_IMAGING_INDICATION.edit(number, List.of(first.code(), study.code()),
                        "Line " + number + ": " + describe(pointed) + " is not a reason for imaging, so it cannot explain "
                                + name + ": code the sign, symptom or condition that prompted the study"
                                + (common.isEmpty() ? "." : " (for this study most often " + String.join(", ", common) + ")."),
                        common.isEmpty() ? null : Suggestion.replaceCode(first.code(), common)));
            } else {
                edits.add(NOT_SUPPORTED.edit(number,
                        List.copyOf(concat(pointed.stream().map(IcdLookup::code).toList(), study.code())),
                        "Line " + number + ": " + describe(pointed) + " does not support " + name + ", which images "
                                + regions(study) + ": code the sign, symptom or condition that prompted this study."));
            }
        }
    }

    /** External-cause, secondary-only and manifestation codes never lead (I.C.20, I.C.21.c.16, I.A.13). */
    private static boolean mayBeFirstListed(ClaimReview review, String code) {
        char chapter = code.isEmpty() ? ' ' : code.charAt(0);
        if (chapter == 'V' || chapter == 'W' || chapter == 'X' || chapter == 'Y') {
            return false;
        }
        CodingKnowledge.PlacementRule rule = review.knowledge().placement(code);
        if (rule != null && rule.restriction() == CodingKnowledge.Placement.SECONDARY_ONLY) {
            return false;
        }
        var lookup = review.reference().icd10().lookup(code, review.dateOfService());
        return lookup.description() == null
                || !lookup.description().toLowerCase(java.util.Locale.ROOT).contains("in diseases classified elsewhere");
    }

    private static List<String> concat(List<String> codes, String cpt) {
        List<String> all = new ArrayList<>(codes);
        all.add(cpt);
        return all;
    }

    private static String describe(List<IcdLookup> pointed) {
        IcdLookup first = pointed.get(0);
        String text = first.code() + (first.description() == null ? "" : " (" + first.description() + ")");
        return pointed.size() == 1 ? text : text + " or the line's other diagnoses";
    }

    private static String regions(CptCode study) {
        return String.join(", ", study.regions().stream().map(r -> r.name().toLowerCase().replace('_', ' ')).toList())
                + " by " + study.modality();
    }
}
