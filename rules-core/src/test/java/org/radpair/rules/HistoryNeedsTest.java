package org.radpair.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.radpair.claim.Claim;
import org.radpair.claim.ClaimLine;
import org.radpair.claim.HistoryNeeds;

/** The rules declare which earlier studies a claim needs (frequency.tsv): the history is read for those only. */
class HistoryNeedsTest {

    private static final CodingKnowledge KNOWLEDGE = CodingKnowledge.load();

    private static HistoryNeeds needs(String... cpts) {
        List<ClaimLine> lines = Arrays.stream(cpts).map(cpt -> new ClaimLine(cpt, List.of(), 1, List.of(1))).toList();
        return KNOWLEDGE.historyNeeds(new Claim("CLM-1", null, null, LocalDate.parse("2026-03-02"), List.of("Z12.31"), lines, null));
    }

    @Test
    void aStudyWithoutFrequencyLimitReadsNoStudies() {
        assertThat(needs("70450")).isEqualTo(HistoryNeeds.FINDINGS_ONLY);
        assertThat(needs("70450").studies()).isFalse();
    }

    @Test
    void aScreeningMammogramReadsEarlierMammogramsAsFarAsItsLongestLimit() {
        HistoryNeeds needs = needs("77067");
        assertThat(needs.studyCodes()).contains("77067").doesNotContain("77080", "70450");
        // The baseline once-per-lifetime row (Medicare, ages 35-39) reaches back six years.
        assertThat(needs.studyMonths()).isEqualTo(73);
    }

    @Test
    void aBoneDensityStudyReadsEveryCodeOfItsLimit() {
        HistoryNeeds needs = needs("77080");
        assertThat(needs.studyCodes()).contains("77078", "77080", "77081", "77085", "76977", "G0130");
        assertThat(needs.studyMonths()).isEqualTo(25);
    }

    @Test
    void studiesOfSeveralLimitsReadTheUnionAndTheLongestWindow() {
        HistoryNeeds needs = needs("77080", "76706", "70450");
        assertThat(needs.studyCodes()).contains("77080", "76706");
        assertThat(needs.studyMonths()).isEqualTo(73);
    }

    @Test
    void everyCodeOfTheFrequencyTableIsReadForItsOwnClaims() {
        for (CodingKnowledge.Frequency limit : KNOWLEDGE.frequencies()) {
            for (String cpt : limit.cpts()) {
                HistoryNeeds needs = needs(cpt);
                assertThat(needs.studyCodes()).as(cpt).containsAll(limit.cpts());
                assertThat(needs.studyMonths()).as(cpt).isGreaterThan(limit.intervalMonths() == null ? 72 : limit.intervalMonths());
            }
        }
    }
}
