package org.radpair.api.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assertions;
import org.radpair.api.claims.BatchValidation;
import org.radpair.api.x12.X12Fixtures.TestClaim;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random and mutated interchanges: parsing either maps claims or reports an X12 syntax problem
 * (a 400), never another exception (a 500) and never hangs.
 */
class X12PropertiesTest {

    private static final String VALID = X12Fixtures.interchange(List.of(
            TestClaim.of("P-1", "20260302", List.of("R519", "G43909"), "70450:26|1|1:2", "70551|1|2"),
            TestClaim.of("P-2", "20260302", List.of("Z1231"), "77067:26|1|1")));

    private static void parsesOrRejects(byte[] input) {
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                Interchange parsed = Interchange.read(input, BatchValidation.MAX_CLAIMS);
                assertThat(parsed.claims()).allSatisfy(claim -> assertThat(claim.request()).isNotNull());
            } catch (X12SyntaxException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        });
    }

    @Property(tries = 300)
    void randomBytesNeverBreakTheParser(@ForAll byte[] input) {
        parsesOrRejects(input);
    }

    @Property(tries = 300)
    void randomTextNeverBreakTheParser(@ForAll String input) {
        parsesOrRejects(input.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 500)
    void mutatedInterchangesNeverBreakTheParser(@ForAll("mutations") String mutated) {
        parsesOrRejects(mutated.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, VALID.length() - 1);
        Arbitrary<Character> character = Arbitraries.of('*', ':', '~', '^', '\n', 'A', '9', ' ', '\u0000', 'é');
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 3);
        return Combinators.combine(position, character, kind, Arbitraries.integers().between(1, 40)).as((at, c, k, n) -> {
            switch (k) {
                case 0: return VALID.substring(0, at) + c + VALID.substring(at + 1);
                case 1: return VALID.substring(0, at) + VALID.substring(Math.min(VALID.length(), at + n));
                case 2: return VALID.substring(0, at);
                default: return VALID.substring(0, at) + String.valueOf(c).repeat(n) + VALID.substring(at);
            }
        });
    }
}
