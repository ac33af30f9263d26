package org.radpair.api.support;

import java.time.LocalDate;
import java.util.UUID;

import org.radpair.audit.AuditRecord;

/** Request bodies for tests. Each test uses its own claim ids and tenants: audit rows are never deleted. */
public final class Claims {

    private Claims() {
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
