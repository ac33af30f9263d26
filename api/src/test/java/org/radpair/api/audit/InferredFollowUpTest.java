package org.radpair.api.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;
import org.radpair.api.x12.X12Fixtures;
import org.radpair.api.x12.X12Fixtures.TestClaim;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Issue 19: findings opened and followed up without {@code incidentalFindings} or {@code followUpOf}, from the
 * claims themselves, through JSON and X12 alike, on a real PostgreSQL.
 */
@QuarkusTest
class InferredFollowUpTest {

    /** The finding, the study that found it (coded second, after the symptom), the follow-up study. */
    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("R91.1", "R10.9", "74177", "71250"),
                Arguments.of("K76.89", "R10.9", "74177", "76705"),
                Arguments.of("K76.89", "R10.9", "74177", "74183"),
                Arguments.of("E04.1", "R07.9", "71260", "76536"),
                Arguments.of("E27.8", "R07.9", "71260", "74150"),
                Arguments.of("N83.201", "R10.9", "74177", "76856"),
                Arguments.of("D32.9", "R51.9", "70450", "70553"),
                Arguments.of("N28.89", "R10.9", "74177", "76770"),
                Arguments.of("N28.89", "R10.9", "74177", "76775"),
                Arguments.of("N28.89", "R10.9", "74177", "74178"),
                Arguments.of("K86.2", "R10.9", "74177", "74183"),
                Arguments.of("I77.811", "R10.9", "74177", "76775"));
    }

    private static String body(String claimId, String patient, String dos, String cpt, String context, String... diagnoses) {
        StringBuilder codes = new StringBuilder();
        StringBuilder pointers = new StringBuilder();
        for (int i = 0; i < diagnoses.length; i++) {
            codes.append(i == 0 ? "" : ",").append('"').append(diagnoses[i]).append('"');
            pointers.append(i == 0 ? "" : ",").append(i + 1);
        }
        return """
                {"claimId":"%s","patient":{"id":"%s","sex":"F","birthDate":"1961-04-02"},
                 "payer":{"id":"MEDICARE-JL","type":"MEDICARE"},"dateOfService":"%s","diagnoses":[%s],
                 "lines":[{"cpt":"%s","modifiers":["26"],"diagnosisPointers":[%s]}],"context":{%s}}
                """.formatted(claimId, patient, dos, codes, cpt, pointers, context);
    }

    private static ValidatableResponse validate(String tenant, String body) {
        return validate(tenant, body, "");
    }

    private static ValidatableResponse validate(String tenant, String body, String query) {
        return given().header("Authorization", Tokens.validator(tenant)).contentType(ContentType.JSON).body(body)
                .when().post("/v1/claims/validate" + query).then().statusCode(200);
    }

    private static ValidatableResponse x12(String tenant, TestClaim claim) {
        return given().header("Authorization", Tokens.validator(tenant)).contentType("application/edi-x12")
                .body(X12Fixtures.interchange(List.of(claim)).getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/x12/837p").then().statusCode(200);
    }

    private static TestClaim x12Claim(String claimId, String member, String dos, String cpt, String... diagnoses) {
        StringBuilder pointers = new StringBuilder();
        for (int i = 1; i <= diagnoses.length; i++) {
            pointers.append(i == 1 ? "" : ":").append(i);
        }
        List<String> undotted = Stream.of(diagnoses).map(code -> code.replace(".", "")).toList();
        return new TestClaim(claimId, member, "19610402", "F", "MB", dos, undotted, List.of(cpt + ":26|1|" + pointers), true);
    }

    private static ValidatableResponse finding(String tenant, String findingId) {
        return given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/findings/" + findingId)
                .then().statusCode(200);
    }

    @ParameterizedTest(name = "JSON: {0} found on {2}, followed up by {3}")
    @MethodSource("pairs")
    void eachPairClosesAnInferredFindingThroughJson(String code, String symptom, String foundOn, String followUpCpt) {
        String tenant = Claims.tenant();
        String patient = Claims.uniqueId("MRN");
        String found = Claims.uniqueId("CT");
        String findingId = validate(tenant, body(found, patient, "2026-03-02", foundOn, "", symptom, code))
                .body("followUp.openFindings", hasSize(1))
                .body("followUp.openFindings[0].code", equalTo(code))
                .body("followUp.openFindings[0].openedBy", equalTo(found))
                .body("followUp.openFindings[0].openedHow", equalTo("INFERRED"))
                .body("followUp.openFindings[0].openingRule", equalTo("FINDING-SECONDARY"))
                .body("followUp.openFindings[0].dueOn", notNullValue())
                .extract().path("followUp.openFindings[0].findingId");

        String followUp = Claims.uniqueId("FU");
        validate(tenant, body(followUp, patient, "2026-04-20", followUpCpt, "", code))
                .body("followUp.openFindings", hasSize(0))
                .body("followUp.closedFindings", hasSize(1))
                .body("followUp.closedFindings[0].findingId", equalTo(findingId))
                .body("followUp.closedFindings[0].status", equalTo("FOLLOWED_UP"))
                .body("followUp.closedFindings[0].followedUpHow", equalTo("INFERRED"))
                .body("followUp.closedFindings[0].followUpRule", equalTo("FOLLOWUP-CODE"));

        finding(tenant, findingId)
                .body("finding.status", equalTo("FOLLOWED_UP"))
                .body("finding.openedHow", equalTo("INFERRED"))
                .body("finding.resolvedBy", equalTo(followUp))
                .body("finding.followedUpHow", equalTo("INFERRED"))
                .body("finding.followUpRule", equalTo("FOLLOWUP-CODE"))
                .body("finding.overdue", equalTo(false))
                .body("events", hasSize(2))
                .body("events[1].reason", equalTo("inferred from the claim: FOLLOWUP-CODE"));
        // The worklist says the same of it: opened and followed up by inference, when it was due, not overdue.
        given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/findings?status=FOLLOWED_UP").then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].findingId", equalTo(findingId))
                .body("items[0].openedBy", equalTo(found))
                .body("items[0].openedHow", equalTo("INFERRED"))
                .body("items[0].openingRule", equalTo("FINDING-SECONDARY"))
                .body("items[0].dueOn", notNullValue())
                .body("items[0].overdue", equalTo(false))
                .body("items[0].resolvedBy", equalTo(followUp))
                .body("items[0].followedUpHow", equalTo("INFERRED"))
                .body("items[0].followUpRule", equalTo("FOLLOWUP-CODE"));
    }

    @ParameterizedTest(name = "X12: {0} found on {2}, followed up by {3}")
    @MethodSource("pairs")
    void eachPairClosesAnInferredFindingThroughX12(String code, String symptom, String foundOn, String followUpCpt) {
        String tenant = Claims.tenant();
        String member = "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String found = Claims.uniqueId("X12");
        String findingId = x12(tenant, x12Claim(found, member, "20260302", foundOn, symptom, code))
                .body("claims[0].followUp.openFindings", hasSize(1))
                .body("claims[0].followUp.openFindings[0].code", equalTo(code))
                .body("claims[0].followUp.openFindings[0].openedHow", equalTo("INFERRED"))
                .extract().path("claims[0].followUp.openFindings[0].findingId");

        x12(tenant, x12Claim(Claims.uniqueId("X12"), member, "20260420", followUpCpt, code))
                .body("claims[0].followUp.closedFindings", hasSize(1))
                .body("claims[0].followUp.closedFindings[0].findingId", equalTo(findingId))
                .body("claims[0].followUp.closedFindings[0].followedUpHow", equalTo("INFERRED"));
        finding(tenant, findingId).body("finding.status", equalTo("FOLLOWED_UP"));
    }

    @Test
    void aKneeXrayAnotherPatientAndAnotherTenantCloseNothing() {
        String tenant = Claims.tenant();
        String patient = Claims.uniqueId("MRN");
        String findingId = validate(tenant, body(Claims.uniqueId("CT"), patient, "2026-03-02", "74177", "", "R10.9", "N28.89"))
                .extract().path("followUp.openFindings[0].findingId");
        assertThat(findingId).isNotNull();

        // A knee X-ray of the same patient, even coded with the finding first (a coding slip): not a follow-up.
        validate(tenant, body(Claims.uniqueId("XR"), patient, "2026-04-01", "73560", "", "N28.89"))
                .body("followUp.closedFindings", hasSize(0));
        validate(tenant, body(Claims.uniqueId("XR"), patient, "2026-04-01", "73560", "", "M25.561"))
                .body("followUp.closedFindings", hasSize(0));
        // The right study and code, for another patient of the tenant, or the same patient id in another tenant.
        validate(tenant, body(Claims.uniqueId("US"), Claims.uniqueId("MRN"), "2026-04-01", "76770", "", "N28.89"))
                .body("followUp.closedFindings", hasSize(0));
        validate(Claims.tenant(), body(Claims.uniqueId("US"), patient, "2026-04-01", "76770", "", "N28.89"))
                .body("followUp.closedFindings", hasSize(0));
        // The right region and modality with an unrelated first-listed diagnosis.
        validate(tenant, body(Claims.uniqueId("CT"), patient, "2026-04-02", "74177", "", "K35.80"))
                .body("followUp.closedFindings", hasSize(0));

        finding(tenant, findingId).body("finding.status", equalTo("OPEN")).body("events", hasSize(1));
    }

    @Test
    void followUpOfStillWinsOverTheOldestOpenFinding() {
        String tenant = Claims.tenant();
        String patient = Claims.uniqueId("MRN");
        String first = Claims.uniqueId("CT");
        String older = validate(tenant, body(first, patient, "2026-01-05", "74177", "\"incidentalFindings\":[\"N28.89\"]",
                "R10.9", "N28.89"))
                .body("followUp.openFindings[0].openedHow", equalTo("EXPLICIT"))
                .body("followUp.openFindings[0].openingRule", nullValue())
                .extract().path("followUp.openFindings[0].findingId");
        String second = Claims.uniqueId("CT");
        String newer = validate(tenant, body(second, patient, "2026-02-05", "74177", "\"incidentalFindings\":[\"N28.1\"]",
                "R10.9", "N28.1"))
                .extract().path("followUp.openFindings[0].findingId");

        // Named: the newer one is followed up, explicitly, although the older one is of the same family.
        validate(tenant, body(Claims.uniqueId("US"), patient, "2026-03-01", "76770", "\"followUpOf\":\"" + second + "\"", "N28.1"))
                .body("followUp.closedFindings", hasSize(1))
                .body("followUp.closedFindings[0].findingId", equalTo(newer))
                .body("followUp.closedFindings[0].followedUpHow", equalTo("EXPLICIT"))
                .body("followUp.closedFindings[0].followUpRule", equalTo("FOLLOWUP-EXPLICIT"));
        finding(tenant, older).body("finding.status", equalTo("OPEN"));

        // Not named: the oldest open finding of the family is the one followed up.
        validate(tenant, body(Claims.uniqueId("MR"), patient, "2026-03-10", "74183", "", "C64.1"))
                .body("followUp.closedFindings[0].findingId", equalTo(older))
                .body("followUp.closedFindings[0].followUpRule", equalTo("FOLLOWUP-RESULT"));
    }

    @Test
    void whatIfAnswersWhatWouldOpenAndCloseAndStoresNothing() {
        String tenant = Claims.tenant();
        String patient = Claims.uniqueId("MRN");
        String ct = Claims.uniqueId("CT");
        validate(tenant, body(ct, patient, "2026-03-02", "74177", "", "R10.9", "R91.1"), "?persist=false")
                .body("auditId", nullValue())
                .body("followUp.openFindings", hasSize(1))
                .body("followUp.openFindings[0].findingId", nullValue())
                .body("followUp.openFindings[0].openedHow", equalTo("INFERRED"));
        given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/findings").then().statusCode(200)
                .body("items", hasSize(0));

        String findingId = validate(tenant, body(ct, patient, "2026-03-02", "74177", "", "R10.9", "R91.1"))
                .extract().path("followUp.openFindings[0].findingId");
        validate(tenant, body(Claims.uniqueId("CT"), patient, "2026-05-02", "71250", "", "R91.1"), "?persist=false")
                .body("followUp.closedFindings", hasSize(1))
                .body("followUp.closedFindings[0].findingId", equalTo(findingId))
                .body("followUp.closedFindings[0].followedUpHow", equalTo("INFERRED"));
        finding(tenant, findingId).body("finding.status", equalTo("OPEN"));
    }

    @Test
    void theWorklistSaysHowEachFindingWasOpenedWhenItIsDueAndWhetherItIsOverdue() {
        String tenant = Claims.tenant();
        String patient = Claims.uniqueId("MRN");
        // A thyroid nodule seen on a chest CT last January is due three months later: overdue now.
        String thyroid = validate(tenant, body(Claims.uniqueId("CT"), patient, "2026-01-10", "71260", "", "R07.9", "E04.1"))
                .body("followUp.openFindings[0].dueOn", equalTo("2026-04-10"))
                .extract().path("followUp.openFindings[0].findingId");
        String explicit = validate(tenant, body(Claims.uniqueId("CT"), patient, "2026-11-20", "70450",
                "\"incidentalFindings\":[\"D32.9\"]", "R51.9", "D32.9"))
                .body("followUp.openFindings", hasSize(1))
                .body("followUp.openFindings[0].dueOn", equalTo("2027-11-20"))
                .extract().path("followUp.openFindings[0].findingId");

        given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/findings?status=OPEN").then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.find { it.findingId == '" + thyroid + "' }.openedHow", equalTo("INFERRED"))
                .body("items.find { it.findingId == '" + thyroid + "' }.openingRule", equalTo("FINDING-SECONDARY"))
                .body("items.find { it.findingId == '" + thyroid + "' }.overdue", equalTo(true))
                .body("items.find { it.findingId == '" + thyroid + "' }.regions", hasItem("NECK"))
                .body("items.find { it.findingId == '" + explicit + "' }.openedHow", equalTo("EXPLICIT"))
                .body("items.find { it.findingId == '" + explicit + "' }.overdue", equalTo(false));
        given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/findings?overdue=true").then()
                .statusCode(200)
                .body("items.findingId", equalTo(List.of(thyroid)))
                .body("items.findingId", not(hasItem(explicit)));
        given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/findings?overdue=maybe").then()
                .statusCode(400);
    }

    @Test
    void aClaimReSentAsANewVersionKeepsItsInferredFindingAndClosesNothingOfItsOwn() {
        String tenant = Claims.tenant();
        String patient = Claims.uniqueId("MRN");
        String ct = Claims.uniqueId("CT");
        String findingId = validate(tenant, body(ct, patient, "2026-03-02", "74177", "", "R10.9", "K86.2"))
                .extract().path("followUp.openFindings[0].findingId");
        // Version 2, corrected: the same finding answers, the claim does not follow up its own finding.
        validate(tenant, body(ct, patient, "2026-03-02", "74177", "", "R10.84", "K86.2"))
                .body("version", equalTo(2))
                .body("followUp.openFindings[0].findingId", equalTo(findingId))
                .body("followUp.closedFindings", hasSize(0));
        given().header("Authorization", Tokens.auditor(tenant)).when().get("/v1/audit/findings").then().statusCode(200)
                .body("items", hasSize(1));
    }
}
