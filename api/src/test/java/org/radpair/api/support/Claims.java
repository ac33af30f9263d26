package org.radpair.api.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.radpair.audit.AuditRecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Request bodies for tests. Each test uses its own claim ids and tenants: audit rows are never deleted.
 * {@link #claim()} builds a body field by field; {@link #claim(String, String, String, String, String...)} is the
 * fixed text that tests of bad input edit with {@code String.replace}.
 */
public final class Claims {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Claims() {
    }

    /**
     * A claim body to fill in: a unique claim id, patient MRN-4411 (F, born 1961-04-02), Medicare, served 2026-03-02;
     * no diagnoses, lines or context until given. {@code claim().patient("MRN-1").diagnoses("R51.9").line("70450", 1)}.
     */
    public static ClaimBody claim() {
        return new ClaimBody();
    }

    /** A service line, for what {@link ClaimBody#line(String, int...)} does not say: modifiers, units. */
    public static LineBody line(String cpt) {
        return new LineBody(cpt);
    }

    /** A claim body under construction; a field set to null is left out of the JSON. */
    public static final class ClaimBody {

        private String claimId = uniqueId("CLM");
        private String patientId = "MRN-4411";
        private String sex = "F";
        private String birthDate = "1961-04-02";
        private String payerId = "MEDICARE-JL";
        private String payerType = "MEDICARE";
        private String dateOfService = "2026-03-02";
        private final List<String> diagnoses = new ArrayList<>();
        private final List<LineBody> lines = new ArrayList<>();
        private ObjectNode context;

        private ClaimBody() {
        }

        public ClaimBody id(String claimId) {
            this.claimId = claimId;
            return this;
        }

        public ClaimBody patient(String patientId) {
            this.patientId = patientId;
            return this;
        }

        public ClaimBody sex(String sex) {
            this.sex = sex;
            return this;
        }

        /** The patient as an identifier only, without sex or birth date. */
        public ClaimBody withoutDemographics() {
            return sex(null).birthDate(null);
        }

        public ClaimBody birthDate(String birthDate) {
            this.birthDate = birthDate;
            return this;
        }

        public ClaimBody payer(String id, String type) {
            this.payerId = id;
            this.payerType = type;
            return this;
        }

        public ClaimBody withoutPayer() {
            return payer(null, null);
        }

        public ClaimBody dateOfService(String dateOfService) {
            this.dateOfService = dateOfService;
            return this;
        }

        public ClaimBody diagnoses(String... codes) {
            diagnoses.addAll(List.of(codes));
            return this;
        }

        /** A line pointing to these diagnoses (1 is the first; none: an empty list of pointers). */
        public ClaimBody line(String cpt, int... diagnosisPointers) {
            return line(Claims.line(cpt).pointers(diagnosisPointers));
        }

        public ClaimBody line(LineBody line) {
            lines.add(line);
            return this;
        }

        public ClaimBody incidentalFindings(String... codes) {
            ArrayNode findings = context().putArray("incidentalFindings");
            List.of(codes).forEach(findings::add);
            return this;
        }

        public ClaimBody priorBirads(int category) {
            context().put("priorBirads", category);
            return this;
        }

        public ClaimBody followUpOf(String claimId) {
            context().put("followUpOf", claimId);
            return this;
        }

        private ObjectNode context() {
            if (context == null) {
                context = JSON.createObjectNode();
            }
            return context;
        }

        public String toJson() {
            ObjectNode claim = JSON.createObjectNode().put("claimId", claimId);
            ObjectNode patient = claim.putObject("patient").put("id", patientId);
            putIfSet(patient, "sex", sex);
            putIfSet(patient, "birthDate", birthDate);
            if (payerId != null || payerType != null) {
                ObjectNode payer = claim.putObject("payer");
                putIfSet(payer, "id", payerId);
                putIfSet(payer, "type", payerType);
            }
            claim.put("dateOfService", dateOfService);
            ArrayNode codes = claim.putArray("diagnoses");
            diagnoses.forEach(codes::add);
            ArrayNode studies = claim.putArray("lines");
            lines.forEach(line -> studies.add(line.toNode()));
            if (context != null) {
                claim.set("context", context);
            }
            return claim.toString();
        }

        @Override
        public String toString() {
            return toJson();
        }
    }

    /** A service line under construction. */
    public static final class LineBody {

        private final String cpt;
        private final List<String> modifiers = new ArrayList<>();
        private Integer units;
        private int[] pointers = new int[0];

        private LineBody(String cpt) {
            this.cpt = cpt;
        }

        public LineBody modifiers(String... modifiers) {
            this.modifiers.addAll(List.of(modifiers));
            return this;
        }

        public LineBody units(int units) {
            this.units = units;
            return this;
        }

        public LineBody pointers(int... diagnosisPointers) {
            this.pointers = diagnosisPointers.clone();
            return this;
        }

        private ObjectNode toNode() {
            ObjectNode line = JSON.createObjectNode().put("cpt", cpt);
            if (!modifiers.isEmpty()) {
                ArrayNode codes = line.putArray("modifiers");
                modifiers.forEach(codes::add);
            }
            if (units != null) {
                line.put("units", units);
            }
            ArrayNode diagnosisPointers = line.putArray("diagnosisPointers");
            for (int pointer : pointers) {
                diagnosisPointers.add(pointer);
            }
            return line;
        }
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    public static String tenant() {
        return uniqueId("tenant");
    }

    /** A claim with one line pointing to every diagnosis listed. */
    public static String claim(String claimId, String patientId, String dos, String cpt, String... diagnoses) {
        StringBuilder codes = new StringBuilder();
        StringBuilder pointers = new StringBuilder();
        for (int i = 0; i < diagnoses.length; i++) {
            codes.append(i == 0 ? "" : ",").append('"').append(diagnoses[i]).append('"');
            if (i < 4) {
                pointers.append(i == 0 ? "" : ",").append(i + 1);
            }
        }
        return """
                {"claimId":"%s","patient":{"id":"%s","sex":"F","birthDate":"1961-04-02"},
                 "payer":{"id":"MEDICARE-JL","type":"MEDICARE"},"dateOfService":"%s",
                 "diagnoses":[%s],
                 "lines":[{"cpt":"%s","modifiers":["26"],"units":1,"diagnosisPointers":[%s]}],
                 "context":{"purpose":null,"priorBirads":null,"incidentalFindings":[],"followUpOf":null,"smoking":null,"ruleOut":false}}
                """.formatted(claimId, patientId, dos, codes, cpt, pointers);
    }

    public static String screeningMammogram(String claimId) {
        return claim(claimId, "MRN-4411", "2026-03-02", "77067", "Z12.31");
    }

    /** An audit row as the service would record it for a one-line head CT, before its version is set. */
    public static AuditRecord auditRecord(String tenant, String claimId, String requestHash, String verdict) {
        AuditRecord record = new AuditRecord();
        record.tenant = tenant;
        record.claimId = claimId;
        record.patientKey = "0".repeat(64);
        record.requestHash = requestHash;
        record.dateOfService = LocalDate.parse("2026-03-02");
        record.payerType = "MEDICARE";
        record.cpts = new String[] {"70450"};
        record.diagnoses = new String[] {"R51.9"};
        record.verdict = verdict;
        record.rules = new String[0];
        record.categories = new String[0];
        record.rulesetVersion = "test";
        record.request = "{\"claimId\":\"" + claimId + "\",\"hash\":\"" + requestHash + "\"}";
        record.result = "{\"verdict\":\"" + verdict + "\"}";
        return record;
    }
}
