package org.radpair.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;

import org.jose4j.jwt.JwtClaims;

/** The token cache in front of SmallRye JWT's parser: what it remembers, for how long, and what it never remembers. */
class VerifiedTokensTest {

    /** A verification standing in for SmallRye's parser: it accepts the tokens it was told to, with the given times, and counts its work. */
    static final class CountingParser {
        final List<String> parsed = new ArrayList<>();
        final Set<String> good;
        final long issuedAt;
        final long expiresAt;

        CountingParser(Set<String> good, long issuedAt, long expiresAt) {
            this.good = good;
            this.issuedAt = issuedAt;
            this.expiresAt = expiresAt;
        }

        JsonWebToken parse(String token) throws ParseException {
            parsed.add(token);
            if (!good.contains(token)) {
                throw new ParseException("bad signature");
            }
            JwtClaims claims = new JwtClaims();
            claims.setSubject(token);
            claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(issuedAt));
            claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(expiresAt));
            return new DefaultJWTCallerPrincipal(token, "JWT", claims);
        }
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    @Test
    void aTokenIsVerifiedOnceAndEachDistinctTokenOnItsOwn() throws Exception {
        CountingParser parser = new CountingParser(Set.of("a.b.c", "a.b.d"), now(), now() + 3600);
        RememberedTokens tokens = new RememberedTokens(Duration.ofMinutes(1), 86_400);
        JsonWebToken first = tokens.parse("a.b.c", parser::parse);
        assertThat(tokens.parse("a.b.c", parser::parse)).isSameAs(first);
        assertThat(tokens.parse("a.b.d", parser::parse).getSubject()).isEqualTo("a.b.d");
        assertThat(parser.parsed).containsExactly("a.b.c", "a.b.d");
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        CountingParser parser = new CountingParser(Set.of("good"), now(), now() + 3600);
        RememberedTokens tokens = new RememberedTokens(Duration.ofMinutes(1), 86_400);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.parse("forged", parser::parse)).isInstanceOf(ParseException.class);
        }
        assertThat(parser.parsed).containsExactly("forged", "forged", "forged");
    }

    @Test
    void anExpiredTokenIsVerifiedAgainEveryTime() throws Exception {
        CountingParser parser = new CountingParser(Set.of("old"), now() - 7200, now() - 1);
        RememberedTokens tokens = new RememberedTokens(Duration.ofMinutes(1), 86_400);
        tokens.parse("old", parser::parse);
        tokens.parse("old", parser::parse);
        assertThat(parser.parsed).hasSize(2);
    }

    @Test
    void aZeroLifetimeTurnsTheCacheOff() throws Exception {
        CountingParser parser = new CountingParser(Set.of("t"), now(), now() + 3600);
        RememberedTokens tokens = new RememberedTokens(Duration.ZERO, 86_400);
        tokens.parse("t", parser::parse);
        tokens.parse("t", parser::parse);
        assertThat(parser.parsed).hasSize(2);
    }

    @Test
    void rememberedUntilTheFirstOfExpiryMaximumAgeAndLifetime() throws Exception {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long t = now.getEpochSecond();
        Duration minute = Duration.ofMinutes(1);
        assertThat(RememberedTokens.remembered(principal(t - 10, t + 3600), now, minute, 86_400)).isEqualTo(minute);
        assertThat(RememberedTokens.remembered(principal(t - 10, t + 20), now, minute, 86_400)).isEqualTo(Duration.ofSeconds(20));
        // Issued 86,390 s ago with a maximum age of a day: 10 s left, whatever its exp says.
        assertThat(RememberedTokens.remembered(principal(t - 86_390, t + 3600), now, minute, 86_400)).isEqualTo(Duration.ofSeconds(10));
        assertThat(RememberedTokens.remembered(principal(t - 100, t - 5), now, minute, 86_400)).isEqualTo(Duration.ZERO);
        // No maximum age configured (-1): only exp and the lifetime count.
        assertThat(RememberedTokens.remembered(principal(t - 90_000, t + 3600), now, minute, -1)).isEqualTo(minute);
    }

    @Test
    void theKeyIsTheWholeTokenSignatureIncluded() {
        assertThat(Sha256.hex("h.p.s1")).isNotEqualTo(Sha256.hex("h.p.s2")).hasSize(64);
    }

    private static JsonWebToken principal(long issuedAt, long expiresAt) throws Exception {
        return new CountingParser(Set.of("x"), issuedAt, expiresAt).parse("x");
    }
}
