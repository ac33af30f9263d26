package org.radpair.api.claims;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.radpair.api.audit.FollowUpLookups;
import org.radpair.api.database.DatabaseFailures;
import org.radpair.api.database.DatabaseGuard;
import org.radpair.api.security.Sha256;
import org.radpair.api.settings.RadPairSettings;
import org.radpair.audit.AuditLog;
import org.radpair.audit.AuditRecord;
import org.radpair.audit.PatientKeys;
import org.radpair.audit.Recording;
import org.radpair.claim.Claim;
import org.radpair.claim.ClaimHistory;
import org.radpair.claim.ClaimLine;
import org.radpair.claim.HistoryNeeds;
import org.radpair.claim.PriorFinding;
import org.radpair.codes.CptCode;
import org.radpair.codes.IcdCodes;
import org.radpair.findings.Finding;
import org.radpair.findings.FindingStatus;
import org.radpair.findings.PastFinding;
import org.radpair.rules.CheckResult;
import org.radpair.rules.ClaimChecker;
import org.radpair.rules.Edit;
import org.radpair.rules.FindingFollowUps;

import io.smallrye.mutiny.Uni;

/**
 * Checks a claim against the patient's history and, unless asked not to, records it: the audit row,
 * the incidental findings it reports, the findings it follows up — in one transaction.
 */
@ApplicationScoped
public class ClaimValidation {

    @Inject
    ClaimChecker checker;

    @Inject
    AuditLog auditLog;

    @Inject
    PatientKeys patientKeys;

    @Inject
    StoredResults stored;

    @Inject
    DatabaseGuard database;

    @Inject
    FollowUpLookups followUpLookups;

    @Inject
    RadPairSettings settings;

    private final FindingFollowUps recognition = FindingFollowUps.load();

    static final String EXPLICIT = "EXPLICIT";
    static final String INFERRED = "INFERRED";

    public Uni<ValidateResponse> validate(String tenant, ValidateRequest request, boolean persist) {
        Claim claim = ClaimMapper.toClaim(request);
        String patientKey = patientKeys.keyOf(tenant, request.patient().id());
        HistoryNeeds needs = checker.knowledge().historyNeeds(claim);
        if (!persist) {
            return database.guard(() -> followUpLookups.logged(tenant, claim.context().followUpOf(), patientKey, false)
                    .chain(() -> auditLog.pastOf(tenant, patientKey, claim.claimId(), claim.context().followUpOf(),
                    claim.dateOfService(), needs)))
                    // A what-if check keeps working while the database is down, without the patient's history.
                    .onFailure(DatabaseFailures::unavailable)
                    .recoverWithItem(AuditLog.PatientPast.NONE)
                    .map(past -> {
                        ClaimHistory history = past.history();
                        return whatIf(response(request, checker.check(claim, history)), claim, plan(claim, history), past);
                    });
        }
        String storedRequest = stored.write(request.withPatientId(patientKey));
        AuditLog.Pending pending = new AuditLog.Pending(tenant, claim.claimId(), Sha256.hex(storedRequest), patientKey,
                claim.context().followUpOf(), claim.dateOfService(), needs);
        // The result the transaction wrote, kept as the object it was written from (the recorder may prepare a claim twice,
        // when its group fails and it is tried again alone: the last one written is the one committed).
        AtomicReference<ValidateResponse> written = new AtomicReference<>();
        return database.guard(() -> followUpLookups.logged(tenant, pending.followUpOf(), patientKey, true)
                .chain(() -> auditLog.record(pending, past -> {
                    ClaimHistory history = past.history();
                    return recording(pending, storedRequest, request, claim, history, checker.check(claim, history), written);
                })))
                // The answer is the result as stored: the one just written or, for an identical re-send, the one written
                // then, read back from the audit row.
                .map(recorded -> (recorded.created() ? written.get() : stored.read(recorded.record().result))
                        .stored(recorded.record().auditId, recorded.record().version));
    }

    private static ValidateResponse response(ValidateRequest request, CheckResult result) {
        return new ValidateResponse(request.claimId(), result.verdict(), result.edits(), result.lines(),
                ValidateResponse.FollowUp.NONE, null, null, result.rulesetVersion());
    }

    private Recording recording(AuditLog.Pending pending, String storedRequest, ValidateRequest request, Claim claim,
            ClaimHistory history, CheckResult result, AtomicReference<ValidateResponse> written) {
        AuditRecord record = new AuditRecord();
        record.tenant = pending.tenant();
        record.claimId = request.claimId();
        record.patientKey = pending.patientKey();
        record.requestHash = pending.requestHash();
        record.dateOfService = request.dateOfService();
        record.payerId = request.payer() == null ? null : request.payer().id();
        record.payerType = request.payer() == null || request.payer().type() == null ? null : request.payer().type().name();
        record.cpts = claim.lines().stream().map(ClaimLine::cpt).toArray(String[]::new);
        record.diagnoses = request.diagnoses().stream().map(IcdCodes::display).toArray(String[]::new);
        record.verdict = result.verdict().name();
        record.rules = result.edits().stream().map(Edit::rule).distinct().toArray(String[]::new);
        record.categories = result.edits().stream().map(e -> e.category().name()).distinct().toArray(String[]::new);
        record.rulesetVersion = result.rulesetVersion();
        record.request = storedRequest;
        ValidateResponse response = response(request, result);
        Plan plan = plan(claim, history);
        return new Recording(record, plan.toOpen(), plan.followUps(),
                (opened, closed) -> {
                    ValidateResponse answer = withFollowUp(response, opened, closed);
                    written.set(answer);
                    return stored.write(answer);
                });
    }

    /** What a claim opens and follows up: its explicit findings and followUpOf, and, unless switched off, what is recognised. */
    record Plan(List<Recording.NewFinding> toOpen, List<Recording.FollowUp> followUps) {
    }

    Plan plan(Claim claim, ClaimHistory history) {
        List<Recording.NewFinding> toOpen = explicitFindings(claim);
        List<Recording.FollowUp> followUps = new ArrayList<>();
        if (!settings.findings().inference()) {
            for (PriorFinding finding : org.radpair.rules.FollowUps.resolvedBy(claim, history)) {
                followUps.add(new Recording.FollowUp(UUID.fromString(finding.findingId()), EXPLICIT,
                        FindingFollowUps.FOLLOWED_UP_EXPLICITLY));
            }
            return new Plan(toOpen, followUps);
        }
        FindingFollowUps.Recognition recognised = recognition.recognise(claim, history, checker.reference().cpt()::get);
        Set<String> explicit = new LinkedHashSet<>();
        toOpen.forEach(finding -> explicit.add(finding.code()));
        for (FindingFollowUps.Opening opening : recognised.openings()) {
            if (!explicit.contains(opening.code())
                    && checker.reference().icd10().isBillable(opening.code(), claim.dateOfService())) {
                toOpen.add(new Recording.NewFinding(opening.code(), opening.regions(), INFERRED, opening.rule(),
                        opening.dueOn()));
            }
        }
        for (FindingFollowUps.Closure closure : recognised.closures()) {
            followUps.add(new Recording.FollowUp(UUID.fromString(closure.finding().findingId()),
                    closure.inferred() ? INFERRED : EXPLICIT, closure.rule()));
        }
        return new Plan(toOpen, followUps);
    }

    /** Each billable incidental finding (once per code), with the body regions of the studies on the claim that found it. */
    private List<Recording.NewFinding> explicitFindings(Claim claim) {
        if (claim.context().incidentalFindings().isEmpty()) {
            return new ArrayList<>(1);
        }
        Set<String> regions = new LinkedHashSet<>();
        for (ClaimLine line : claim.lines()) {
            CptCode study = checker.reference().cpt().get(line.cpt());
            if (study != null) {
                study.regions().forEach(region -> regions.add(region.name()));
            }
        }
        List<Recording.NewFinding> findings = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (String raw : claim.context().incidentalFindings()) {
            String code = IcdCodes.display(raw);
            if (codes.add(code) && checker.reference().icd10().isBillable(code, claim.dateOfService())) {
                findings.add(new Recording.NewFinding(code, List.copyOf(regions), EXPLICIT, null,
                        recognition.dueOn(code, claim.dateOfService())));
            }
        }
        return findings;
    }

    /** A what-if answer: the findings that would be opened (no id yet) and followed up, nothing stored. */
    private static ValidateResponse whatIf(ValidateResponse response, Claim claim, Plan plan, AuditLog.PatientPast past) {
        if (plan.toOpen().isEmpty() && plan.followUps().isEmpty()) {
            return response;
        }
        Map<UUID, PastFinding> known = new java.util.HashMap<>();
        past.findings().forEach(finding -> known.put(finding.findingId(), finding));
        List<ValidateResponse.Finding> opened = plan.toOpen().stream()
                .map(f -> new ValidateResponse.Finding(null, f.code(), claim.claimId(), claim.dateOfService(),
                        FindingStatus.OPEN.name(), f.how(), f.rule(), f.dueOn(), null, null))
                .toList();
        List<ValidateResponse.Finding> closed = new ArrayList<>();
        for (Recording.FollowUp followUp : plan.followUps()) {
            PastFinding finding = known.get(followUp.findingId());
            if (finding != null) {
                closed.add(new ValidateResponse.Finding(finding.findingId(), finding.code(), finding.openedByClaim(),
                        finding.openedOn(), FindingStatus.FOLLOWED_UP.name(), finding.openedHow(), finding.openingRule(),
                        finding.dueOn(), followUp.how(), followUp.rule()));
            }
        }
        return new ValidateResponse(response.claimId(), response.verdict(), response.edits(), response.lines(),
                new ValidateResponse.FollowUp(opened, closed), null, null, response.rulesetVersion());
    }

    private static ValidateResponse withFollowUp(ValidateResponse response, List<Finding> opened, List<Finding> closed) {
        return new ValidateResponse(response.claimId(), response.verdict(), response.edits(), response.lines(),
                new ValidateResponse.FollowUp(opened.stream().map(ClaimValidation::view).toList(),
                        closed.stream().map(ClaimValidation::view).toList()),
                null, null, response.rulesetVersion());
    }

    static ValidateResponse.Finding view(Finding finding) {
        return new ValidateResponse.Finding(finding.findingId, finding.code, finding.openedByClaim, finding.openedOn,
                finding.status.name(), finding.openedHow, finding.openingRule, finding.dueOn, finding.followedUpHow,
                finding.followUpRule);
    }
}
