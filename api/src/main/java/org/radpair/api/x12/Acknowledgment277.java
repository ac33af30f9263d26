package org.radpair.api.x12;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.radpair.api.claims.ValidateResponse;
import org.radpair.api.x12.Claim837Mapper.Envelope;
import org.radpair.api.x12.Claim837Mapper.MappedClaim;
import org.radpair.api.x12.Claim837Mapper.Origin;
import org.radpair.api.x12.Claim837Mapper.Party;
import org.radpair.rules.Edit;
import org.radpair.rules.Severity;
import org.radpair.rules.Verdict;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants.Standards;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

/**
 * Writes a 277CA (ASC X12 005010X214 Health Care Claim Acknowledgment) with StAEDI's writer, validated as it is
 * written against the envelope schema StAEDI ships and RadPair's schema of the guide's subset
 * ({@code x12/277CA-005010X214.xml}). One transaction set per 837 transaction set; in each, RadPair as information
 * source (2000A), the 837's submitter as information receiver (2000B), one billing provider level per 837 billing
 * provider (2000C) and one patient level per claim (2000D) with the claim's status.
 */
final class Acknowledgment277 {

    static final String GUIDE = "005010X214";
    private static final int MESSAGE_MAX = 264;
    private static final String INFORMATION_SOURCE = "RADPAIR";
    private static final String UNKNOWN = "UNKNOWN";
    private static final Schema CONTROL;
    private static final Schema TRANSACTION;

    static {
        try {
            SchemaFactory schemas = SchemaFactory.newFactory();
            CONTROL = schemas.getControlSchema(Standards.X12, new String[] {"00501"});
            TRANSACTION = schemas.createSchema(Acknowledgment277.class.getResource("/x12/277CA-005010X214.xml"));
        } catch (EDISchemaException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final EDIOutputFactory FACTORY = EDIOutputFactory.newFactory();

    private final Envelope envelope;
    private final List<MappedClaim> claims;
    private final List<ValidateResponse> answers;
    private final Map<String, String> summaries;
    private final long controlNumber;
    private final LocalDateTime now;
    private EDIStreamWriter writer;
    private int segments;

    Acknowledgment277(Envelope envelope, List<MappedClaim> claims, List<ValidateResponse> answers,
            Map<String, String> summaries, long controlNumber, LocalDateTime now) {
        if (claims.size() != answers.size()) {
            throw new IllegalArgumentException(claims.size() + " claims but " + answers.size() + " answers");
        }
        this.envelope = envelope;
        this.claims = claims;
        this.answers = answers;
        this.summaries = summaries;
        this.controlNumber = controlNumber;
        this.now = now;
    }

    /** The statuses that answer one claim: A2:20 unless an ERROR rejects it, then one per distinct status, at most three. */
    static List<ClaimStatus> statuses(MappedClaim claim, ValidateResponse answer) {
        if (answer.verdict() != Verdict.FAIL) {
            return List.of(ClaimStatus.ACCEPTED);
        }
        Set<ClaimStatus> statuses = new LinkedHashSet<>();
        for (Edit edit : answer.edits()) {
            if (edit.severity() != Severity.ERROR) {
                continue;
            }
            if (Interchange.INCOMPLETE_RULE.equals(edit.rule())) {
                claim.problems().forEach(problem -> statuses.add(problem.status()));
                if (claim.problems().isEmpty()) {
                    statuses.add(ClaimStatus.INVALID_FIELD);
                }
            } else {
                statuses.add(ClaimStatus.of(edit));
            }
        }
        return statuses.stream().limit(3).toList();
    }

    /** The rule ids and one-line reasons of the edits that matter (errors, then warnings), for STC12. */
    String message(ValidateResponse answer) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (Severity severity : List.of(Severity.ERROR, Severity.WARNING)) {
            for (Edit edit : answer.edits()) {
                if (edit.severity() == severity && !reasons.containsKey(edit.rule())) {
                    reasons.put(edit.rule(), Interchange.INCOMPLETE_RULE.equals(edit.rule())
                            ? edit.message().replaceFirst("^.*cannot be checked: ", "")
                            : summaries.getOrDefault(edit.rule(), edit.category().name()));
                }
            }
        }
        List<String> parts = new ArrayList<>();
        reasons.forEach((rule, reason) -> parts.add(rule + " " + reason));
        String text = clean(String.join("; ", parts));
        return text.length() <= MESSAGE_MAX ? text : text.substring(0, MESSAGE_MAX - 3).strip() + "...";
    }

    byte[] write() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + 400 * claims.size());
        try {
            writer = FACTORY.createEDIStreamWriter(out);
            writer.setControlSchema(CONTROL);
            writer.setTransactionSchema(TRANSACTION);
            writer.startInterchange();
            String control = String.format("%09d", controlNumber);
            segment("ISA", "00", " ".repeat(10), "00", " ".repeat(10), qualifier(envelope.receiverQualifier()),
                    fixed(envelope.receiverId().isBlank() ? INFORMATION_SOURCE : envelope.receiverId()),
                    qualifier(envelope.senderQualifier()), fixed(envelope.senderId().isBlank() ? UNKNOWN : envelope.senderId()),
                    now.format(DateTimeFormatter.ofPattern("yyMMdd")), now.format(DateTimeFormatter.ofPattern("HHmm")),
                    "^", "00501", control, "0", "T".equals(envelope.usage()) ? "T" : "P", ":");
            segment("GS", "HN", nonBlank(envelope.groupReceiver(), INFORMATION_SOURCE), nonBlank(envelope.groupSender(), UNKNOWN),
                    date(), time(), String.valueOf(controlNumber), "X", GUIDE);
            int transactions = 0;
            int start = 0;
            while (start < claims.size()) {
                int end = start;
                int transaction = claims.get(start).origin().transaction();
                while (end < claims.size() && claims.get(end).origin().transaction() == transaction) {
                    end++;
                }
                transactions++;
                transaction(String.format("%04d", transactions), start, end);
                start = end;
            }
            segment("GE", String.valueOf(transactions), String.valueOf(controlNumber));
            segment("IEA", "1", control);
            writer.endInterchange();
            writer.close();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("The 277CA could not be written: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private void transaction(String number, int from, int to) throws EDIStreamException {
        segments = 0;
        Origin origin = claims.get(from).origin();
        segment("ST", "277", number, GUIDE);
        segment("BHT", "0085", "08", nonBlank(origin.batchId(), number), date(), time(), "TH");
        segment("HL", "1", "", "20", "1");
        segment("NM1", "AY", "2", INFORMATION_SOURCE, "", "", "", "", "46",
                id(nonBlank(origin.receiver().id(), envelope.receiverId())));
        segment("TRN", "1", "RP" + controlNumber + "-" + number);
        segment("DTP", "050", "D8", date());
        segment("DTP", "009", "D8", date());

        Totals all = totals(from, to);
        segment("HL", "2", "1", "21", "1");
        Party submitter = origin.submitter();
        segment("NM1", "41", submitter.firstName().isBlank() ? "2" : "1", name(submitter.name()), clean(submitter.firstName()),
                "", "", "", "46", id(nonBlank(submitter.id(), envelope.senderId())));
        segment("TRN", "2", nonBlank(clean(origin.batchId()), number));
        stc(ClaimStatus.RECEIVED, null, date(), "WQ", amount(all.charges()));
        totals("90", "AA", all);

        int level = 2;
        int start = from;
        while (start < to) {
            int end = start;
            int provider = claims.get(start).origin().billingProviderLevel();
            while (end < to && claims.get(end).origin().billingProviderLevel() == provider) {
                end++;
            }
            int providerLevel = ++level;
            Party billing = claims.get(start).origin().billingProvider();
            Totals totals = totals(start, end);
            segment("HL", String.valueOf(providerLevel), "2", "19", "1");
            segment("NM1", "85", billing.firstName().isBlank() ? "2" : "1", name(billing.name()), clean(billing.firstName()),
                    "", "", "", List.of("FI", "SV", "XX").contains(billing.qualifier()) ? billing.qualifier() : "XX",
                    id(billing.id()));
            segment("TRN", "1", controlNumber + "-" + number + "-" + providerLevel);
            stc(ClaimStatus.RECEIVED, "85", null, "WQ", amount(totals.charges()));
            totals("QA", "QC", totals);
            for (int i = start; i < end; i++) {
                patient(++level, providerLevel, claims.get(i), answers.get(i));
            }
            start = end;
        }
        segment("SE", String.valueOf(segments + 1), number);
    }

    private void patient(int level, int parent, MappedClaim claim, ValidateResponse answer) throws EDIStreamException {
        segment("HL", String.valueOf(level), String.valueOf(parent), "PT");
        segment("NM1", "QC", "1", name(claim.patient().lastName()), clean(claim.patient().firstName()), "", "", "", "MI",
                id(claim.patient().memberId()));
        segment("TRN", "2", clean(claim.claimId()));
        List<ClaimStatus> statuses = statuses(claim, answer);
        boolean accepted = statuses.get(0).accepted();
        String message = message(answer);
        writer.writeStartSegment("STC");
        composite(statuses.get(0));
        writer.writeElement(date()).writeElement(accepted ? "WQ" : "U").writeElement(amount(claim.charge()));
        boolean more = statuses.size() > 1 || !message.isEmpty();
        if (more) {
            for (int n = 5; n <= 9; n++) {
                writer.writeEmptyElement();
            }
            for (int n = 1; n <= 2; n++) {
                if (statuses.size() > n) {
                    composite(statuses.get(n));
                } else {
                    writer.writeEmptyElement();
                }
            }
            if (!message.isEmpty()) {
                writer.writeElement(message);
            }
        }
        endSegment();
        if (answer.auditId() != null) {
            segment("REF", "D9", answer.auditId().toString());
        }
        if (claim.request().dateOfService() != null) {
            segment("DTP", "472", "D8", claim.request().dateOfService().format(DateTimeFormatter.BASIC_ISO_DATE));
        }
    }

    private void composite(ClaimStatus status) throws EDIStreamException {
        composite(status, null);
    }

    /** STC01/10/11: category, status code and, where the status is about an entity, its entity code. */
    private void composite(ClaimStatus status, String entity) throws EDIStreamException {
        writer.writeStartElement().writeComponent(status.category()).writeComponent(status.code());
        if (entity != null) {
            writer.writeComponent(entity);
        }
        writer.endElement();
    }

    private void stc(ClaimStatus status, String entity, String date, String action, String amount) throws EDIStreamException {
        writer.writeStartSegment("STC");
        composite(status, entity);
        if (date == null) {
            writer.writeEmptyElement();
        } else {
            writer.writeElement(date);
        }
        writer.writeElement(action).writeElement(amount);
        endSegment();
    }

    private record Totals(int accepted, int rejected, BigDecimal acceptedCharges, BigDecimal rejectedCharges) {
        BigDecimal charges() {
            return acceptedCharges.add(rejectedCharges);
        }
    }

    private Totals totals(int from, int to) {
        int accepted = 0;
        BigDecimal acceptedCharges = BigDecimal.ZERO;
        BigDecimal rejectedCharges = BigDecimal.ZERO;
        for (int i = from; i < to; i++) {
            if (answers.get(i).verdict() == Verdict.FAIL) {
                rejectedCharges = rejectedCharges.add(claims.get(i).charge());
            } else {
                accepted++;
                acceptedCharges = acceptedCharges.add(claims.get(i).charge());
            }
        }
        return new Totals(accepted, to - from - accepted, acceptedCharges, rejectedCharges);
    }

    private void totals(String acceptedQualifier, String rejectedQualifier, Totals totals) throws EDIStreamException {
        if (totals.accepted() > 0) {
            segment("QTY", acceptedQualifier, String.valueOf(totals.accepted()));
        }
        if (totals.rejected() > 0) {
            segment("QTY", rejectedQualifier, String.valueOf(totals.rejected()));
        }
        if (totals.accepted() > 0) {
            segment("AMT", "YU", amount(totals.acceptedCharges()));
        }
        if (totals.rejected() > 0) {
            segment("AMT", "YY", amount(totals.rejectedCharges()));
        }
    }

    private void segment(String tag, String... elements) throws EDIStreamException {
        writer.writeStartSegment(tag);
        int last = elements.length;
        while (last > 0 && elements[last - 1].isEmpty()) {
            last--;
        }
        for (int i = 0; i < last; i++) {
            if (elements[i].isEmpty()) {
                writer.writeEmptyElement();
            } else {
                writer.writeElement(elements[i]);
            }
        }
        endSegment();
    }

    private void endSegment() throws EDIStreamException {
        writer.writeEndSegment();
        segments++;
    }

    private String date() {
        return now.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    private String time() {
        return now.format(DateTimeFormatter.ofPattern("HHmm"));
    }

    private static String amount(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String qualifier(String value) {
        return value == null || value.length() != 2 ? "ZZ" : value;
    }

    private static String fixed(String value) {
        String cleaned = clean(value);
        return cleaned.length() >= 15 ? cleaned.substring(0, 15) : cleaned + " ".repeat(15 - cleaned.length());
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String name(String value) {
        String cleaned = clean(value);
        return cleaned.isEmpty() ? UNKNOWN : cleaned.length() > 35 ? cleaned.substring(0, 35).strip() : cleaned;
    }

    /** An identifier (NM109, 2–80 characters). */
    private static String id(String value) {
        String cleaned = clean(value);
        return cleaned.length() < 2 ? UNKNOWN : cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned;
    }

    /**
     * Text as the X12 extended character set allows, without this interchange's delimiters (* : ^ ~): accents dropped,
     * anything else replaced by a space, runs of spaces collapsed.
     */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        String plain = Normalizer.normalize(value, Normalizer.Form.NFKD).replace('\u2014', '-').replace('\u2013', '-');
        StringBuilder out = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            boolean allowed = c >= 0x20 && c < 0x7f && c != '*' && c != ':' && c != '^' && c != '~';
            out.append(allowed ? c : ' ');
        }
        return out.toString().replaceAll(" {2,}", " ").strip();
    }
}
