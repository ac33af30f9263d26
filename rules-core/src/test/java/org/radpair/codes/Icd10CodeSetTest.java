package org.radpair.codes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Icd10CodeSetTest {

    private static Icd10CodeSet codes;

    @BeforeAll
    static void load() {
        codes = Icd10CodeSet.load();
    }

    private static IcdLookup on(String code, String date) {
        return codes.lookup(code, LocalDate.parse(date));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Z12.31", "R51.9", "S06.9X0A", "D41.01", "M54.50", "M54.51", "M54.59"})
    void spotChecksAreBillableOnTheSampleDateOfService(String code) {
        assertThat(on(code, "2026-03-02").status()).isEqualTo(IcdStatus.BILLABLE);
    }

    @Test
    void lowBackPainM545WasBillableUntilOctober2021ThenBecameAHeader() {
        assertThat(on("M54.5", "2021-06-01").status()).isEqualTo(IcdStatus.BILLABLE);
        IcdLookup after = on("M54.5", "2021-10-01");
        assertThat(after.status()).isEqualTo(IcdStatus.HEADER);
        assertThat(after.children()).containsExactly("M54.50", "M54.51", "M54.59");
        assertThat(after.validFrom()).isEqualTo(LocalDate.parse("2021-10-01"));
    }

    @Test
    void newLowBackPainCodesAreNotYetEffectiveBeforeOctober2021AndNameTheirPredecessor() {
        IcdLookup before = on("M54.50", "2021-06-01");
        assertThat(before.status()).isEqualTo(IcdStatus.NOT_YET_EFFECTIVE);
        assertThat(before.validFrom()).isEqualTo(LocalDate.parse("2021-10-01"));
        assertThat(before.previousCodes()).containsExactly("M54.5");
    }

    @Test
    void headersListTheirBillableChildren() {
        assertThat(on("S06.9", "2026-03-02").status()).isEqualTo(IcdStatus.HEADER);
        assertThat(on("S06.9", "2026-03-02").children()).contains("S06.9X0A", "S06.9X9S").allMatch(c -> c.startsWith("S06.9"));
        assertThat(on("D41.0", "2026-03-02").children()).containsExactly("D41.00", "D41.01", "D41.02");
    }

    @Test
    void headacheR51BecameAHeaderInOctober2020() {
        assertThat(on("R51", "2020-09-30").status()).isEqualTo(IcdStatus.BILLABLE);
        assertThat(on("R51", "2020-10-01").status()).isEqualTo(IcdStatus.HEADER);
        assertThat(on("R51", "2020-10-01").children()).containsExactly("R51.0", "R51.9");
        assertThat(on("R51.9", "2020-10-01").previousCodes()).containsExactly("R51");
    }

    @Test
    void fy2027ChangesApplyFromOctober2026() {
        // S23.420A was deleted by the FY2027 release; I42.0 became a header then.
        assertThat(on("S23.420A", "2026-09-30").status()).isEqualTo(IcdStatus.BILLABLE);
        assertThat(on("S23.420A", "2026-10-01").status()).isEqualTo(IcdStatus.DELETED);
        assertThat(on("I42.0", "2026-09-30").status()).isEqualTo(IcdStatus.BILLABLE);
        assertThat(on("I42.0", "2026-10-01").status()).isEqualTo(IcdStatus.HEADER);
        assertThat(on("C78.31", "2026-09-30").status()).isEqualTo(IcdStatus.NOT_YET_EFFECTIVE);
        assertThat(on("C78.31", "2026-10-01").status()).isEqualTo(IcdStatus.BILLABLE);
        assertThat(codes.newestRelease().label()).isEqualTo("FY2027");
        assertThat(codes.newestRelease().effectiveToExclusive()).isEqualTo(LocalDate.parse("2027-10-01"));
    }

    @Test
    void codesDeletedWithoutASuccessorAreDeletedFromTheirEndDate() {
        // Q51.20 existed from 2018-10-01 to 2020-10-01 (provenance note on the conversion table).
        assertThat(on("Q51.20", "2019-03-01").status()).isEqualTo(IcdStatus.BILLABLE);
        IcdLookup later = on("Q51.20", "2021-03-01");
        assertThat(later.status()).isEqualTo(IcdStatus.DELETED);
        assertThat(later.validTo()).isEqualTo(LocalDate.parse("2020-09-30"));
    }

    @ParameterizedTest
    @CsvSource({"r519,R51.9", "' R51.9 ',R51.9", "R51.9,R51.9", "s069x0a,S06.9X0A", "z1231,Z12.31"})
    void inputIsNormalisedToDottedUpperCase(String raw, String expected) {
        IcdLookup lookup = on(raw, "2026-03-02");
        assertThat(lookup.code()).isEqualTo(expected);
        assertThat(lookup.status()).isEqualTo(IcdStatus.BILLABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "R5", "R.519", "R51..9", "R51.", "12345", "R51.9ABCDE", "R51-9", "Ⅻ12.3", "R51.9;DROP"})
    void malformedCodesAreAStatusNotAnException(String raw) {
        assertThat(on(raw, "2026-03-02").status()).isEqualTo(IcdStatus.MALFORMED);
    }

    @Test
    void wellFormedButNonexistentCodesAreUnknown() {
        assertThat(on("Q99.99", "2026-03-02").status()).isEqualTo(IcdStatus.UNKNOWN);
        assertThat(on(null, "2026-03-02").status()).isEqualTo(IcdStatus.MALFORMED);
    }

    @Test
    void datesOutsideTheLoadedReleasesAreCheckedAgainstTheNearestOne() {
        assertThat(codes.releaseFor(LocalDate.parse("2030-01-01")).label()).isEqualTo("FY2027");
        assertThat(codes.releaseFor(LocalDate.parse("2030-01-01")).covers(LocalDate.parse("2030-01-01"))).isFalse();
        assertThat(codes.releaseFor(LocalDate.parse("2010-01-01")).label()).isEqualTo("FY2019");
        assertThat(on("R51.9", "2030-01-01").status()).isEqualTo(IcdStatus.BILLABLE);
        assertThat(codes.releaseFor(LocalDate.parse("2026-03-02")).label()).isEqualTo("FY2026");
        assertThat(codes.releaseFor(LocalDate.parse("2026-11-27")).label()).isEqualTo("FY2027");
    }

    @Test
    void offCycleCodesStartOnTheirRealEffectiveDate() {
        // The history starts U07.1 with the January 2021 re-release of FY2021 (2020-10-01); the
        // conversion table has its real date, 2020-04-01. J12.82 took effect on 2021-01-01.
        assertThat(on("U07.1", "2020-03-31").status()).isEqualTo(IcdStatus.NOT_YET_EFFECTIVE);
        assertThat(on("U07.1", "2020-04-01").status()).isEqualTo(IcdStatus.BILLABLE);
        assertThat(on("U07.1", "2020-04-01").previousCodes()).containsExactly("B97.29");
        assertThat(on("J12.82", "2020-12-31").status()).isEqualTo(IcdStatus.NOT_YET_EFFECTIVE);
        assertThat(on("J12.82", "2021-01-01").status()).isEqualTo(IcdStatus.BILLABLE);
    }
}
