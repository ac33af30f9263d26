package org.radpair.api.codes;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.radpair.codes.BodyRegion;
import org.radpair.codes.CptCode;
import org.radpair.codes.CptLookup;
import org.radpair.codes.CptStatus;
import org.radpair.codes.IcdLookup;
import org.radpair.codes.IcdStatus;
import org.radpair.codes.Modality;
import org.radpair.codes.ReferenceData;
import org.radpair.rules.PairingAdvisor;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.security.Authenticated;

/**
 * Which indications support a study, and which studies a diagnosis supports: the same table the
 * MEDICAL_NECESSITY rules apply, so a suggestion never fails the check.
 */
@Path("/v1/pairings")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearer")
public class PairingsResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pairings(String cpt, String study, Modality modality, List<BodyRegion> regions,
            List<PairingAdvisor.Indication> indications, String icd, String description, List<Study> studies) {
    }

    public record Study(String cpt, String study, Modality modality, List<BodyRegion> regions) {
    }

    @Inject
    PairingAdvisor advisor;

    @Inject
    ReferenceData reference;

    @GET
    @Operation(summary = "Indications that support a study (?cpt=), most common first, or studies a diagnosis supports (?icd=)")
    public Pairings pairings(@QueryParam("cpt") String cpt, @QueryParam("icd") String icd) {
        boolean byStudy = cpt != null && !cpt.isBlank();
        boolean byDiagnosis = icd != null && !icd.isBlank();
        if (byStudy == byDiagnosis) {
            throw new BadRequestException("Give exactly one of cpt or icd.");
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (byStudy) {
            CptLookup lookup = reference.cpt().lookup(cpt, today);
            if (lookup.status() == CptStatus.MALFORMED) {
                throw new BadRequestException("'" + lookup.code() + "' is not a CPT/HCPCS code.");
            }
            if (lookup.status() != CptStatus.CATALOGUED) {
                throw new NotFoundException(lookup.code() + " is not an imaging study in RadPair's catalog.");
            }
            CptCode study = lookup.entry();
            return new Pairings(study.code(), study.label(), study.modality(), study.regions(),
                    advisor.indicationsFor(study, today), null, null, null);
        }
        IcdLookup lookup = reference.icd10().lookup(icd, today);
        if (lookup.status() == IcdStatus.MALFORMED) {
            throw new BadRequestException("'" + lookup.code() + "' is not shaped like an ICD-10-CM code.");
        }
        if (lookup.status() == IcdStatus.UNKNOWN) {
            throw new NotFoundException(lookup.code() + " is not an ICD-10-CM code.");
        }
        List<Study> studies = advisor.studiesFor(lookup.code()).stream()
                .map(s -> new Study(s.code(), s.label(), s.modality(), s.regions())).toList();
        return new Pairings(null, null, null, null, null, lookup.code(), lookup.description(), studies);
    }
}
