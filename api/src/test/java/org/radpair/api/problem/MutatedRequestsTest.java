package org.radpair.api.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Random mutations of a valid claim — characters replaced, inserted, deleted, truncated, numbers at
 * their limits, unicode, control characters, deep nesting, huge arrays — never get a 500.
 */
@QuarkusTest
class MutatedRequestsTest {

    private static final String VALID = Claims.claim("CLM-MUT", "MRN-1", "2026-03-02", "70450", "R51.9", "G43.909");
    private static final String[] PIECES = {"\"", "{", "}", "[", "]", ",", ":", "null", "true", "-1", "0", "1e999",
            "99999999999999999999999", "\u0000", "\\u0000", "\u00e9", "\uD83D\uDE00", "\\ud800", "\n", "[[[[[[[[", "\"\"",
            "NaN", "{\"a\":1}", "\"R51.9\"", "\"77067\"", "\"2026-02-30\""};

    private static String mutate(Random random) {
        StringBuilder body = new StringBuilder(VALID);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && body.length() > 0; i++) {
            int at = random.nextInt(body.length());
            switch (random.nextInt(5)) {
                case 0 -> body.setCharAt(at, (char) random.nextInt(0x2FF));
                case 1 -> body.insert(at, PIECES[random.nextInt(PIECES.length)]);
                case 2 -> body.delete(at, Math.min(body.length(), at + 1 + random.nextInt(20)));
                case 3 -> body.setLength(at);
                default -> body.insert(at, "\"x\":[" + "1,".repeat(random.nextInt(5000)) + "1],");
            }
        }
        return body.toString();
    }

    @Test
    void noMutationOfAClaimGetsA500() {
        Random random = new Random(20261127L);
        String token = Tokens.validator("tenant-mutations");
        for (int i = 0; i < 300; i++) {
            String body = mutate(random);
            Response response = given().header("Authorization", token).contentType("application/json")
                    .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .when().post("/v1/claims/validate?persist=false");
            assertThat(response.statusCode()).as(body).isIn(200, 400, 413);
            if (response.statusCode() != 200) {
                assertThat(response.contentType()).as(body).startsWith("application/problem+json");
            }
        }
    }
}
