package org.radpair.api.x12;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.radpair.api.claims.BatchValidation;
import org.radpair.api.support.Tokens;
import org.radpair.api.x12.X12Fixtures.TestClaim;

import io.quarkus.test.junit.QuarkusTest;

/** An X12 interchange holds at most as many claims as an NDJSON batch (10,000): past it, 413 while reading. */
@QuarkusTest
class X12CapTest {

    private static byte[] interchangeOf(int claims) {
        List<TestClaim> list = new ArrayList<>(claims);
        for (int i = 0; i < claims; i++) {
            list.add(TestClaim.of("CAP-" + i, "20260302", List.of("R519"), "70450:26|1|1"));
        }
        return X12Fixtures.interchange(list).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theClaimPastTheCapStopsTheParse() {
        assertThat(Interchange.read(interchangeOf(BatchValidation.MAX_CLAIMS), BatchValidation.MAX_CLAIMS).claims()).hasSize(BatchValidation.MAX_CLAIMS);
        assertThatThrownBy(() -> Interchange.read(interchangeOf(BatchValidation.MAX_CLAIMS + 1), BatchValidation.MAX_CLAIMS))
                .isInstanceOf(X12Resource.TooManyClaims.class).hasMessageContaining("10000");
    }

    @Test
    void anInterchangeOverTheCapIs413ProblemJson() {
        given().header("Authorization", Tokens.validator("tenant-x12-cap")).contentType("application/edi-x12")
                .body(interchangeOf(BatchValidation.MAX_CLAIMS + 1)).when().post("/v1/x12/837p?persist=false").then()
                .statusCode(413).contentType("application/problem+json").body("status", equalTo(413))
                .body("detail", containsString("10000"));
    }
}
