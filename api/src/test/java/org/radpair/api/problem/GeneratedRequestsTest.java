package org.radpair.api.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.radpair.api.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Claims generated field by field with jqwik's generators: any unicode (control characters, lone
 * surrogates, emoji), numbers at and past their limits, huge arrays, deep nesting, duplicate keys,
 * wrong types. Sent to the running service, recorded or not: never a 500, and every refusal is
 * problem+json. (jqwik's engine cannot start Quarkus, so its generators are sampled from a Quarkus test.)
 */
@QuarkusTest
class GeneratedRequestsTest {

    private static final int CLAIMS = 400;

    /** A JSON value that is usually a string: sometimes valid, sometimes not, sometimes another type. */
    private static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                weighted(6, Arbitraries.strings().all().ofMaxLength(40).map(GeneratedRequestsTest::quoted)),
                weighted(3, Arbitraries.of("\"R51.9\"", "\"r519\"", "\"70450\"", "\"77067-26\"", "\"Z12.31\"", "\"M54.5\"",
                        "\"\"", "\"2026-03-02\"", "\"2026-02-30\"", "\"F\"", "\"MEDICARE\"")),
                weighted(2, number()),
                weighted(1, Arbitraries.of("null", "true", "{}", "[]", "[\"R51.9\"]")));
    }

    private static Arbitrary<String> number() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "-0", "1", "-1", "12", "13", "2147483647", "2147483648", "-2147483649",
                        "9223372036854775807", "9223372036854775808", "1e308", "1e999", "-1e999", "1.5", "0.0000001",
                        "123456789012345678901234567890"),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(d -> !d.contains("Infinity") && !d.contains("NaN")));
    }

    private static Arbitrary<String> array(Arbitrary<String> element, int maxSize) {
        return element.list().ofMaxSize(maxSize).map(items -> "[" + String.join(",", items) + "]");
    }

    /** Arrays nested up to 3,000 deep: parser limits, not stack overflows. */
    private static Arbitrary<String> nested() {
        return Arbitraries.integers().between(1, 3000).map(depth -> "[".repeat(depth) + "1" + "]".repeat(depth));
    }

    private static Arbitrary<String> line() {
        return Combinators.combine(text(), array(text(), 6), Arbitraries.oneOf(number(), text()), array(number(), 6))
                .as((cpt, modifiers, units, pointers) -> "{\"cpt\":" + cpt + ",\"modifiers\":" + modifiers + ",\"units\":" + units
                        + ",\"diagnosisPointers\":" + pointers + "}");
    }

    private static Arbitrary<String> claim() {
        Arbitrary<String> patient = Combinators.combine(text(), text(), text())
                .as((id, sex, birth) -> "{\"id\":" + id + ",\"sex\":" + sex + ",\"birthDate\":" + birth + "}");
        Arbitrary<String> diagnoses = Arbitraries.oneOf(array(text(), 14), array(Arbitraries.just("\"R51.9\""), 20_000));
        Arbitrary<String> lines = Arbitraries.oneOf(array(line(), 4), array(line(), 60));
        Arbitrary<String> context = Arbitraries.oneOf(
                Combinators.combine(array(text(), 14), text()).as((found, followUp) ->
                        "{\"incidentalFindings\":" + found + ",\"followUpOf\":" + followUp + "}"),
                nested(), text());
        Arbitrary<Boolean> duplicateKey = Arbitraries.of(true, false, false, false);
        return Combinators.combine(text(), patient, text(), diagnoses, lines, context, duplicateKey)
                .as((claimId, who, dos, codes, studies, ctx, duplicate) -> "{\"claimId\":" + claimId
                        + (duplicate ? ",\"claimId\":\"again\"" : "") + ",\"patient\":" + who
                        + ",\"payer\":{\"id\":\"P\",\"type\":\"MEDICARE\"},\"dateOfService\":" + dos
                        + ",\"diagnoses\":" + codes + ",\"lines\":" + studies + ",\"context\":" + ctx + "}");
    }

    private static String quoted(String raw) {
        StringBuilder json = new StringBuilder("\"");
        raw.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                json.append('\\').appendCodePoint(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", c));
            } else {
                json.appendCodePoint(c);
            }
        });
        return json.append('"').toString();
    }

    private static Tuple2<Integer, Arbitrary<? extends String>> weighted(int weight, Arbitrary<String> arbitrary) {
        return Tuple.of(weight, arbitrary);
    }

    @Test
    void noGeneratedClaimGetsA500() {
        String token = Tokens.validator("tenant-generated");
        List<String> bodies = claim().sampleStream().limit(CLAIMS).toList();
        int index = 0;
        for (String body : bodies) {
            String query = index++ % 4 == 0 ? "" : "?persist=false";
            Response response = given().header("Authorization", token).contentType("application/json")
                    .body(body.getBytes(StandardCharsets.UTF_8))
                    .when().post("/v1/claims/validate" + query);
            String shown = body.length() > 2_000 ? body.substring(0, 2_000) + "…" : body;
            assertThat(response.statusCode()).as(shown).isIn(200, 400, 413);
            if (response.statusCode() != 200) {
                assertThat(response.contentType()).as(shown).startsWith("application/problem+json");
            }
        }
    }
}
