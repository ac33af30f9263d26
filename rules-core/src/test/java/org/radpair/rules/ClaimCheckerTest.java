package org.radpair.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radpair.claim.Claim;
import org.radpair.claim.ClaimLine;
import org.radpair.codes.ReferenceData;

class ClaimCheckerTest {

    private static ClaimChecker checker;

    @BeforeAll
    static void load() {
        checker = ClaimChecker.standard(ReferenceData.load());
    }

    private static Claim claim(String dos, List<String> diagnoses, ClaimLine... lines) {
        return new Claim("CLM-1", null, null, LocalDate.parse(dos), diagnoses, List.of(lines), null);
    }

    private static ClaimLine line(String cpt, Integer... pointers) {
        return new ClaimLine(cpt, List.of(), 1, List.of(pointers));
    }

    private static List<String> rules(CheckResult result) {
        return result.edits().stream().map(Edit::rule).toList();
    }

    @Test
    void aCleanScreeningMammogramPasses() {
        CheckResult result = checker.check(claim("2026-03-02", List.of("Z12.31"), line("77067", 1)));
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.edits()).isEmpty();
        assertThat(result.lines()).containsExactly(new LineResult(1, "77067", "Z12.31", Pairing.SUPPORTED));
        assertThat(result.rulesetVersion()).contains("FY2027");
    }

    @Test
    void theGuidesDeletedLowBackPainCodeIsCaughtWithItsReplacements() {
        CheckResult result = checker.check(claim("2026-03-02", List.of("M54.5"), line("72148", 1)));
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        Edit edit = result.edits().get(0);
        assertThat(edit.rule()).isEqualTo("ICD-003");
        assertThat(edit.category()).isEqualTo(Category.CODE_VALIDITY);
        assertThat(edit.codes()).containsExactly("M54.5");
        assertThat(edit.message()).contains("M54.5", "M54.50", "M54.51", "M54.59");
        assertThat(edit.suggestion()).isEqualTo(Suggestion.replaceCode("M54.5", List.of("M54.50", "M54.51", "M54.59")));
        assertThat(edit.reference()).contains("I.B.2");
    }

    @Test
    void m545IsFineBeforeOctober2021() {
        assertThat(checker.check(claim("2021-06-01", List.of("M545"), line("72148", 1))).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void headersNeedTheirSeventhOrFifthCharacter() {
        CheckResult result = checker.check(claim("2026-03-02", List.of("S06.9", "D41.0"), line("70450", 1, 2)));
        assertThat(rules(result)).containsExactly("ICD-003", "ICD-003");
        assertThat(result.edits().get(1).suggestion().with()).containsExactly("D41.00", "D41.01", "D41.02");
        assertThat(result.edits().get(0).suggestion().with()).hasSize(12).allMatch(c -> c.startsWith("S06.9"));
    }

    @Test
    void notYetEffectiveCodesNameWhatToUseOnThatDate() {
        CheckResult result = checker.check(claim("2021-06-01", List.of("M54.50"), line("72148", 1)));
        assertThat(rules(result)).containsExactly("ICD-005");
        assertThat(result.edits().get(0).suggestion().with()).containsExactly("M54.5");
    }

    @Test
    void deletedCodesAreErrors() {
        CheckResult result = checker.check(claim("2026-11-02", List.of("S23.420A"), line("71046", 1)));
        assertThat(rules(result)).containsExactly("ICD-004");
        assertThat(result.edits().get(0).message()).contains("2026-10-01");
    }

    @Test
    void malformedAndUnknownCodesAreEditsNotExceptions() {
        CheckResult result = checker.check(claim("2026-03-02", List.of("hello", "Q99.99"), line("70450", 1, 2)));
        assertThat(rules(result)).containsExactly("ICD-001", "ICD-002");
        assertThat(result.edits().get(0).codes()).containsExactly("hello");
    }

    @Test
    void aDateBeyondTheNewestReleaseIsSaidNotSilentlyAccepted() {
        CheckResult result = checker.check(claim("2027-11-01", List.of("R51.9"), line("70450", 1)));
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(rules(result)).containsExactly("ICD-006");
        assertThat(result.edits().get(0).severity()).isEqualTo(Severity.INFO);
        assertThat(result.edits().get(0).message()).contains("FY2027");
    }

    @Test
    void pointersPastTheEndAndLinesWithoutDiagnosisAreStructureErrors() {
        CheckResult result = checker.check(claim("2026-03-02", List.of("R51.9"), line("70450", 1, 3), line("70551")));
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.edits()).extracting(Edit::rule, Edit::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("STR-001", 1),
                        org.assertj.core.groups.Tuple.tuple("PAY-001", 1), org.assertj.core.groups.Tuple.tuple("STR-002", 2));
        assertThat(result.edits().get(0).message()).contains("diagnosis 3", "lists 1 diagnosis");
        assertThat(result.lines().get(1).primaryDiagnosis()).isNull();
    }

    @Test
    void aLineWhosePrimaryPointerIsOutOfRangeHasNoPrimaryDiagnosis() {
        CheckResult result = checker.check(claim("2026-03-02", List.of("R51.9"), line("70450", 4)));
        assertThat(result.lines().get(0).primaryDiagnosis()).isNull();
    }

    @Test
    void duplicatesAreWarnings() {
        CheckResult result = checker.check(claim("2026-03-02", List.of("R51.9", "r519"),
                line("70450", 1, 1), line("70450", 2)));
        assertThat(result.verdict()).isEqualTo(Verdict.WARN);
        assertThat(rules(result)).containsExactly("STR-005", "STR-003", "STR-004", "PAY-001");
        Edit duplicateLine = result.edits().get(2);
        assertThat(duplicateLine.line()).isEqualTo(2);
        assertThat(duplicateLine.suggestion().action()).isEqualTo(SuggestionAction.ADD_MODIFIER);
    }

    @Test
    void sameStudyWithDifferentModifiersIsNotADuplicate() {
        CheckResult result = checker.check(claim("2026-03-02", List.of("M25.561", "M25.562"),
                new ClaimLine("73721", List.of("RT"), 1, List.of(1)), new ClaimLine("73721", List.of("LT"), 1, List.of(2))));
        // Right and left knee MRIs are two studies: no duplicate, only the imaging payment reduction of the second.
        assertThat(rules(result)).containsExactly("PAY-001");
    }

    @Test
    void procedureCodesAreCheckedToo() {
        CheckResult result = checker.check(claim("2026-03-02", List.of("R91.8"),
                line("G0297", 1), line("70011", 1), line("7126", 1), line("A9579", 1)));
        assertThat(result.edits()).extracting(Edit::rule, Edit::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CPT-003", 1),
                org.assertj.core.groups.Tuple.tuple("CPT-002", 2),
                org.assertj.core.groups.Tuple.tuple("CPT-001", 3));
        assertThat(result.edits().get(0).suggestion()).isEqualTo(
                new Suggestion(SuggestionAction.REPLACE_CPT, "G0297", List.of("71271")));
    }

    @Test
    void medicareDoesNotRecogniseCptTomosynthesis() {
        Claim medicare = new Claim("CLM-T", null, new org.radpair.claim.Payer("MCR", org.radpair.claim.PayerType.MEDICARE),
                LocalDate.parse("2026-03-02"), List.of("N63.10"), List.of(line("77061", 1)), null);
        CheckResult result = checker.check(medicare);
        assertThat(rules(result)).containsExactly("CPT-004");
        assertThat(result.edits().get(0).suggestion().with()).containsExactly("G0279");
        Claim commercial = new Claim("CLM-T", null, new org.radpair.claim.Payer("X", org.radpair.claim.PayerType.COMMERCIAL),
                LocalDate.parse("2026-03-02"), List.of("N63.10"), List.of(line("77061", 1)), null);
        assertThat(checker.check(commercial).edits()).isEmpty();
    }

    @Test
    void everyRuleHasAUniqueStableIdACategoryAndACitation() {
        List<RuleDefinition> rules = checker.rules();
        assertThat(rules).isNotEmpty();
        assertThat(new HashSet<>(rules.stream().map(RuleDefinition::id).toList())).hasSize(rules.size());
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.id()).matches("[A-Z]{3}-\\d{3}");
            assertThat(rule.category()).isNotNull();
            assertThat(rule.citation()).isNotBlank();
        });
    }

    @Test
    void pairingSuggestionsAgreeWithTheCheck() {
        PairingAdvisor advisor = new PairingAdvisor(checker.reference(), checker.knowledge());
        LocalDate dos = LocalDate.parse("2026-03-02");
        var headCt = checker.reference().cpt().get("70450");
        List<PairingAdvisor.Indication> indications = advisor.indicationsFor(headCt, dos);
        assertThat(indications).extracting(PairingAdvisor.Indication::code).contains("R51.9", "G43.909");
        assertThat(indications.get(0).weight()).isEqualTo(1);
        assertThat(indications).extracting(PairingAdvisor.Indication::code).doesNotContain("M54.50");
        for (PairingAdvisor.Indication indication : indications) {
            if (indication.kind() == PairingAdvisor.Indication.Kind.CODE) {
                CheckResult result = checker.check(claim("2026-03-02", List.of(indication.code()), line("70450", 1)));
                assertThat(result.lines().get(0).pairing()).as(indication.code()).isEqualTo(Pairing.SUPPORTED);
                assertThat(rules(result)).as(indication.code()).doesNotContain("MED-001", "MED-002");
            }
        }
        List<String> studies = advisor.studiesFor("R51.9").stream().map(s -> s.code()).toList();
        assertThat(studies).contains("70450", "70551", "70496").doesNotContain("72148", "77080");
    }

    @Test
    void verdictFollowsTheContract() {
        Edit info = new Edit("X-1", Category.PAYMENT, Severity.INFO, null, List.of(), "", null, "");
        Edit warning = new Edit("X-2", Category.MODIFIER, Severity.WARNING, null, List.of(), "", null, "");
        Edit error = new Edit("X-3", Category.CODE_VALIDITY, Severity.ERROR, null, List.of(), "", null, "");
        assertThat(Verdict.of(List.of())).isEqualTo(Verdict.PASS);
        assertThat(Verdict.of(List.of(info))).isEqualTo(Verdict.PASS);
        assertThat(Verdict.of(List.of(info, warning))).isEqualTo(Verdict.WARN);
        assertThat(Verdict.of(List.of(warning, error, info))).isEqualTo(Verdict.FAIL);
    }
}
