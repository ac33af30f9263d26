package org.radpair.codes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radpair.claim.Sex;

/** The derived Tabular List tables: notes found through a code's ancestors, ranges expanded, ages, and the sex table. */
class IcdConventionsTest {

    private static IcdConventions conventions;
    private static final LocalDate FY2026 = LocalDate.of(2026, 3, 2);
    private static final LocalDate FY2027 = LocalDate.of(2026, 11, 2);

    @BeforeAll
    static void load() {
        conventions = IcdConventions.load();
    }

    @Test
    void excludes1NotesApplyToEveryCodeBeneathTheirNode() {
        // M54.5's own note, M54's, and the block M50-M54's reach M54.50.
        IcdConventions.CodeNotes m5450 = conventions.notes("M54.50", FY2026);
        assertThat(m5450.excludes("S39012A")).isNotNull().extracting(IcdConventions.Note::sits).isEqualTo("M54.5");
        assertThat(m5450.excludes("F4541")).isNotNull().extracting(IcdConventions.Note::sits).isEqualTo("M54");
        assertThat(m5450.excludes("M4646")).isNotNull().extracting(IcdConventions.Note::sits).isEqualTo("Block M50-M54");
        assertThat(m5450.excludes("M5450")).isNull();
        assertThat(conventions.notes("E11.9", FY2026).excludes("E109")).isNotNull();
        assertThat(conventions.notes("E11.9", FY2026).excludes("E119")).isNull();
    }

    @Test
    void rangesAreExpandedFaithfully() {
        // A04.0-A04.4 at A05: the five subcategories and nothing else of A04.
        IcdConventions.Note note = conventions.notes("A05.9", FY2026).excludes1().stream()
                .filter(n -> n.text().contains("A04.0-A04.4")).findFirst().orElseThrow();
        assertThat(note.targets()).containsExactly("A040", "A041", "A042", "A043", "A044");
        assertThat(note.covers("A0411")).isTrue();
        assertThat(note.covers("A045")).isFalse();
        // "E08-E13 with .42" at G63 is the five .42 codes, not the whole of diabetes.
        IcdConventions.CodeNotes g63 = conventions.notes("G63", FY2026);
        assertThat(g63.excludes("E1142")).isNotNull();
        assertThat(g63.excludes("E119")).isNull();
        // N18.1-N18.4 keeps N18.30 (beneath N18.3) and leaves N18.5 out.
        IcdConventions.Note stage = conventions.notes("I12.9", FY2026).useAdditional().stream()
                .filter(n -> n.sits().equals("I12.9")).findFirst().orElseThrow();
        assertThat(stage.covers("N1830")).isTrue();
        assertThat(stage.covers("N185")).isFalse();
        assertThat(stage.covers("N189")).isTrue();
    }

    @Test
    void theFy2027Excludes1NotesApplyFromOctober2026() {
        assertThat(conventions.notes("M54.50", FY2026).excludes("M51360")).isNull();
        assertThat(conventions.notes("M54.50", FY2027).excludes("M51360")).isNotNull();
        assertThat(conventions.notes("E11.9", FY2027).excludes("E11A")).isNotNull();
    }

    @Test
    void codeFirstNotesAreStrictOnlyWhenUnconditional() {
        assertThat(conventions.notes("F02.80", FY2026).hasStrictCodeFirst()).isTrue();
        assertThat(conventions.notes("F02.80", FY2026).manifestation()).isTrue();
        // A41: code first postprocedural sepsis (T81.4-) and the like: named circumstances, not a manifestation.
        assertThat(conventions.notes("A41.9", FY2026).codeFirst()).isNotEmpty();
        assertThat(conventions.notes("A41.9", FY2026).hasStrictCodeFirst()).isFalse();
        assertThat(conventions.notes("A41.9", FY2026).manifestation()).isFalse();
        // M40 "code first underlying disease" is strict, yet not a manifestation (postural kyphosis stands alone).
        assertThat(conventions.notes("M40.00", FY2026).manifestation()).isFalse();
    }

    @Test
    void mceAgeLists() {
        assertThat(conventions.ageOf("Z34.81")).isEqualTo(new IcdConventions.AgeRange("MATERNITY", 9, 64));
        assertThat(conventions.ageOf("Z38.00")).isEqualTo(new IcdConventions.AgeRange("NEWBORN", 0, 0));
        assertThat(conventions.ageOf("E30.1").list()).isEqualTo("PEDIATRIC");
        assertThat(conventions.ageOf("R51.9")).isNull();
        assertThat(conventions.ageOf("Z34.81").fits(71)).isFalse();
        assertThat(conventions.ageOf("Z34.81").fits(30)).isTrue();
    }

    @Test
    void theSexTableBothWays() {
        assertThat(conventions.sexOf("N99.114")).isEqualTo(Sex.M); // "Postprocedural urethral stricture, male, unspecified"
        assertThat(conventions.sexOf("N99.115")).isEqualTo(Sex.M); // beneath N99.11 "..., male"
        assertThat(conventions.sexOf("N99.12")).isEqualTo(Sex.F);
        assertThat(conventions.sexOf("N99.0")).isNull(); // postprocedural kidney failure: either sex
        assertThat(conventions.sexOf("N40.0")).isEqualTo(Sex.M);
        assertThat(conventions.sexOf("N97.9")).isEqualTo(Sex.F);
        assertThat(conventions.sexOf("E28.2")).isEqualTo(Sex.F);
        assertThat(conventions.sexOf("E29.1")).isEqualTo(Sex.M);
        assertThat(conventions.sexOf("O80")).isEqualTo(Sex.F);
        assertThat(conventions.sexOf("O9A.119")).isEqualTo(Sex.F);
        assertThat(conventions.sexOf("Z3A.20")).isEqualTo(Sex.F);
        assertThat(conventions.sexOf("C61")).isEqualTo(Sex.M);
        assertThat(conventions.sexOf("C56.1")).isEqualTo(Sex.F);
        assertThat(conventions.sexOf("D07.5")).isEqualTo(Sex.M);
        assertThat(conventions.sexOf("D07.1")).isEqualTo(Sex.F);
        assertThat(conventions.sexOf("C50.911")).isEqualTo(Sex.F);
        assertThat(conventions.sexOf("C50.921")).isEqualTo(Sex.M);
        assertThat(conventions.sexOf("Z12.5")).isEqualTo(Sex.M);
        assertThat(conventions.sexOf("Z12.4")).isEqualTo(Sex.F);
        // Either sex: newborns (P chapter, Z38 liveborn "delivered vaginally"), family histories, the urinary tract.
        assertThat(conventions.sexOf("Z38.00")).isNull();
        assertThat(conventions.sexOf("P03.4")).isNull();
        assertThat(conventions.sexOf("Z80.41")).isNull();
        assertThat(conventions.sexOf("N39.0")).isNull();
        assertThat(conventions.sexOf("N64.3")).isNull();
        assertThat(conventions.sexOf("R10.9")).isNull();
    }
}
