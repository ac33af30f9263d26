package org.radpair.api.x12;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;

/** Reads a 277CA back with StAEDI, validating it against the envelope schema and RadPair's 005010X214 schema. */
public final class Acknowledgments {

    /** One segment: tag and elements, each a list of components. */
    public record Segment(String tag, List<List<String>> elements) {
        public String element(int n) {
            return n <= elements.size() && !elements.get(n - 1).isEmpty() ? elements.get(n - 1).get(0) : "";
        }

        /** Element n's components joined with ':' (a composite as written). */
        public String composite(int n) {
            return n <= elements.size() ? String.join(":", elements.get(n - 1)) : "";
        }
    }

    /** What a 277CA says of one claim (2000D). */
    public record ClaimAck(String claimId, String hl, String parentHl, List<String> statuses, String action, String charge,
            String message, String patientLast, String memberId, String auditId, String serviceDate) {
    }

    private Acknowledgments() {
    }

    /** Every segment, in order; fails on any syntax or validation error StAEDI reports. */
    public static List<Segment> read(byte[] acknowledgment) {
        List<Segment> segments = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (EDIStreamReader reader = EDIInputFactory.newFactory().createEDIStreamReader(new ByteArrayInputStream(acknowledgment))) {
            Schema schema = SchemaFactory.newFactory().createSchema(Acknowledgments.class.getResource("/x12/277CA-005010X214.xml"));
            String tag = null;
            List<List<String>> elements = null;
            List<String> composite = null;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case START_TRANSACTION -> reader.setTransactionSchema(schema);
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        elements = new ArrayList<>();
                    }
                    case START_COMPOSITE -> composite = new ArrayList<>();
                    case END_COMPOSITE -> {
                        pad(elements, reader.getLocation().getElementPosition() - 1);
                        elements.add(composite);
                        composite = null;
                    }
                    case ELEMENT_DATA -> {
                        if (composite != null) {
                            composite.add(reader.getText());
                        } else {
                            pad(elements, reader.getLocation().getElementPosition() - 1);
                            elements.add(List.of(reader.getText()));
                        }
                    }
                    case END_SEGMENT -> segments.add(new Segment(tag, elements));
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> errors.add(reader.getErrorType()
                            + " at " + reader.getLocation().getSegmentTag() + " #" + reader.getLocation().getSegmentPosition()
                            + " element " + reader.getLocation().getElementPosition() + " '" + reader.getText() + "'");
                    default -> { }
                }
            }
        } catch (EDIStreamException | EDISchemaException | IOException e) {
            throw new AssertionError("The 277CA does not read back: " + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            throw new AssertionError("The 277CA has validation errors: " + errors);
        }
        return segments;
    }

    private static void pad(List<List<String>> elements, int upTo) {
        while (elements.size() < upTo) {
            elements.add(List.of());
        }
    }

    /** Each claim's acknowledgment by claim id (TRN02 of its 2000D), in order. */
    public static Map<String, ClaimAck> claims(List<Segment> segments) {
        Map<String, ClaimAck> claims = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment hl = segments.get(i);
            if (!hl.tag().equals("HL") || !hl.element(3).equals("PT")) {
                continue;
            }
            Segment name = segments.get(i + 1);
            Segment trn = segments.get(i + 2);
            Segment stc = segments.get(i + 3);
            List<String> statuses = new ArrayList<>();
            for (int n : new int[] {1, 10, 11}) {
                if (!stc.composite(n).isEmpty()) {
                    statuses.add(stc.composite(n));
                }
            }
            String auditId = null;
            String serviceDate = null;
            for (int j = i + 4; j < segments.size() && !segments.get(j).tag().equals("HL") && !segments.get(j).tag().equals("SE"); j++) {
                Segment next = segments.get(j);
                if (next.tag().equals("REF") && next.element(1).equals("D9")) {
                    auditId = next.element(2);
                } else if (next.tag().equals("DTP") && next.element(1).equals("472")) {
                    serviceDate = next.element(3);
                }
            }
            claims.put(trn.element(2), new ClaimAck(trn.element(2), hl.element(1), hl.element(2), statuses, stc.element(3),
                    stc.element(4), stc.element(12), name.element(3), name.element(9), auditId, serviceDate));
        }
        return claims;
    }

    /** The segments with this tag. */
    public static List<Segment> all(List<Segment> segments, String tag) {
        return segments.stream().filter(segment -> segment.tag().equals(tag)).toList();
    }
}
