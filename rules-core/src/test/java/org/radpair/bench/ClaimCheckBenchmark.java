package org.radpair.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.radpair.claim.Claim;
import org.radpair.claim.ClaimContext;
import org.radpair.claim.ClaimLine;
import org.radpair.claim.Patient;
import org.radpair.claim.Payer;
import org.radpair.claim.PayerType;
import org.radpair.claim.Purpose;
import org.radpair.claim.Sex;
import org.radpair.codes.ReferenceData;
import org.radpair.rules.CheckResult;
import org.radpair.rules.ClaimChecker;

/** The whole engine on a typical 3-line claim (chest X-ray, CT chest, CT abdomen/pelvis). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClaimCheckBenchmark {

    private ClaimChecker checker;
    private Claim typical;
    private Claim withErrors;

    @Setup
    public void load() {
        checker = ClaimChecker.standard(ReferenceData.load());
        Patient patient = new Patient(Sex.F, LocalDate.parse("1961-04-02"));
        Payer medicare = new Payer("MEDICARE-JL", PayerType.MEDICARE);
        ClaimContext context = new ClaimContext(Purpose.DIAGNOSTIC, null, List.of("N28.89"), null, null, false);
        typical = new Claim("CLM-1", patient, medicare, LocalDate.parse("2026-03-02"),
                List.of("R05.9", "R91.8", "R10.9", "N28.89"),
                List.of(new ClaimLine("71046", List.of("26"), 1, List.of(1)),
                        new ClaimLine("71260", List.of("26"), 1, List.of(2, 1)),
                        new ClaimLine("74178", List.of("26"), 1, List.of(3, 4))),
                context);
        withErrors = new Claim("CLM-2", patient, medicare, LocalDate.parse("2026-03-02"),
                List.of("M54.5", "S06.9", "D41.0"),
                List.of(new ClaimLine("72148", List.of(), 1, List.of(1)),
                        new ClaimLine("70450", List.of(), 1, List.of(2, 5)),
                        new ClaimLine("G0297", List.of(), 1, List.of(3))),
                context);
    }

    @Benchmark
    public CheckResult typicalThreeLineClaim() {
        return checker.check(typical);
    }

    @Benchmark
    public CheckResult threeLineClaimWithErrors() {
        return checker.check(withErrors);
    }
}
