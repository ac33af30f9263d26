package org.radpair.api.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.radpair.api.claims.ValidateRequest;
import org.radpair.claim.PayerType;
import org.radpair.claim.Sex;

/**
 * Maps the segments of an 837P (005010X222A1) to validate requests, one per CLM loop: CLM01 claim id,
 * HI (ABK/BK principal, ABF/BF other) diagnoses in order, LX/SV1 lines (procedure, up to four
 * modifiers, units, pointers), DTP*472 date of service (claim or line), the subscriber or patient
 * (NM1, DMG), the payer (SBR09, NM1*PR). Fed segment by segment; hands each claim on when it ends.
 */
final class Claim837Mapper implements Consumer<X12Segment> {

    /**
     * A mapped claim, or what kept it from mapping (it still gets its own answer), with what a 277CA echoes:
     * where it came from, the patient as named in the 837, and the total charge (CLM02).
     */
    record MappedClaim(String claimId, int segmentPosition, ValidateRequest request, List<Problem> problems, Origin origin,
            NamedPatient patient, BigDecimal charge) {

        List<String> problemTexts() {
            return problems.stream().map(Problem::text).toList();
        }
    }

    /** Why a claim could not be checked, with the claim status (category:code) a 277CA reports for it. */
    record Problem(ClaimStatus status, String text) {
    }

    /** A name and its identifier as the 837 gives them (NM103, NM104, NM108, NM109). */
    record Party(String name, String firstName, String qualifier, String id) {
        static final Party UNKNOWN = new Party("", "", "", "");
    }

    /** The envelope of the 837 (ISA05–08, ISA13, ISA15; GS02/GS03), answered with the roles swapped. */
    record Envelope(String senderQualifier, String senderId, String receiverQualifier, String receiverId,
            String controlNumber, String usage, String groupSender, String groupReceiver) {
        static final Envelope NONE = new Envelope("ZZ", "", "ZZ", "", "", "P", "", "");
    }

    /** Where in the interchange a claim came from: its transaction set, BHT03, submitter, receiver, billing provider. */
    record Origin(int transaction, String batchId, Party submitter, Party receiver, Party billingProvider,
            int billingProviderLevel) {
    }

    /** The patient as the 837 names them (subscriber, or dependent with the subscriber's member id). */
    record NamedPatient(String lastName, String firstName, String memberId) {
    }

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final Consumer<MappedClaim> claims;
    private String interchangeControlNumber;
    private Envelope envelope = Envelope.NONE;

    // Loop 1000A/1000B (submitter, receiver) and 2000A/2010AA (billing provider), per transaction set.
    private int transaction;
    private String batchId = "";
    private Party submitter = Party.UNKNOWN;
    private Party receiver = Party.UNKNOWN;
    private Party billingProvider = Party.UNKNOWN;
    private int billingProviderLevel;

    // Loop 2000B/2010BA/2010BB (subscriber and payer) and 2000C/2010CA (patient), by hierarchical level.
    private String subscriberId;
    private String subscriberName;
    private Party subscriberParty = Party.UNKNOWN;
    private Party patientParty;
    private Person subscriber;
    private Person patient;
    private boolean inPatientLoop;
    private PayerType payerType;
    private String payerId;
    private String lastNm1;

    private ClaimBuilder current;

    private record Person(String name, LocalDate birthDate, Sex sex) {
    }

    Claim837Mapper(Consumer<MappedClaim> claims) {
        this.claims = claims;
    }

    String interchangeControlNumber() {
        return interchangeControlNumber;
    }

    Envelope envelope() {
        return envelope;
    }

    @Override
    public void accept(X12Segment segment) {
        switch (segment.tag()) {
            case "ISA" -> {
                interchangeControlNumber = segment.element(13).strip();
                envelope = new Envelope(segment.element(5).strip(), segment.element(6).strip(), segment.element(7).strip(),
                        segment.element(8).strip(), interchangeControlNumber, segment.element(15).strip(), "", "");
            }
            case "GS" -> envelope = new Envelope(envelope.senderQualifier(), envelope.senderId(), envelope.receiverQualifier(),
                    envelope.receiverId(), envelope.controlNumber(), envelope.usage(), segment.element(2).strip(),
                    segment.element(3).strip());
            case "ST" -> {
                transaction++;
                batchId = "";
                submitter = Party.UNKNOWN;
                receiver = Party.UNKNOWN;
                billingProvider = Party.UNKNOWN;
            }
            case "BHT" -> batchId = segment.element(3).strip();
            case "HL" -> hierarchicalLevel(segment);
            case "SBR" -> payerType = payerType(segment.element(9));
            case "NM1" -> name(segment);
            case "DMG" -> demographics(segment);
            case "CLM" -> startClaim(segment);
            case "HI" -> diagnoses(segment);
            case "LX" -> {
                if (current != null) {
                    current.lines.add(new LineBuilder());
                }
            }
            case "SV1" -> serviceLine(segment);
            case "DTP" -> date(segment);
            case "SE" -> finishClaim();
            default -> { }
        }
    }

    /** Ends the last claim (the interchange is over). */
    void finish() {
        finishClaim();
    }

    private void hierarchicalLevel(X12Segment segment) {
        finishClaim();
        String level = segment.element(3);
        if ("20".equals(level)) {
            billingProvider = Party.UNKNOWN;
            billingProviderLevel++;
        } else if ("22".equals(level)) {
            subscriberId = null;
            subscriberName = null;
            subscriberParty = Party.UNKNOWN;
            subscriber = null;
            patient = null;
            patientParty = null;
            inPatientLoop = false;
            payerType = null;
            payerId = null;
        } else if ("23".equals(level)) {
            patient = null;
            patientParty = null;
            inPatientLoop = true;
        }
    }

    private void name(X12Segment segment) {
        lastNm1 = segment.element(1);
        switch (lastNm1) {
            case "IL" -> {
                subscriberId = segment.element(9);
                subscriberName = segment.element(3) + "^" + segment.element(4);
                subscriberParty = party(segment);
            }
            case "QC" -> {
                patient = new Person(segment.element(3) + "^" + segment.element(4), null, Sex.U);
                patientParty = party(segment);
            }
            case "41" -> submitter = party(segment);
            case "40" -> receiver = party(segment);
            case "85" -> billingProvider = party(segment);
            case "PR" -> payerId = segment.element(9).isBlank() ? segment.element(3) : segment.element(9);
            default -> { }
        }
    }

    private static Party party(X12Segment segment) {
        return new Party(segment.element(3).strip(), segment.element(4).strip(), segment.element(8).strip(),
                segment.element(9).strip());
    }

    private void demographics(X12Segment segment) {
        LocalDate birth = parseDate(segment.element(2));
        Sex sex = switch (segment.element(3)) {
            case "F" -> Sex.F;
            case "M" -> Sex.M;
            default -> Sex.U;
        };
        if ("QC".equals(lastNm1) && patient != null) {
            patient = new Person(patient.name(), birth, sex);
        } else if ("IL".equals(lastNm1)) {
            subscriber = new Person(subscriberName, birth, sex);
        }
    }

    private void startClaim(X12Segment segment) {
        finishClaim();
        current = new ClaimBuilder(segment.element(1), segment.position());
        current.charge = amount(segment.element(2));
        // CLM05-1: the place of service (CMS two-digit code) of every line of the claim.
        String placeOfService = segment.component(5, 1).strip();
        current.placeOfService = placeOfService.matches("[0-9]{2}") ? placeOfService : null;
    }

    private void diagnoses(X12Segment segment) {
        if (current == null) {
            return;
        }
        for (int n = 1; n <= segment.elementCount(); n++) {
            String qualifier = segment.component(n, 1);
            String code = segment.component(n, 2);
            if (code.isBlank()) {
                continue;
            }
            switch (qualifier) {
                case "ABK", "BK" -> current.diagnoses.add(0, code);
                case "ABF", "BF" -> current.diagnoses.add(code);
                default -> current.problems.add(new Problem(ClaimStatus.INVALID_DIAGNOSIS, "HI qualifier " + qualifier
                        + " (segment " + segment.position() + ") is not an ICD-10-CM diagnosis qualifier (ABK/ABF); code "
                        + code + " was skipped"));
            }
        }
    }

    private void serviceLine(X12Segment segment) {
        if (current == null) {
            return;
        }
        if (current.lines.isEmpty()) {
            current.lines.add(new LineBuilder());
        }
        LineBuilder line = current.lines.get(current.lines.size() - 1);
        List<String> procedure = segment.components(1);
        line.cpt = procedure.size() > 1 ? procedure.get(1) : "";
        line.modifiers = procedure.size() > 2 ? procedure.subList(2, Math.min(procedure.size(), 6)).stream()
                .filter(m -> !m.isBlank()).toList() : List.of();
        line.units = segment.element(4).isBlank() ? "1" : segment.element(4);
        line.pointers = segment.components(7).stream().filter(p -> !p.isBlank()).toList();
    }

    private void date(X12Segment segment) {
        if (current == null || !"472".equals(segment.element(1))) {
            return;
        }
        String value = segment.element(3);
        LocalDate date = parseDate("RD8".equals(segment.element(2)) && value.contains("-") ? value.substring(0, value.indexOf('-')) : value);
        if (date == null) {
            current.problems.add(new Problem(ClaimStatus.INVALID_DATE_OF_SERVICE, "DTP*472 at segment " + segment.position()
                    + " has no valid CCYYMMDD date ('" + value + "')"));
        } else if (current.lines.isEmpty()) {
            current.claimDate = date;
        } else if (current.lineDate == null) {
            current.lineDate = date;
        }
    }

    private void finishClaim() {
        if (current == null) {
            return;
        }
        ClaimBuilder claim = current;
        current = null;
        claims.accept(claim.build(this));
    }

    private static BigDecimal amount(String value) {
        try {
            return value == null || value.isBlank() ? BigDecimal.ZERO : new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    private static LocalDate parseDate(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip(), CCYYMMDD);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** SBR09 claim filing indicator: Medicare Part A/B, Medicaid, commercial plans (CI, BL, HM, 12–17), else other. */
    static PayerType payerType(String claimFilingIndicator) {
        return switch (claimFilingIndicator) {
            case "MA", "MB" -> PayerType.MEDICARE;
            case "MC" -> PayerType.MEDICAID;
            case "CI", "BL", "HM", "12", "13", "14", "15", "16", "17" -> PayerType.COMMERCIAL;
            default -> PayerType.OTHER;
        };
    }

    private static final class LineBuilder {
        String cpt = "";
        List<String> modifiers = List.of();
        String units = "1";
        List<String> pointers = List.of();
    }

    private static final class ClaimBuilder {
        final String claimId;
        final int position;
        final List<String> diagnoses = new ArrayList<>();
        final List<LineBuilder> lines = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        BigDecimal charge = BigDecimal.ZERO;
        LocalDate claimDate;
        LocalDate lineDate;
        String placeOfService;

        ClaimBuilder(String claimId, int position) {
            this.claimId = claimId;
            this.position = position;
        }

        MappedClaim build(Claim837Mapper context) {
            Person person = context.patient != null ? context.patient : context.subscriber;
            String patientId = context.subscriberId == null || context.subscriberId.isBlank() ? null
                    : context.patient == null ? context.subscriberId
                            : context.subscriberId + "/" + context.patient.name() + "/" + context.patient.birthDate();
            LocalDate dateOfService = claimDate != null ? claimDate : lineDate;
            if (patientId == null) {
                problems.add(new Problem(ClaimStatus.MISSING_MEMBER_ID, "No subscriber member id (NM1*IL, NM109) for claim " + claimId));
            }
            if (dateOfService == null) {
                problems.add(new Problem(ClaimStatus.MISSING_DATE_OF_SERVICE, "No date of service (DTP*472) for claim " + claimId));
            }
            if (diagnoses.isEmpty()) {
                problems.add(new Problem(ClaimStatus.MISSING_DIAGNOSIS, "No ICD-10-CM diagnosis (HI*ABK) for claim " + claimId));
            }
            if (lines.isEmpty() || lines.stream().allMatch(l -> l.cpt.isBlank())) {
                problems.add(new Problem(ClaimStatus.MISSING_PROCEDURE, "No service line (LX/SV1) for claim " + claimId));
            }
            List<ValidateRequest.Line> mapped = new ArrayList<>();
            for (LineBuilder line : lines) {
                mapped.add(new ValidateRequest.Line(line.cpt, line.modifiers, units(line.units),
                        line.pointers.stream().map(Claim837Mapper::pointer).toList()));
            }
            ValidateRequest request = new ValidateRequest(claimId,
                    new ValidateRequest.Patient(patientId, person == null ? Sex.U : person.sex(),
                            person == null ? null : person.birthDate()),
                    new ValidateRequest.Payer(context.payerId, context.payerType == null ? PayerType.OTHER : context.payerType),
                    dateOfService, List.copyOf(diagnoses), mapped, placeOfService == null ? null
                            : new ValidateRequest.Context(null, null, null, null, null, null, placeOfService));
            Party named = context.patientParty != null ? context.patientParty : context.subscriberParty;
            NamedPatient echoed = new NamedPatient(named.name(), named.firstName(),
                    context.subscriberId == null ? "" : context.subscriberId.strip());
            Origin origin = new Origin(context.transaction, context.batchId, context.submitter, context.receiver,
                    context.billingProvider, context.billingProviderLevel);
            return new MappedClaim(claimId, position, request, List.copyOf(problems), origin, echoed, charge);
        }

        private static Integer units(String value) {
            try {
                return (int) Math.round(Double.parseDouble(value));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    private static Integer pointer(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
