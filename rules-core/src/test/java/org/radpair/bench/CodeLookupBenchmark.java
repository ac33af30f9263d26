package org.radpair.bench;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.radpair.codes.CptLookup;
import org.radpair.codes.IcdLookup;
import org.radpair.codes.PtpEdit;
import org.radpair.codes.ReferenceData;

/** Code look-ups by date of service: the operations every rule performs per claim. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodeLookupBenchmark {

    private ReferenceData reference;
    private final LocalDate dos = LocalDate.parse("2026-03-02");

    @Setup
    public void load() {
        reference = ReferenceData.load();
    }

    @Benchmark
    public IcdLookup icd10BillableDotted() {
        return reference.icd10().lookup("R51.9", dos);
    }

    @Benchmark
    public IcdLookup icd10BillableUndottedLowerCase() {
        return reference.icd10().lookup("s069x0a", dos);
    }

    @Benchmark
    public boolean icd10IsBillable() {
        return reference.icd10().isBillable("Z12.31", dos);
    }

    @Benchmark
    public IcdLookup icd10HeaderWithChildren() {
        return reference.icd10().lookup("M54.5", dos);
    }

    @Benchmark
    public CptLookup cptCatalogued() {
        return reference.cpt().lookup("70450", dos);
    }

    @Benchmark
    public PtpEdit ncciPair() {
        return reference.ncci().edit("70460", "70450", dos);
    }
}
