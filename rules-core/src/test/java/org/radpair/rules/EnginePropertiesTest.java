package org.radpair.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.radpair.claim.Claim;
import org.radpair.claim.ClaimContext;
import org.radpair.claim.ClaimHistory;
import org.radpair.claim.ClaimLine;
import org.radpair.claim.Patient;
import org.radpair.claim.Payer;
import org.radpair.claim.PayerType;
import org.radpair.claim.PriorFinding;
import org.radpair.claim.PriorStudy;
import org.radpair.claim.Purpose;
import org.radpair.claim.Sex;
import org.radpair.claim.Smoking;
import org.radpair.codes.ReferenceData;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever the claim — real codes, garbage, unicode, extreme values — the engine answers and never throws. */
class EnginePropertiesTest {

    private static ClaimChecker checker;

    @BeforeContainer
    static void load() {
        checker = ClaimChecker.standard(ReferenceData.load());
    }

    private static final List<String> DIAGNOSES = List.of("R51.9", "M54.5", "S06.9", "Z12.31", "N63.10", "C50.911", "Z03.89",
            "R91.1", "J18.9", "R05.9", "G63", "Z79.01", "O99.891", "C61", "M25.561", "Z87.891", "Z12.2", "R92.8", "K35.80");
    private static final List<String> STUDIES = List.of("70450", "70460", "72148", "77067", "77065", "71271", "77080", "73721",
            "76830", "74150", "72192", "71250", "71260", "G0297", "A9579", "77261", "76885");
    private static final List<String> MODIFIERS = List.of("26", "TC", "50", "RT", "LT", "GG", "ME", "59", "XS", "76");

    private static Arbitrary<String> code(List<String> known) {
        return Arbitraries.oneOf(Arbitraries.of(known), Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars('.', ' ').ofMinLength(1).ofMaxLength(9));
    }

    @Provide
    Arbitrary<Claim> claims() {
        Arbitrary<ClaimLine> line = Combinators.combine(code(STUDIES),
                Arbitraries.oneOf(Arbitraries.of(MODIFIERS), Arbitraries.strings().ofLength(2)).list().ofMaxSize(4),
                Arbitraries.integers().between(-5, 200),
                Arbitraries.integers().between(-3, 15).list().ofMaxSize(5)).as(ClaimLine::new);
        Arbitrary<ClaimContext> context = Combinators.combine(
                Arbitraries.of(Purpose.class).injectNull(0.3),
                Arbitraries.integers().between(-2, 9).injectNull(0.5),
                code(DIAGNOSES).list().ofMaxSize(3),
                Arbitraries.of("CLM-A", "CLM-B", "").injectNull(0.5),
                Combinators.combine(Arbitraries.integers().between(-10, 400).injectNull(0.2),
                        Arbitraries.of(true, false).injectNull(0.2),
                        Arbitraries.integers().between(-5, 90).injectNull(0.2)).as(Smoking::new).injectNull(0.5),
                Arbitraries.of(true, false)).as(ClaimContext::new);
        Arbitrary<LocalDate> dates = Arbitraries.longs().between(LocalDate.of(1990, 1, 1).toEpochDay(),
                LocalDate.of(2035, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay);
        return Combinators.combine(
                Combinators.combine(Arbitraries.of(Sex.class), dates.injectNull(0.3)).as(Patient::new),
                Arbitraries.of(PayerType.class).map(type -> new Payer("P", type)),
                dates,
                code(DIAGNOSES).list().ofMaxSize(12),
                line.list().ofMinSize(1).ofMaxSize(8),
                context).as((patient, payer, dos, diagnoses, lines, ctx) ->
                        new Claim("CLM-P", patient, payer, dos, diagnoses, lines, ctx));
    }

    @Provide
    Arbitrary<ClaimHistory> histories() {
        Arbitrary<PriorFinding> finding = Combinators.combine(Arbitraries.of("F1", "F2"), code(DIAGNOSES),
                Arbitraries.of("CLM-A", "CLM-B"), Arbitraries.of(LocalDate.of(2025, 6, 1), LocalDate.of(2026, 2, 1)),
                Arbitraries.of("CHEST", "ABDOMEN", "BREAST", "NOPE").list().ofMaxSize(3),
                Arbitraries.of(true, false)).as(PriorFinding::new);
        Arbitrary<PriorStudy> study = Combinators.combine(Arbitraries.of("CLM-A", "CLM-B"), code(STUDIES),
                Arbitraries.of(LocalDate.of(2025, 6, 1), LocalDate.of(2026, 2, 1))).as(PriorStudy::new);
        return Combinators.combine(finding.list().ofMaxSize(3), study.list().ofMaxSize(3)).as(ClaimHistory::new);
    }

    @Property(tries = 1000)
    void theEngineAlwaysAnswersConsistently(@ForAll("claims") Claim claim, @ForAll("histories") ClaimHistory history) {
        CheckResult result = checker.check(claim, history);
        assertThat(result.lines()).hasSize(claim.lines().size());
        assertThat(result.verdict()).isEqualTo(Verdict.of(result.edits()));
        assertThat(result.edits()).allSatisfy(edit -> {
            assertThat(edit.rule()).isNotBlank();
            assertThat(edit.category()).isNotNull();
            assertThat(edit.message()).isNotBlank();
            assertThat(edit.reference()).isNotBlank();
            assertThat(edit.line() == null || (edit.line() >= 1 && edit.line() <= claim.lines().size())).isTrue();
        });
        // Deterministic: the same claim gives the same answer.
        assertThat(checker.check(claim, history)).isEqualTo(result);
    }
}
