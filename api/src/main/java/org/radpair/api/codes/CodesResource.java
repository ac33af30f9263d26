package org.radpair.api.codes;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.radpair.api.problem.AcceptedDates;
import org.radpair.codes.BodyRegion;
import org.radpair.codes.Contrast;
import org.radpair.codes.CptCatalog;
import org.radpair.codes.CptCode;
import org.radpair.codes.CptLookup;
import org.radpair.codes.CptStatus;
import org.radpair.codes.FeeSchedule;
import org.radpair.codes.IcdCodes;
import org.radpair.codes.IcdConventions;
import org.radpair.codes.IcdLookup;
import org.radpair.codes.IcdRelease;
import org.radpair.codes.IcdStatus;
import org.radpair.codes.Laterality;
import org.radpair.codes.Modality;
import org.radpair.codes.Mue;
import org.radpair.codes.NcciEdits;
import org.radpair.codes.ReferenceData;
import org.radpair.codes.StudyPurpose;
import org.radpair.rules.ClaimChecker;
import org.radpair.rules.CodingKnowledge;

import io.quarkus.security.Authenticated;

/** Reference look-ups for coders: what a code is on a date of service. */
@Path("/v1/codes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearer")
public class CodesResource {

    public record Release(String label, LocalDate effectiveFrom, LocalDate effectiveTo) {
        static Release of(IcdRelease release) {
            return new Release(release.label(), release.effectiveFrom(), release.effectiveToExclusive().minusDays(1));
        }
    }

    /**
     * The contract's fields, plus the status, the codes it took over from and the release checked, and (additive) the
     * Tabular List notes and the tables that apply to the code on that date, so that a coder can see why an edit fired.
     */
    public record IcdCodeView(String code, boolean valid, boolean billable, IcdStatus status, String description,
            LocalDate validFrom, LocalDate validTo, List<String> replacedBy, List<String> children,
            List<String> previousCodes, LocalDate dateOfService, Release release, boolean dateOutsideReleases,
            List<NoteView> excludes1, List<NoteView> codeFirst, List<NoteView> useAdditional, boolean manifestation,
            AgeView age, String sex, List<BodyRegion> bodyRegions, List<Modality> modalities, String notesRelease) {
    }

    /** One instructional note: where it is printed, its text, the codes it cites (dotted prefixes) and its flag. */
    public record NoteView(String sits, String text, List<String> cites, String flag, String source) {
        static NoteView of(IcdConventions.Note note) {
            return new NoteView(note.sits(), note.text(), note.targets().stream().map(IcdCodes::dotted).toList(),
                    note.flag().isEmpty() ? null : note.flag(), note.source());
        }
    }

    /** The MCE v43.1 age list the code is on. */
    public record AgeView(String list, int min, int max) {
    }

    public record Ncci(String column2, int modifierIndicator, LocalDate deletedOn, String rationale) {
    }

    public record CptCodeView(String code, CptStatus status, String description, Modality modality,
            List<BodyRegion> regions, Contrast contrast, Laterality laterality, StudyPurpose purpose, String sex,
            FeeSchedule feeSchedule, Mue mue, List<Ncci> ncciColumn1Pairs, LocalDate deletedOn,
            List<String> replacedBy, LocalDate dateOfService, String feeScheduleRelease, String ncciRelease) {
    }

    @Inject
    ReferenceData reference;

    @Inject
    ClaimChecker checker;

    @GET
    @Path("/icd10/{code}")
    @Operation(summary = "An ICD-10-CM code on a date of service (default today): validity, billability, replacements, children,"
            + " and the Tabular List notes (Excludes1, code first, use additional), MCE manifestation and age list, sex and"
            + " body regions that apply to it")
    public IcdCodeView icd10(@PathParam("code") String code, @QueryParam("dos") String dos) {
        LocalDate date = dateOfService(dos);
        IcdLookup lookup = reference.icd10().lookup(code, date);
        if (lookup.status() == IcdStatus.MALFORMED) {
            throw new BadRequestException("'" + lookup.code() + "' is not shaped like an ICD-10-CM code (e.g. R51.9).");
        }
        if (lookup.status() == IcdStatus.UNKNOWN) {
            throw new NotFoundException(lookup.code() + " is not in any ICD-10-CM release RadPair has (FY2019 on).");
        }
        IcdConventions.CodeNotes notes = lookup.valid() ? reference.conventions().notes(lookup.code(), date) : null;
        CodingKnowledge.Indication indication = lookup.valid() ? checker.knowledge().indicationOf(lookup.code()) : null;
        return new IcdCodeView(lookup.code(), lookup.valid(), lookup.billable(), lookup.status(), lookup.description(),
                lookup.validFrom(), lookup.validTo(), lookup.replacedBy(), lookup.children(), lookup.previousCodes(),
                date, Release.of(lookup.release()), !lookup.release().covers(date),
                notes == null ? List.of() : notes.excludes1().stream().map(NoteView::of).toList(),
                notes == null ? List.of() : notes.codeFirst().stream().map(NoteView::of).toList(),
                notes == null ? List.of() : notes.useAdditional().stream().map(NoteView::of).toList(),
                notes != null && notes.manifestation(),
                notes == null || notes.age() == null ? null : new AgeView(notes.age().list(), notes.age().min(), notes.age().max()),
                notes == null || notes.sex() == null ? null : notes.sex().name(),
                indication == null || indication.regions() == null ? null : indication.regions().stream().sorted().toList(),
                indication == null || indication.allModalities() || indication.modalities().isEmpty() ? null : indication.modalities().stream().sorted().toList(),
                date.isBefore(IcdConventions.FY2027) ? "Tabular List FY2023; MCE v43.1" : "Tabular List FY2023 (Excludes1 FY2027); MCE v43.1");
    }

    @GET
    @Path("/cpt/{code}")
    @Operation(summary = "An imaging CPT/HCPCS code: modality, regions, contrast, laterality, CMS indicators, MUE, NCCI pairs")
    public CptCodeView cpt(@PathParam("code") String code, @QueryParam("dos") String dos) {
        LocalDate date = dateOfService(dos);
        CptLookup lookup = reference.cpt().lookup(code, date);
        if (lookup.status() == CptStatus.MALFORMED) {
            throw new BadRequestException("'" + lookup.code() + "' is not a CPT/HCPCS code (five letters or digits).");
        }
        if (lookup.status() == CptStatus.UNKNOWN) {
            throw new NotFoundException(lookup.code() + " is not an imaging code RadPair knows.");
        }
        CptCode entry = lookup.entry();
        List<Ncci> pairs = entry == null ? List.of() : reference.ncci().asColumn1(entry.code()).stream()
                .filter(edit -> edit.inForceOn(date))
                .sorted(Comparator.comparing(edit -> edit.column2()))
                .map(edit -> new Ncci(edit.column2(), edit.modifierIndicator(), edit.deletedOn(), edit.rationale()))
                .toList();
        return new CptCodeView(lookup.code(), lookup.status(), lookup.description(),
                entry == null ? null : entry.modality(), entry == null ? List.of() : entry.regions(),
                entry == null ? null : entry.contrast(), entry == null ? null : entry.laterality(),
                entry == null ? null : entry.purpose(), entry == null || entry.sex() == null ? null : entry.sex().name(),
                entry == null ? null : entry.feeSchedule(), entry == null ? null : entry.mue(), pairs,
                lookup.deletedOn(), lookup.replacedBy(), date, CptCatalog.FEE_SCHEDULE_RELEASE, NcciEdits.RELEASE);
    }

    private static LocalDate dateOfService(String dos) {
        if (dos == null || dos.isBlank()) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        return AcceptedDates.parameter("dos", dos);
    }
}
