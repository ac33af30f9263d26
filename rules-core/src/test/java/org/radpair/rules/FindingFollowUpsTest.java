package org.radpair.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radpair.claim.Claim;
import org.radpair.claim.ClaimContext;
import org.radpair.claim.ClaimHistory;
import org.radpair.claim.ClaimLine;
import org.radpair.claim.PriorFinding;
import org.radpair.claim.Purpose;
import org.radpair.codes.CptCatalog;
import org.radpair.codes.Icd10CodeSet;

class FindingFollowUpsTest {

    private static FindingFollowUps followUps;
    private static CptCatalog catalog;

    @BeforeAll
    static void load() {
        followUps = FindingFollowUps.load();
        catalog = CptCatalog.load();
    }

    private static Claim claim(String id, String dos, List<String> diagnoses, String... cpts) {
        return claim(id, dos, diagnoses, ClaimContext.NONE, cpts);
    }

    private static Claim claim(String id, String dos, List<String> diagnoses, ClaimContext context, String... cpts) {
        List<Integer> pointers = new ArrayList<>();
        for (int i = 1; i <= Math.min(4, diagnoses.size()); i++) {
            pointers.add(i);
        }
        List<ClaimLine> lines = new ArrayList<>();
        for (String cpt : cpts) {
            lines.add(new ClaimLine(cpt, List.of("26"), 1, pointers));
        }
        return new Claim(id, null, null, LocalDate.parse(dos), diagnoses, lines, context);
    }

    private static PriorFinding open(String id, String code, String openedBy, String openedOn, String... regions) {
        return new PriorFinding(id, code, openedBy, LocalDate.parse(openedOn), List.of(regions), true);
    }

    private static ClaimHistory history(PriorFinding... findings) {
        return new ClaimHistory(List.of(findings), List.of());
    }

    private static List<FindingFollowUps.Opening> openings(Claim claim, ClaimHistory history) {
        return followUps.openings(claim, history, catalog::get);
    }

    private static List<FindingFollowUps.Closure> closures(Claim claim, ClaimHistory history) {
        return followUps.closures(claim, history, catalog::get);
    }

    @Test
    void everyTableCodeIsAnIcd10CodeAndEveryRowIsSound() {
        Icd10CodeSet icd10 = Icd10CodeSet.load();
        assertThat(followUps.table()).hasSizeGreaterThan(20);
        for (FindingFollowUps.FindingCode row : followUps.table()) {
            assertThat(icd10.lookup(row.code(), LocalDate.parse("2026-03-02")).status().name())
                    .as(row.code()).isNotEqualTo("UNKNOWN");
            assertThat(row.dueMonths()).as(row.code()).isBetween(1, row.windowMonths());
            assertThat(row.regions()).isNotEmpty();
            assertThat(row.modalities()).isNotEmpty();
            assertThat(row.source()).isNotBlank();
        }
        assertThat(followUps.families()).contains("lung_nodule", "renal_mass", "adrenal_mass", "liver_lesion",
                "pancreatic_cyst", "thyroid_nodule", "adnexal_cyst", "abdominal_aorta", "thoracic_aorta", "intracranial_lesion");
    }

    @Test
    void aRenalMassCodedSecondOnAnAbdominalCtOpensAnInferredFindingDueInSixMonths() {
        List<FindingFollowUps.Opening> opened = openings(
                claim("CT-1", "2026-03-02", List.of("R10.9", "N28.89"), "74177"), ClaimHistory.NONE);
        assertThat(opened).singleElement().satisfies(o -> {
            assertThat(o.code()).isEqualTo("N28.89");
            assertThat(o.family()).isEqualTo("renal_mass");
            assertThat(o.rule()).isEqualTo(FindingFollowUps.OPENED_AS_SECONDARY);
            assertThat(o.regions()).containsExactly("ABDOMEN");
            assertThat(o.dueOn()).isEqualTo(LocalDate.parse("2026-09-02"));
        });
    }

    @Test
    void aLungNoduleAtTheLungBasesOfAnAbdominalCtIsInItsFieldOfView() {
        assertThat(openings(claim("CT-1", "2026-03-02", List.of("R10.9", "R91.1"), "74150"), ClaimHistory.NONE))
                .extracting(FindingFollowUps.Opening::code).containsExactly("R91.1");
    }

    @Test
    void aFindingOutsideTheFieldOfViewOrOnAScreeningStudyOpensNothing() {
        // A knee X-ray cannot have seen a lung nodule; a brain MRI cannot have seen an ovarian cyst.
        assertThat(openings(claim("XR-1", "2026-03-02", List.of("M25.561", "R91.1"), "73560"), ClaimHistory.NONE)).isEmpty();
        assertThat(openings(claim("MR-1", "2026-03-02", List.of("R51.9", "N83.201"), "70553"), ClaimHistory.NONE)).isEmpty();
        // A screening mammogram, a screening claim.
        assertThat(openings(claim("MG-1", "2026-03-02", List.of("Z12.31", "R92.8"), "77067"), ClaimHistory.NONE)).isEmpty();
        assertThat(openings(claim("CT-2", "2026-03-02", List.of("Z87.891", "R91.1"),
                new ClaimContext(Purpose.SCREENING, null, List.of(), null, null, false), "71250"), ClaimHistory.NONE)).isEmpty();
    }

    @Test
    void aFirstListedFindingOpensNothingAndNeitherDoesAFindingOfTheSameFamilyAsTheClaim() {
        assertThat(openings(claim("CT-1", "2026-03-02", List.of("R91.1"), "71250"), ClaimHistory.NONE)).isEmpty();
        // Lung cancer staged on CT: the nodule coded beside it is the cancer's, not a new finding.
        assertThat(openings(claim("CT-1", "2026-03-02", List.of("C34.11", "R91.8"), "71260"), ClaimHistory.NONE)).isEmpty();
        assertThat(openings(claim("CT-1", "2026-03-02", List.of("R10.9", "J18.9"), "74177"), ClaimHistory.NONE)).isEmpty();
    }

    @Test
    void aFindingTheRegistryAlreadyHoldsOpenIsNotOpenedAgain() {
        ClaimHistory past = history(open("f1", "R91.1", "CT-0", "2026-01-10", "CHEST"));
        assertThat(openings(claim("CT-1", "2026-03-02", List.of("R07.9", "R91.1"), "71275"), past)).isEmpty();
        // ...unless it was opened by an earlier version of this very claim (the registry answers with it again).
        ClaimHistory own = history(open("f1", "R91.1", "CT-1", "2026-03-02", "CHEST"));
        assertThat(openings(claim("CT-1", "2026-03-02", List.of("R07.9", "R91.1"), "71275"), own)).hasSize(1);
    }

    @ParameterizedTest(name = "{0} found on {1}, followed up by {3} coded {2}: {4}")
    @CsvSource({
            "R91.1, 74177, R91.1, 71250, FOLLOWUP-CODE",
            "R91.1, 74177, C34.11, 71260, FOLLOWUP-RESULT",
            "R91.8, 74177, R91.1, 71250, FOLLOWUP-FAMILY",
            "R91.1, 74177, J84.10, 71250, FOLLOWUP-RESULT",
            "K76.89, 74177, K76.89, 76705, FOLLOWUP-CODE",
            "K76.89, 74177, D18.03, 74183, FOLLOWUP-RESULT",
            "E04.1, 71260, E04.1, 76536, FOLLOWUP-CODE",
            "E27.8, 71260, D35.00, 74150, FOLLOWUP-RESULT",
            "E27.8, 71260, E27.8, 74150, FOLLOWUP-CODE",
            "N83.20, 74177, N83.201, 76856, FOLLOWUP-CODE",
            "N83.201, 74177, D27.0, 76856, FOLLOWUP-RESULT",
            "D32.9, 70450, D32.9, 70553, FOLLOWUP-CODE",
            "N28.89, 74177, N28.89, 76770, FOLLOWUP-CODE",
            "N28.89, 74177, N28.1, 76775, FOLLOWUP-FAMILY",
            "N28.89, 74177, C64.1, 74178, FOLLOWUP-RESULT",
            "N28.89, 74177, D17.71, 74183, FOLLOWUP-RESULT",
            "K86.2, 74177, K86.2, 74183, FOLLOWUP-CODE",
            "I77.811, 74177, I71.43, 76775, FOLLOWUP-FAMILY",
            "I77.811, 74177, I71.01, 74175, FOLLOWUP-RESULT",
            "I77.810, 71260, I77.810, 71275, FOLLOWUP-CODE"})
    void aLaterStudyOfTheRegionCodedForTheFindingFollowsItUp(String finding, String foundOn, String firstListed, String cpt,
            String rule) {
        ClaimHistory past = history(open("f1", finding, "FOUND", "2026-01-10", "ABDOMEN"));
        List<FindingFollowUps.Closure> closed = closures(claim("FU", "2026-04-15", List.of(firstListed), cpt), past);
        assertThat(closed).singleElement().satisfies(c -> {
            assertThat(c.finding().findingId()).isEqualTo("f1");
            assertThat(c.rule()).isEqualTo(rule);
            assertThat(c.inferred()).isTrue();
        });
        // And the study that found it would have opened it, inferred, from the same code coded second.
        assertThat(openings(claim("FOUND", "2026-01-10", List.of("R69", finding), foundOn), ClaimHistory.NONE))
                .extracting(FindingFollowUps.Opening::code).containsExactly(finding);
    }

    @ParameterizedTest(name = "{0} open, {2} coded {1}: closes nothing")
    @CsvSource({
            // a knee X-ray, whatever it lists first
            "R91.1, R91.1, 73560",
            "N28.89, N28.89, 73560",
            // a study of another region
            "R91.1, R91.1, 70553",
            "E04.1, E04.1, 71250",
            // a modality that cannot evaluate it: a chest X-ray for a nodule, an ultrasound for an adrenal mass
            "R91.1, R91.1, 71046",
            "E27.8, E27.8, 76770",
            // the right region and modality but an unrelated first-listed diagnosis
            "N28.89, R10.9, 74177",
            "R91.1, J18.9, 71250",
            "K76.89, K80.20, 76705",
            // a diagnosis of another organ of the same region
            "N28.89, K76.89, 74183",
            // a screening study
            "R91.1, R91.1, 71271"})
    void anUnrelatedStudyClosesNothing(String finding, String firstListed, String cpt) {
        ClaimHistory past = history(open("f1", finding, "FOUND", "2026-01-10", "ABDOMEN", "CHEST"));
        assertThat(closures(claim("OTHER", "2026-04-15", List.of(firstListed), cpt), past)).isEmpty();
    }

    @Test
    void theWindowBoundsTheFollowUp() {
        ClaimHistory past = history(open("f1", "R91.1", "FOUND", "2024-01-10", "CHEST"));
        assertThat(closures(claim("FU", "2026-01-10", List.of("R91.1"), "71250"), past)).hasSize(1);
        assertThat(closures(claim("FU", "2026-01-11", List.of("R91.1"), "71250"), past)).isEmpty();
        // A study dated before the finding was found does not follow it up.
        assertThat(closures(claim("FU", "2024-01-09", List.of("R91.1"), "71250"), past)).isEmpty();
        // The abdominal aorta's window is three years.
        ClaimHistory aorta = history(open("f2", "I77.811", "FOUND", "2024-01-10", "ABDOMEN"));
        assertThat(closures(claim("FU", "2026-12-10", List.of("I77.811"), "76775"), aorta)).hasSize(1);
    }

    @Test
    void ofSeveralOpenFindingsOfOneFamilyTheOldestIsFollowedUp() {
        ClaimHistory past = history(
                open("newer", "N28.1", "CT-2", "2026-02-01", "ABDOMEN"),
                open("older", "N28.89", "CT-1", "2025-11-01", "ABDOMEN"),
                open("liver", "K76.89", "CT-1", "2025-11-01", "ABDOMEN"));
        assertThat(closures(claim("US", "2026-03-01", List.of("N28.1"), "76770"), past))
                .extracting(c -> c.finding().findingId()).containsExactly("older");
    }

    @Test
    void oneClaimMayFollowUpFindingsOfSeveralFamiliesLineByLine() {
        ClaimHistory past = history(
                open("renal", "N28.89", "CT-1", "2025-11-01", "ABDOMEN"),
                open("lung", "R91.1", "CT-1", "2025-11-01", "CHEST"));
        Claim claim = new Claim("FU", null, null, LocalDate.parse("2026-03-01"), List.of("N28.89", "R91.1"),
                List.of(new ClaimLine("74178", List.of(), 1, List.of(1)), new ClaimLine("71250", List.of(), 1, List.of(2))), null);
        assertThat(closures(claim, past)).extracting(c -> c.finding().findingId()).containsExactlyInAnyOrder("renal", "lung");
    }

    @Test
    void followUpOfWinsOverInference() {
        ClaimHistory past = history(
                open("older", "N28.89", "CT-1", "2025-11-01", "ABDOMEN"),
                open("named", "N28.89", "CT-2", "2026-02-01", "ABDOMEN"));
        Claim explicit = claim("US", "2026-03-01", List.of("N28.89"),
                new ClaimContext(null, null, List.of(), "CT-2", null, false), "76770");
        assertThat(closures(explicit, past)).singleElement().satisfies(c -> {
            assertThat(c.finding().findingId()).isEqualTo("named");
            assertThat(c.rule()).isEqualTo(FindingFollowUps.FOLLOWED_UP_EXPLICITLY);
            assertThat(c.inferred()).isFalse();
        });
        // followUpOf naming a claim whose finding is not listed first: nothing, not the oldest by inference.
        Claim wrongOrder = claim("US", "2026-03-01", List.of("R10.9", "N28.89"),
                new ClaimContext(null, null, List.of(), "CT-2", null, false), "76770");
        assertThat(closures(wrongOrder, past)).isEmpty();
    }

    @Test
    void aFindingTheTableDoesNotKnowIsFollowedUpByItsCodeOnAStudyOfItsRegions() {
        ClaimHistory past = history(open("f1", "D73.4", "CT-1", "2026-01-10", "ABDOMEN", "PELVIS"));
        assertThat(closures(claim("MR", "2026-03-01", List.of("D73.4"), "74183"), past)).hasSize(1);
        assertThat(closures(claim("MR", "2026-03-01", List.of("D73.4"), "70553"), past)).isEmpty();
        assertThat(closures(claim("MR", "2026-03-01", List.of("D73.89"), "74183"), past)).isEmpty();
    }

    @Test
    void findingsAlreadyFollowedUpOrOpenedByThisClaimAreLeftAlone() {
        ClaimHistory past = new ClaimHistory(List.of(
                new PriorFinding("done", "R91.1", "CT-1", LocalDate.parse("2026-01-10"), List.of("CHEST"), false),
                open("own", "R91.8", "FU", "2026-03-01", "CHEST")), List.of());
        assertThat(closures(claim("FU", "2026-03-01", List.of("R91.1"), "71250"), past)).isEmpty();
    }

    @Test
    void dueDatesComeFromTheTableOrTheDefault() {
        assertThat(followUps.dueOn("E04.1", LocalDate.parse("2026-01-31"))).isEqualTo(LocalDate.parse("2026-04-30"));
        assertThat(followUps.dueOn("D73.4", LocalDate.parse("2026-01-31"))).isEqualTo(LocalDate.parse("2027-01-31"));
        assertThat(followUps.findingCode("N83201").family()).isEqualTo("adnexal_cyst");
        assertThat(Set.of(followUps.findingCode("I71.21").family(), followUps.findingCode("I71.43").family()))
                .containsExactlyInAnyOrder("thoracic_aorta", "abdominal_aorta");
    }
}
