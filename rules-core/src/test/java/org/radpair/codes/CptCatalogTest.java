package org.radpair.codes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radpair.claim.Sex;

class CptCatalogTest {

    private static final LocalDate DOS = LocalDate.parse("2026-03-02");
    private static CptCatalog catalog;
    private static NcciEdits ncci;

    @BeforeAll
    static void load() {
        catalog = CptCatalog.load();
        ncci = NcciEdits.load();
    }

    @Test
    void everyCodeOfTheFeeScheduleFileHasAModalityARegionAndALabel() {
        Set<String> feeScheduleCodes = new HashSet<>();
        TsvReader.read(CptCatalog.FEE_SCHEDULE, row -> feeScheduleCodes.add(row.get("hcpcs")));
        assertThat(feeScheduleCodes).hasSize(669);
        TsvReader.read(CptCatalog.FEE_SCHEDULE_ADJACENT, row -> feeScheduleCodes.add(row.get("hcpcs")));
        assertThat(feeScheduleCodes).as("with the 74 radiology-adjacent codes, 76000 in both files").hasSize(742);
        assertThat(catalog.size()).isEqualTo(feeScheduleCodes.size());
        for (String code : feeScheduleCodes) {
            CptCode entry = catalog.get(code);
            assertThat(entry).as(code).isNotNull();
            assertThat(entry.modality()).as(code).isNotNull();
            assertThat(entry.regions()).as(code).isNotEmpty();
            assertThat(entry.label()).as(code).isNotBlank();
            assertThat(entry.feeSchedule().status()).as(code).isNotBlank();
        }
    }

    @Test
    void radiologyAdjacentServicesAreCataloguedWithTheirIndicatorsAndMue() {
        CptCode legVeins = catalog.get("93971");
        assertThat(legVeins.modality()).isEqualTo(Modality.US);
        assertThat(legVeins.regions()).contains(BodyRegion.LOWER_EXTREMITY, BodyRegion.VASCULAR);
        assertThat(legVeins.feeSchedule().hasProfessionalAndTechnicalComponents()).isTrue();
        assertThat(legVeins.mue()).as("2026 Q2 MUE for codes the 2024 Q3 table lacks").isNotNull();
        assertThat(catalog.get("19083").regions()).containsExactly(BodyRegion.BREAST);
        assertThat(catalog.lookup("99213", java.time.LocalDate.of(2026, 3, 2)).status()).isEqualTo(CptStatus.UNKNOWN);
        assertThat(CptCatalog.inImagingRange("99213")).isFalse();
        assertThat(CptCatalog.inImagingRange("70011")).isTrue();
        assertThat(CptCatalog.inImagingRange("0042T")).isFalse();
    }

    @Test
    void boneDensityIsMeasuredByDxaQuantitativeCtAndUltrasound() {
        assertThat(catalog.get("77078").measuresBoneDensity()).isTrue();
        assertThat(catalog.get("76977").measuresBoneDensity()).isTrue();
        assertThat(catalog.get("77080").measuresBoneDensity()).isTrue();
        assertThat(catalog.get("71250").measuresBoneDensity()).isFalse();
    }

    @Test
    void screeningMammographyIsInherentlyBilateralWithAnMueOfOne() {
        CptCode mammogram = catalog.get("77067");
        assertThat(mammogram.laterality()).isEqualTo(Laterality.INHERENTLY_BILATERAL);
        assertThat(mammogram.feeSchedule().bilateralIndicator()).isEqualTo("2");
        assertThat(mammogram.mue().value()).isEqualTo(1);
        assertThat(mammogram.mue().adjudicationIndicator()).isEqualTo(2);
        assertThat(mammogram.purpose()).isEqualTo(StudyPurpose.SCREENING);
        assertThat(mammogram.modality()).isEqualTo(Modality.MAMMO);
        assertThat(mammogram.regions()).containsExactly(BodyRegion.BREAST);
    }

    @Test
    void chestXrayIsNotInTheImagingMultipleProcedureFamilyButHeadCtIs() {
        assertThat(catalog.get("71046").feeSchedule().inImagingMultipleProcedureFamily()).isFalse();
        assertThat(catalog.get("71046").laterality()).isEqualTo(Laterality.NOT_APPLICABLE);
        CptCode headCt = catalog.get("70450");
        assertThat(headCt.feeSchedule().inImagingMultipleProcedureFamily()).isTrue();
        assertThat(headCt.feeSchedule().hasProfessionalAndTechnicalComponents()).isTrue();
        assertThat(headCt.feeSchedule().workRvu()).isEqualTo(0.85);
        assertThat(headCt.feeSchedule().professionalRvu()).isNotNull();
        assertThat(headCt.feeSchedule().technicalRvu()).isNotNull();
        assertThat(headCt.feeSchedule().professionalRvu() + headCt.feeSchedule().technicalRvu())
                .isCloseTo(headCt.feeSchedule().globalRvu(), org.assertj.core.data.Offset.offset(0.02));
        assertThat(headCt.contrast()).isEqualTo(Contrast.NONE);
        assertThat(catalog.get("70470").contrast()).isEqualTo(Contrast.WITHOUT_THEN_WITH);
        assertThat(headCt.mue().value()).isEqualTo(3);
    }

    @Test
    void kneeMriIsUnilateralAndTransvaginalUltrasoundIsForFemales() {
        assertThat(catalog.get("73721").laterality()).isEqualTo(Laterality.UNILATERAL);
        assertThat(catalog.get("76830").sex()).isEqualTo(Sex.F);
        assertThat(catalog.get("70450").sex()).isNull();
    }

    @Test
    void ncciPairsAreFoundWithTheirModifierIndicator() {
        PtpEdit headCt = ncci.edit("70460", "70450", DOS);
        assertThat(headCt).isNotNull();
        assertThat(headCt.modifierIndicator()).isZero();
        assertThat(headCt.modifierAllowed()).isFalse();
        assertThat(ncci.edit("74176", "74150", DOS).modifierIndicator()).isEqualTo(1);
        assertThat(ncci.edit("70450", "70460", DOS)).isNull();
        assertThat(ncci.asColumn1("70460")).extracting(PtpEdit::column2).contains("70450");
    }

    @Test
    void deletedNcciEditsStopApplyingAfterTheirDeletionDate() {
        // 70010/76001 was deleted on 2018-12-31.
        assertThat(ncci.edit("70010", "76001", LocalDate.parse("2018-06-01"))).isNotNull();
        assertThat(ncci.edit("70010", "76001", LocalDate.parse("2019-01-01"))).isNull();
    }

    @Test
    void deletedCodesNameTheirReplacementFromTheirDeletionDateOn() {
        CptLookup lungScreening = catalog.lookup("G0297", DOS);
        assertThat(lungScreening.status()).isEqualTo(CptStatus.DELETED);
        assertThat(lungScreening.replacedBy()).containsExactly("71271");
        assertThat(lungScreening.deletedOn()).isEqualTo(LocalDate.parse("2021-01-01"));
        assertThat(catalog.lookup("G0297", LocalDate.parse("2020-06-01")).status()).isNotEqualTo(CptStatus.DELETED);
        assertThat(catalog.lookup("71020", DOS).replacedBy()).containsExactly("71046");
    }

    @Test
    void lookUpsNormaliseAndNeverThrow() {
        assertThat(catalog.lookup(" 70450 ", DOS).status()).isEqualTo(CptStatus.CATALOGUED);
        assertThat(catalog.lookup("g0279", DOS).status()).isEqualTo(CptStatus.CATALOGUED);
        assertThat(catalog.lookup("A9579", DOS).status()).isEqualTo(CptStatus.LEVEL_II_DESCRIBED);
        assertThat(catalog.lookup("99213", DOS).status()).isEqualTo(CptStatus.UNKNOWN);
        assertThat(catalog.lookup("7045", DOS).status()).isEqualTo(CptStatus.MALFORMED);
        assertThat(catalog.lookup(null, DOS).status()).isEqualTo(CptStatus.MALFORMED);
        assertThat(catalog.lookup("70450-26", DOS).status()).isEqualTo(CptStatus.MALFORMED);
    }

    @Test
    void labelsAreOurOwnShortWords() {
        assertThat(catalog.get("70450").label()).isEqualTo("CT head/brain without contrast");
        assertThat(catalog.all()).allSatisfy(code -> assertThat(code.label().length()).isLessThan(80));
    }
}
