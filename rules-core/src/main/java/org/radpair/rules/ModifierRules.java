package org.radpair.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.radpair.claim.ClaimLine;
import org.radpair.codes.BodyRegion;
import org.radpair.codes.CptCode;
import org.radpair.codes.IcdLookup;
import org.radpair.codes.Laterality;

/** MODIFIER: 26/TC, 50/RT/LT, inherently bilateral studies, GG, and modifiers that no longer exist. */
public final class ModifierRules implements RuleFamily {

    private static final String PFS = "CMS PFS Relative Value File indicators (PC/TC, bilateral surgery); "
            + "Medicare Claims Processing Manual Ch. 12 §20.4 and §40.7";

    static final RuleDefinition PROFESSIONAL_AND_TECHNICAL = new RuleDefinition("MOD-001", Category.MODIFIER,
            Severity.ERROR, PFS, "Modifiers 26 and TC on one line");
    static final RuleDefinition COMPONENT_NOT_ALLOWED = new RuleDefinition("MOD-002", Category.MODIFIER,
            Severity.ERROR, PFS, "Modifier 26 or TC on a code without a professional/technical split");
    static final RuleDefinition FIFTY_NOT_ALLOWED = new RuleDefinition("MOD-003", Category.MODIFIER, Severity.ERROR,
            PFS, "Modifier 50 on an inherently bilateral code or one whose bilateral indicator forbids it");
    static final RuleDefinition FIFTY_WITH_SIDE = new RuleDefinition("MOD-004", Category.MODIFIER, Severity.ERROR,
            PFS, "Modifier 50 together with RT or LT");
    static final RuleDefinition SIDE_CONTRADICTS_DIAGNOSIS = new RuleDefinition("MOD-005", Category.MODIFIER,
            Severity.ERROR, "ICD-10-CM Official Guidelines I.B.13 (laterality); HCPCS modifiers RT/LT",
            "The side modifier contradicts the side of the diagnosis");
    static final RuleDefinition GG_MISSING = new RuleDefinition("MOD-006", Category.MODIFIER, Severity.WARNING,
            "HCPCS modifier GG; Medicare Claims Processing Manual Ch. 18 §20.4",
            "A diagnostic mammogram on the day of the screening one without GG");
    static final RuleDefinition GG_MISPLACED = new RuleDefinition("MOD-007", Category.MODIFIER, Severity.WARNING,
            "HCPCS modifier GG; Medicare Claims Processing Manual Ch. 18 §20.4",
            "GG on a line that is not a same-day diagnostic mammogram");
    static final RuleDefinition OBSOLETE = new RuleDefinition("MOD-008", Category.MODIFIER, Severity.ERROR,
            "CMS CY2024 PFS final rule (appropriate use criteria program paused): AUC modifiers MA–MH and QQ ended 2024-12-31",
            "A modifier that no longer exists on the date of service");
    static final RuleDefinition PAYER_BILATERAL_STYLE = new RuleDefinition("MOD-009", Category.MODIFIER,
            Severity.WARNING, "Payer bilateral billing policy (Medicare: one line with 50, 1 unit)",
            "Bilateral study billed in the form the payer does not accept");
    static final RuleDefinition SIDE_MISSING = new RuleDefinition("MOD-010", Category.MODIFIER, Severity.WARNING,
            "HCPCS modifiers RT/LT; CMS PFS bilateral indicator", "A one-sided study without RT, LT or 50");

    private static final Set<String> AUC = Set.of("MA", "MB", "MC", "MD", "ME", "MF", "MG", "MH", "QQ");
    private static final LocalDate AUC_ENDED = LocalDate.of(2025, 1, 1);
    private static final Set<String> DIAGNOSTIC_MAMMOGRAPHY = Set.of("77065", "77066", "G0279");
    static final RuleDefinition GLOBAL_IN_FACILITY = new RuleDefinition("MOD-011", Category.MODIFIER, Severity.WARNING,
            "CMS Medicare Claims Processing Manual Ch. 13 (radiology: professional and technical components); CMS place of"
                    + " service code set (facility settings)",
            "A study billed globally or as TC by a physician in a facility setting");

    /** CMS places of service where the facility bills the technical component (hospital, ASC, SNF, psychiatric, rehab). */
    private static final Set<String> FACILITY_PLACES = Set.of("19", "21", "22", "23", "24", "26", "31", "34", "51", "52",
            "53", "56", "61");

    private static final List<String> ACQUIRED_ABSENCE = List.of("Z89", "Z90");

    private static final Set<BodyRegion> SIDED_REGIONS = Set.of(BodyRegion.UPPER_EXTREMITY, BodyRegion.LOWER_EXTREMITY,
            BodyRegion.BREAST);

    private final PayerPolicies payers;

    public ModifierRules(PayerPolicies payers) {
        this.payers = payers;
    }

    @Override
    public List<RuleDefinition> rules() {
        return List.of(PROFESSIONAL_AND_TECHNICAL, COMPONENT_NOT_ALLOWED, FIFTY_NOT_ALLOWED, FIFTY_WITH_SIDE,
                SIDE_CONTRADICTS_DIAGNOSIS, GG_MISSING, GG_MISPLACED, OBSOLETE, PAYER_BILATERAL_STYLE, SIDE_MISSING,
                GLOBAL_IN_FACILITY);
    }

    @Override
    public void check(ClaimReview review, List<Edit> edits) {
        boolean screeningMammogramToday = review.bills("77067");
        Map<String, int[]> sidesByCode = new TreeMap<>();
        for (int i = 0; i < review.lineCount(); i++) {
            int number = i + 1;
            ClaimLine line = review.line(i);
            List<String> modifiers = line.modifiers();
            CptCode study = review.study(i);
            for (String modifier : modifiers) {
                if (AUC.contains(modifier) && !review.dateOfService().isBefore(AUC_ENDED)) {
                    edits.add(OBSOLETE.edit(number, List.of(line.cpt(), modifier),
                            "Line " + number + ": modifier " + modifier + " belonged to the appropriate use criteria program,"
                                    + " which ended on 2024-12-31; remove it.",
                            new Suggestion(SuggestionAction.REMOVE_MODIFIER, modifier, List.of())));
                }
            }
            boolean gg = modifiers.contains("GG");
            if (DIAGNOSTIC_MAMMOGRAPHY.contains(line.cpt()) && screeningMammogramToday && !gg) {
                edits.add(GG_MISSING.edit(number, List.of(line.cpt()),
                        "Line " + number + ": a diagnostic mammogram (" + line.cpt() + ") done the same day as the screening"
                                + " mammogram 77067 carries modifier GG, or the payer denies one of them.",
                        Suggestion.addModifier(List.of("GG"))));
            } else if (gg && !(DIAGNOSTIC_MAMMOGRAPHY.contains(line.cpt()) && screeningMammogramToday)) {
                edits.add(GG_MISPLACED.edit(number, List.of(line.cpt(), "GG"),
                        "Line " + number + ": GG marks a diagnostic mammogram done the same day as a screening one; "
                                + line.cpt() + " on this claim is not that.",
                        new Suggestion(SuggestionAction.REMOVE_MODIFIER, "GG", List.of())));
            }
            if (study == null) {
                continue;
            }
            checkComponents(number, line, study, edits);
            checkPlaceOfService(review, number, line, study, edits);
            checkLaterality(review, i, line, study, edits);
            if (study.laterality() == Laterality.UNILATERAL) {
                int[] sides = sidesByCode.computeIfAbsent(line.cpt(), k -> new int[3]);
                sides[0] += modifiers.contains("RT") ? 1 : 0;
                sides[1] += modifiers.contains("LT") ? 1 : 0;
                if (sides[2] == 0 && modifiers.contains("50")) {
                    sides[2] = number;
                }
            }
        }
        checkPayerStyle(review, sidesByCode, edits);
    }

    /** In a facility the hospital bills the technical component on its own claim: the physician's claim carries 26. */
    private static void checkPlaceOfService(ClaimReview review, int number, ClaimLine line, CptCode study, List<Edit> edits) {
        String place = review.claim().context().placeOfService();
        if (place == null || !FACILITY_PLACES.contains(place) || !study.feeSchedule().hasProfessionalAndTechnicalComponents()
                || line.modifiers().contains("26")) {
            return;
        }
        boolean technical = line.modifiers().contains("TC");
        edits.add(GLOBAL_IN_FACILITY.edit(number, List.of(line.cpt(), technical ? "TC" : line.cpt()),
                "Line " + number + ": the place of service " + place + " is a facility, which bills the technical component"
                        + " of " + line.cpt() + " itself; the physician's claim " + (technical ? "does not bill TC: bill 26."
                                : "bills the professional component: add 26."),
                technical ? new Suggestion(SuggestionAction.ADD_MODIFIER, "TC", List.of("26")) : Suggestion.addModifier(List.of("26"))));
    }

    private static void checkComponents(int number, ClaimLine line, CptCode study, List<Edit> edits) {
        boolean professional = line.modifiers().contains("26");
        boolean technical = line.modifiers().contains("TC");
        String pcTc = study.feeSchedule().pcTcIndicator();
        if (professional && technical) {
            edits.add(PROFESSIONAL_AND_TECHNICAL.edit(number, List.of(line.cpt(), "26", "TC"),
                    "Line " + number + ": 26 (professional) and TC (technical) together make the global service: bill "
                            + line.cpt() + " without either, or split the components onto the two billers' claims.",
                    new Suggestion(SuggestionAction.SPLIT_LINE, line.cpt(), List.of("26", "TC"))));
        } else if ((professional && !("1".equals(pcTc) || "6".equals(pcTc))) || (technical && !"1".equals(pcTc))) {
            String modifier = professional ? "26" : "TC";
            edits.add(COMPONENT_NOT_ALLOWED.edit(number, List.of(line.cpt(), modifier),
                    "Line " + number + ": " + line.cpt() + " has PC/TC indicator " + pcTc + ", so modifier " + modifier
                            + " does not apply to it; remove the modifier.",
                    new Suggestion(SuggestionAction.REMOVE_MODIFIER, modifier, List.of())));
        }
    }

    private static void checkLaterality(ClaimReview review, int index, ClaimLine line, CptCode study, List<Edit> edits) {
        int number = index + 1;
        List<String> modifiers = line.modifiers();
        boolean fifty = modifiers.contains("50");
        boolean right = modifiers.contains("RT");
        boolean left = modifiers.contains("LT");
        if (fifty && study.laterality() != Laterality.UNILATERAL) {
            edits.add(FIFTY_NOT_ALLOWED.edit(number, List.of(line.cpt(), "50"),
                    "Line " + number + ": " + line.cpt() + " (" + study.label() + ") "
                            + (study.laterality() == Laterality.INHERENTLY_BILATERAL ? "is bilateral by definition"
                                    : "has bilateral indicator " + study.feeSchedule().bilateralIndicator()
                                            + ": the bilateral adjustment does not apply")
                            + "; remove modifier 50.",
                    new Suggestion(SuggestionAction.REMOVE_MODIFIER, "50", List.of())));
        }
        if (fifty && (right || left)) {
            edits.add(FIFTY_WITH_SIDE.edit(number, List.of(line.cpt(), "50", right ? "RT" : "LT"),
                    "Line " + number + ": modifier 50 already means both sides; remove " + (right ? "RT" : "LT") + ".",
                    new Suggestion(SuggestionAction.REMOVE_MODIFIER, right ? "RT" : "LT", List.of())));
        }
        if (right != left) {
            String side = right ? "right" : "left";
            String other = right ? "left" : "right";
            for (IcdLookup diagnosis : review.pointedBy(index)) {
                // An acquired absence (Z89, Z90.1x) names the side that is gone: the study images the other one.
                if (other.equals(sideOf(diagnosis)) && !CodingKnowledge.startsWithAny(diagnosis.code(), ACQUIRED_ABSENCE)) {
                    edits.add(SIDE_CONTRADICTS_DIAGNOSIS.edit(number, List.of(line.cpt(), right ? "RT" : "LT", diagnosis.code()),
                            "Line " + number + ": modifier " + (right ? "RT" : "LT") + " says the " + side + " side, but "
                                    + diagnosis.code() + " (" + diagnosis.description() + ") is on the " + other
                                    + " side; correct the modifier or the diagnosis."));
                    break;
                }
            }
        }
        if (!fifty && !right && !left && study.laterality() == Laterality.UNILATERAL
                && study.regions().stream().anyMatch(SIDED_REGIONS::contains)) {
            edits.add(SIDE_MISSING.edit(number, List.of(line.cpt()),
                    "Line " + number + ": " + line.cpt() + " (" + study.label() + ") is done on one side: add RT or LT"
                            + " (or 50 when both sides were imaged).",
                    Suggestion.addModifier(List.of("RT", "LT"))));
        }
    }

    /** right, left, or null, from the code title (ICD-10-CM spells laterality out in the title). */
    static String sideOf(IcdLookup diagnosis) {
        if (diagnosis.description() == null) {
            return null;
        }
        String title = diagnosis.description().toLowerCase(Locale.ROOT);
        boolean right = title.contains("right");
        boolean left = title.contains("left");
        if (title.contains("bilateral") || right == left) {
            return null;
        }
        return right ? "right" : "left";
    }

    private void checkPayerStyle(ClaimReview review, Map<String, int[]> sidesByCode, List<Edit> edits) {
        PayerPolicies.BilateralStyle style = payers.bilateralStyle(review.claim().payer().type());
        sidesByCode.forEach((cpt, sides) -> {
            if (style == PayerPolicies.BilateralStyle.MODIFIER_50 && sides[0] > 0 && sides[1] > 0) {
                edits.add(PAYER_BILATERAL_STYLE.edit(null, List.of(cpt, "RT", "LT"),
                        review.claim().payer().type() + " pays a bilateral " + cpt + " as one line with modifier 50 and 1"
                                + " unit, not as RT and LT lines.", Suggestion.addModifier(List.of("50"))));
            } else if (style == PayerPolicies.BilateralStyle.RT_LT_LINES && sides[2] > 0) {
                edits.add(PAYER_BILATERAL_STYLE.edit(sides[2], List.of(cpt, "50"),
                        "Line " + sides[2] + ": this payer wants a bilateral " + cpt + " as two lines, RT and LT, not one line"
                                + " with modifier 50.", new Suggestion(SuggestionAction.SPLIT_LINE, cpt, List.of("RT", "LT"))));
            }
        });
    }
}
