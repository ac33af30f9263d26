package org.radpair.api.console;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.radpair.api.claims.ClaimValidation;
import org.radpair.api.claims.StoredResults;
import org.radpair.api.claims.ValidateRequest;
import org.radpair.api.claims.ValidateResponse;
import org.radpair.api.security.Sha256;
import org.radpair.audit.AuditRecord;
import org.radpair.audit.Backfill;
import org.radpair.audit.PatientKeys;
import org.radpair.audit.Recording;
import org.radpair.claim.PayerType;
import org.radpair.claim.Purpose;
import org.radpair.claim.Sex;
import org.radpair.codes.CptCode;
import org.radpair.codes.IcdCodes;
import org.radpair.rules.ClaimChecker;
import org.radpair.rules.Edit;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A year of synthetic claims for a demo tenant: common radiology studies with their usual diagnoses, a
 * share of coding errors the rules catch, incidental findings (lung nodules, renal masses) of which most
 * get their follow-up study and the others stay open, due or overdue. Each claim is checked by the real
 * validation path ({@link ClaimValidation}, without recording), then written with the day it was received
 * by {@link Backfill}: the service's own recording stamps every claim with the current time.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    static final int DEFAULT_CLAIMS = 3_000;

    /** A kind of claim: diagnoses, lines (cpt:modifiers+:pointers+), context, how often, who. */
    private record Kind(String name, int weight, String diagnoses, String lines, Purpose purpose, Integer birads,
            String finding, Sex sex) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("head CT for headache", 12, "R51.9", "70450:26:1", null, null, null, null),
            new Kind("chest CT for lung finding", 8, "R91.8", "71260:26:1", null, null, null, null),
            new Kind("CT abdomen pelvis for pain", 10, "R10.9 K80.20", "74178:26:1+2", null, null, null, null),
            new Kind("brain MRI for migraine", 5, "G43.909 D33.0", "70553:26:1+2", null, null, null, null),
            new Kind("screening mammogram", 12, "Z12.31", "77067:26:1", Purpose.SCREENING, null, null, Sex.F),
            new Kind("DXA for osteoporosis", 4, "M81.0", "77080::1", Purpose.DIAGNOSTIC, null, null, Sex.F),
            new Kind("chest X-ray and CT angiogram", 5, "R07.9 R06.02", "71046:26:1+2 71275:26:1+2", null, null, null, null),
            new Kind("lumbar MRI for low back pain", 8, "M54.50", "72148:26:1", null, null, null, null),
            new Kind("knee MRI both sides", 3, "M17.0", "73721:50:1", null, null, null, null),
            new Kind("chest CT finds a lung nodule", 5, "R05.9 R91.1", "71250:26:1+2", null, null, "R91.1", null),
            new Kind("CT abdomen finds a renal mass", 4, "R10.9 N28.89", "74177:26:1+2", null, null, "N28.89", null),
            new Kind("diagnostic mammogram after BI-RADS 0", 3, "R92.8", "77065:26+RT:1", null, 0, null, Sex.F),
            new Kind("normal brain MRI", 3, "R51.9 Z03.89", "70551:26:1+2", null, null, null, null),
            // What the rules catch.
            new Kind("deleted code M54.5", 4, "M54.5", "72148:26:1", null, null, null, null),
            new Kind("S06.9 without its 7th character", 3, "S06.9", "70450:26:1", null, null, null, null),
            new Kind("Z12.31 after BI-RADS 0", 2, "Z12.31", "77066:26:1", null, 0, null, Sex.F),
            new Kind("Z03.89 listed first", 2, "Z03.89 R51.9", "70551:26:1+2", null, null, null, null),
            new Kind("knee MRI on RT and LT lines", 3, "M25.561 M25.562", "73721:RT:1 73721:LT:2", null, null, null, null),
            new Kind("renal mass coded first", 2, "N28.89 R10.9", "74177:26:1+2", null, null, "N28.89", null),
            new Kind("breast code for a renal finding", 1, "R10.9 N63.0", "74177:26:1+2", null, null, "N63.0", null));

    private record Payer(String id, PayerType type, int weight) {
    }

    private static final List<Payer> PAYERS = List.of(new Payer("MEDICARE-JL", PayerType.MEDICARE, 40),
            new Payer("BCBS-TX", PayerType.COMMERCIAL, 20), new Payer("AETNA-01", PayerType.COMMERCIAL, 15),
            new Payer("UHC-22", PayerType.COMMERCIAL, 15), new Payer("MEDICAID-CA", PayerType.MEDICAID, 10));

    /** The follow-up study of each finding code the demo opens. */
    private static final String[][] FOLLOW_UPS = {{"R91.1", "71250"}, {"N28.89", "74183"}};

    @Inject
    ClaimValidation validation;

    @Inject
    StoredResults stored;

    @Inject
    PatientKeys patientKeys;

    @Inject
    ClaimChecker checker;

    @Inject
    Backfill backfill;

    /**
     * A claim to check, the day it is received, and the claim it follows up. The request does not name that
     * claim ({@code followUpOf}): its finding is written with the history, after every claim is checked, so
     * the rules would not know it (PDX-004); {@link Backfill} links them instead.
     */
    record Planned(ValidateRequest request, OffsetDateTime receivedAt, String followUpOf, String followUpCode) {
    }

    /** Generates, checks and writes {@code count} claims received over the last year into an empty tenant. */
    public Uni<Backfill.Written> load(String tenant, int count, long seed) {
        List<Planned> planned = plan(count, seed, LocalDate.now(ZoneOffset.UTC));
        long started = System.nanoTime();
        return Multi.createFrom().iterable(planned)
                .onItem().transformToUniAndConcatenate(p -> validation.validate(tenant, p.request(), false)
                        .map(result -> entry(tenant, p, result)))
                .collect().asList()
                .chain(entries -> backfill.intoEmptyTenant(tenant, entries))
                .invoke(written -> LOG.infof("Demo data: %d claims, %d findings opened, %d followed up for tenant %s in %d ms",
                        written.claims(), written.findingsOpened(), written.findingsFollowedUp(), tenant,
                        (System.nanoTime() - started) / 1_000_000));
    }

    /** The claims, in the order they are received. */
    static List<Planned> plan(int count, long seed, LocalDate today) {
        Random random = new Random(seed);
        int totalWeight = KINDS.stream().mapToInt(Kind::weight).sum();
        int payerWeight = PAYERS.stream().mapToInt(Payer::weight).sum();
        List<Planned> claims = new ArrayList<>();
        int patients = Math.max(50, count / 4);
        int followUps = 0;
        for (int i = 0; claims.size() < count; i++) {
            Kind kind = pick(KINDS, Kind::weight, random.nextInt(totalWeight));
            Payer payer = pick(PAYERS, Payer::weight, random.nextInt(payerWeight));
            LocalDate dos = today.minusDays(1 + random.nextInt(365));
            String patient = "DEMO-" + (10_000 + random.nextInt(patients));
            Sex sex = kind.sex() != null ? kind.sex() : random.nextBoolean() ? Sex.F : Sex.M;
            LocalDate birth = dos.minusYears(30 + random.nextInt(50)).minusDays(random.nextInt(365));
            String claimId = "DEMO-" + dos.toString().replace("-", "") + "-" + (100_000 + i);
            claims.add(new Planned(request(claimId, patient, sex, birth, payer, dos, kind.diagnoses(), kind.lines(),
                    kind.purpose(), kind.birads(), kind.finding(), null), received(dos, random, today), null, null));
            if (kind.finding() != null && random.nextInt(100) < 65 && claims.size() < count) {
                // Most findings get their follow-up study two to seven months later, if that day has come.
                for (String[] followUp : FOLLOW_UPS) {
                    LocalDate later = dos.plusDays(60 + random.nextInt(150));
                    if (followUp[0].equals(kind.finding()) && later.isBefore(today)) {
                        claims.add(new Planned(request(claimId + "-FU", patient, sex, birth, payer, later, followUp[0],
                                followUp[1] + ":26:1", Purpose.FOLLOW_UP, null, null, null),
                                received(later, random, today), claimId, followUp[0]));
                        followUps++;
                    }
                }
            }
        }
        claims.sort((a, b) -> a.receivedAt().compareTo(b.receivedAt()));
        LOG.debugf("Demo data: %d claims planned, %d follow-ups", claims.size(), followUps);
        return claims;
    }

    private static OffsetDateTime received(LocalDate dos, Random random, LocalDate today) {
        LocalDate day = dos.plusDays(random.nextInt(4));
        if (!day.isBefore(today)) {
            day = today.minusDays(1);
        }
        return day.atTime(7 + random.nextInt(12), random.nextInt(60), random.nextInt(60)).atOffset(ZoneOffset.UTC);
    }

    private static <T> T pick(List<T> items, java.util.function.ToIntFunction<T> weight, int ticket) {
        for (T item : items) {
            ticket -= weight.applyAsInt(item);
            if (ticket < 0) {
                return item;
            }
        }
        return items.get(items.size() - 1);
    }

    private static ValidateRequest request(String claimId, String patient, Sex sex, LocalDate birth, Payer payer, LocalDate dos,
            String diagnoses, String lines, Purpose purpose, Integer birads, String finding, String followUpOf) {
        List<ValidateRequest.Line> parsed = new ArrayList<>();
        for (String line : lines.split(" ")) {
            String[] parts = line.split(":");
            List<String> modifiers = parts[1].isEmpty() ? List.of() : Arrays.asList(parts[1].split("\\+"));
            List<Integer> pointers = Arrays.stream(parts[2].split("\\+")).map(Integer::valueOf).toList();
            parsed.add(new ValidateRequest.Line(parts[0], modifiers, 1, pointers));
        }
        return new ValidateRequest(claimId, new ValidateRequest.Patient(patient, sex, birth),
                new ValidateRequest.Payer(payer.id(), payer.type()), dos, List.of(diagnoses.split(" ")), parsed,
                new ValidateRequest.Context(purpose, birads, finding == null ? List.of() : List.of(finding), followUpOf, null,
                        false));
    }

    private Backfill.Entry entry(String tenant, Planned planned, ValidateResponse result) {
        ValidateRequest request = planned.request();
        String patientKey = patientKeys.keyOf(tenant, request.patient().id());
        // Stored as the service stores it: the patient identifier replaced by its key.
        String storedRequest = stored.write(new ValidateRequest(request.claimId(),
                new ValidateRequest.Patient(patientKey, request.patient().sex(), request.patient().birthDate()), request.payer(),
                request.dateOfService(), request.diagnoses(), request.lines(), request.context()));
        AuditRecord record = new AuditRecord();
        record.auditId = UUID.randomUUID();
        record.tenant = tenant;
        record.claimId = request.claimId();
        record.version = 1;
        record.patientKey = patientKey;
        record.requestHash = Sha256.hex(storedRequest);
        record.receivedAt = planned.receivedAt();
        record.dateOfService = request.dateOfService();
        record.payerId = request.payer().id();
        record.payerType = request.payer().type().name();
        record.cpts = request.lines().stream().map(ValidateRequest.Line::cpt).toArray(String[]::new);
        record.diagnoses = request.diagnoses().stream().map(IcdCodes::display).toArray(String[]::new);
        record.verdict = result.verdict().name();
        record.rules = result.edits().stream().map(Edit::rule).distinct().toArray(String[]::new);
        record.categories = result.edits().stream().map(e -> e.category().name()).distinct().toArray(String[]::new);
        record.rulesetVersion = result.rulesetVersion();
        record.request = storedRequest;
        record.result = stored.write(result);
        return new Backfill.Entry(record, findingsToOpen(request), planned.followUpOf(),
                planned.followUpCode() == null ? List.of() : List.of(planned.followUpCode()));
    }

    /** As the service opens them: each billable incidental finding, with the regions of the claim's studies. */
    private List<Recording.NewFinding> findingsToOpen(ValidateRequest request) {
        Set<String> regions = new LinkedHashSet<>();
        for (ValidateRequest.Line line : request.lines()) {
            CptCode study = checker.reference().cpt().get(line.cpt());
            if (study != null) {
                study.regions().forEach(region -> regions.add(region.name()));
            }
        }
        List<Recording.NewFinding> findings = new ArrayList<>();
        for (String raw : request.context().incidentalFindings()) {
            String code = IcdCodes.display(raw);
            if (checker.reference().icd10().isBillable(code, request.dateOfService())) {
                findings.add(new Recording.NewFinding(code, List.copyOf(regions), "EXPLICIT", null,
                        RECOGNITION.dueOn(code, request.dateOfService())));
            }
        }
        return findings;
    }

    /** The same due dates the recording path gives explicit findings (the finding family's window). */
    private static final org.radpair.rules.FindingFollowUps RECOGNITION = org.radpair.rules.FindingFollowUps.load();
}
