package org.radpair.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.radpair.claim.ClaimLine;
import org.radpair.codes.NcciEdits;
import org.radpair.codes.PtpEdit;

/** BUNDLING: NCCI procedure-to-procedure pairs, and separately billed codes that one combined code describes. */
public final class BundlingRules implements RuleFamily {

    private static final String NCCI = "NCCI Policy Manual for Medicare Services Ch. I and IX (radiology); " + NcciEdits.RELEASE;

    static final RuleDefinition NEVER_TOGETHER = new RuleDefinition("BND-001", Category.BUNDLING, Severity.ERROR,
            NCCI, "An NCCI pair with modifier indicator 0 billed together");
    static final RuleDefinition BYPASS_NEEDED = new RuleDefinition("BND-002", Category.BUNDLING, Severity.WARNING,
            NCCI, "An NCCI pair with modifier indicator 1 billed together without a distinct-service modifier");
    static final RuleDefinition COMBINED_CODE = new RuleDefinition("BND-003", Category.BUNDLING, Severity.ERROR,
            "CPT coding instructions (combined codes); " + NCCI, "Two codes billed where one combined code applies");

    /** Modifiers that say the column-2 service was distinct (NCCI-associated modifiers). */
    private static final Set<String> BYPASS = Set.of("59", "XE", "XS", "XP", "XU", "E1", "E2", "E3", "E4",
            "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7",
            "T8", "T9", "LC", "LD", "LM", "RC", "RI", "24", "25", "57", "91", "GG");

    private static final Set<String> DIAGNOSTIC_MAMMOGRAPHY = Set.of("77065", "77066", "G0279");

    @Override
    public List<RuleDefinition> rules() {
        return List.of(NEVER_TOGETHER, BYPASS_NEEDED, COMBINED_CODE);
    }

    @Override
    public void check(ClaimReview review, List<Edit> edits) {
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < review.lineCount(); i++) {
            for (int j = 0; j < review.lineCount(); j++) {
                if (i == j) {
                    continue;
                }
                ClaimLine column1 = review.line(i);
                ClaimLine column2 = review.line(j);
                PtpEdit edit = review.reference().ncci().edit(column1.cpt(), column2.cpt(), review.dateOfService());
                if (edit == null || sameDayMammography(column1.cpt(), column2.cpt())
                        || replacedAddOn(review, column1.cpt(), column2.cpt()) || replacedAddOn(review, column2.cpt(), column1.cpt())) {
                    // Same-day screening and diagnostic mammograms are bypassed by GG, which MOD-006 asks for.
                    continue;
                }
                String combined = combinedCode(review, column1.cpt(), column2.cpt());
                int number = j + 1;
                if (!edit.modifierAllowed()) {
                    reported.add(pairKey(column1.cpt(), column2.cpt()));
                    edits.add(NEVER_TOGETHER.edit(number, List.of(column1.cpt(), column2.cpt()),
                            "Line " + number + ": NCCI does not pay " + column2.cpt() + " with " + column1.cpt() + " (line "
                                    + (i + 1) + ") on the same date, and no modifier can bypass it (" + edit.rationale() + ")"
                                    + (combined == null ? "; remove " + column2.cpt() + "." : "; bill " + combined + " alone."),
                            combined == null ? Suggestion.removeCode(column2.cpt())
                                    : new Suggestion(SuggestionAction.REPLACE_CPT, column2.cpt(), List.of(combined))));
                } else if (combined == null && column2.modifiers().stream().noneMatch(BYPASS::contains)
                        && !oppositeSides(column1, column2) && !column1.modifiers().contains("GG")) {
                    // GG (same-day diagnostic mammogram) sits on the diagnostic line, whichever column it is.
                    reported.add(pairKey(column1.cpt(), column2.cpt()));
                    edits.add(BYPASS_NEEDED.edit(number, List.of(column1.cpt(), column2.cpt()),
                            "Line " + number + ": NCCI bundles " + column2.cpt() + " into " + column1.cpt() + " (line " + (i + 1)
                                    + ", " + edit.rationale() + "); if it was a separate, distinct study (another site or"
                                    + " session), add XS (or 59); otherwise remove it.",
                            Suggestion.addModifier(List.of("XS", "59"))));
                }
            }
        }
        checkCombinedCodes(review, reported, edits);
    }

    private static void checkCombinedCodes(ClaimReview review, Set<String> reported, List<Edit> edits) {
        for (CodingKnowledge.Combination combination : review.knowledge().combinations()) {
            int first = -1;
            int second = -1;
            for (int i = 0; i < review.lineCount(); i++) {
                String cpt = review.line(i).cpt();
                if (first < 0 && cpt.equals(combination.first())) {
                    first = i;
                } else if (second < 0 && cpt.equals(combination.second())) {
                    second = i;
                }
            }
            if (first < 0 || second < 0 || reported.contains(pairKey(combination.first(), combination.second()))) {
                continue;
            }
            int number = Math.max(first, second) + 1;
            edits.add(COMBINED_CODE.edit(number, List.of(combination.first(), combination.second()),
                    "Lines " + (Math.min(first, second) + 1) + " and " + number + ": " + combination.first() + " and "
                            + combination.second() + " together are reported as " + combination.combined() + " ("
                            + combination.reference() + ").",
                    new Suggestion(SuggestionAction.REPLACE_CPT, combination.second(), List.of(combination.combined()))));
        }
    }

    private static String combinedCode(ClaimReview review, String a, String b) {
        for (CodingKnowledge.Combination combination : review.knowledge().combinations()) {
            if ((combination.first().equals(a) && combination.second().equals(b))
                    || (combination.first().equals(b) && combination.second().equals(a))) {
                return combination.combined();
            }
        }
        return null;
    }

    /** An add-on that Medicare replaces when it comes with this other code: STR-008 says what to bill, no modifier applies. */
    private static boolean replacedAddOn(ClaimReview review, String addOn, String other) {
        CodingKnowledge.AddOn row = review.knowledge().addOn(addOn);
        return row != null && row.medicareInstead() != null && row.medicareInsteadWith().contains(other)
                && review.claim().payer().type() == org.radpair.claim.PayerType.MEDICARE;
    }

    /** RT and LT say the two services were distinct only when they name different sides (NCCI Policy Manual Ch. I.E). */
    private static boolean oppositeSides(ClaimLine a, ClaimLine b) {
        return (a.modifiers().contains("RT") && b.modifiers().contains("LT"))
                || (a.modifiers().contains("LT") && b.modifiers().contains("RT"));
    }

    private static boolean sameDayMammography(String a, String b) {
        return ("77067".equals(a) && DIAGNOSTIC_MAMMOGRAPHY.contains(b)) || ("77067".equals(b) && DIAGNOSTIC_MAMMOGRAPHY.contains(a));
    }

    private static String pairKey(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "+" + b : b + "+" + a;
    }
}
