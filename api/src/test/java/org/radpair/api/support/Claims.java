package org.radpair.api.support;

import java.util.UUID;

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
}
