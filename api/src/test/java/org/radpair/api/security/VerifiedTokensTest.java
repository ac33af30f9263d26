package org.radpair.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.crypto.SecretKey;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

import org.jose4j.jwt.JwtClaims;

/** The token cache in front of SmallRye JWT's parser: what it remembers, for how long, and what it never remembers. */
class VerifiedTokensTest {

    /** A parser standing in for SmallRye's: it accepts the tokens it was told to, with the given times, and counts its work. */
    static final class CountingParser implements JWTParser {
        final List<String> parsed = new ArrayList<>();
        final Set<String> good;
        final long issuedAt;
        final long expiresAt;

        CountingParser(Set<String> good, long issuedAt, long expiresAt) {
            this.good = good;
            this.issuedAt = issuedAt;
            this.expiresAt = expiresAt;
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
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

        @Override
        public JsonWebToken parse(String token, JWTAuthContextInfo context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, PublicKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, SecretKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, PrivateKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, SecretKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken parseOnly(String token) {
            throw new UnsupportedOperationException();
        }
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    @Test
    void aTokenIsVerifiedOnceAndEachDistinctTokenOnItsOwn() throws Exception {
        CountingParser parser = new CountingParser(Set.of("a.b.c", "a.b.d"), now(), now() + 3600);
        VerifiedTokens tokens = new VerifiedTokens(parser, Duration.ofMinutes(1), 86_400);
        JsonWebToken first = tokens.parse("a.b.c");
        assertThat(tokens.parse("a.b.c")).isSameAs(first);
        assertThat(tokens.parse("a.b.d").getSubject()).isEqualTo("a.b.d");
        assertThat(parser.parsed).containsExactly("a.b.c", "a.b.d");
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        CountingParser parser = new CountingParser(Set.of("good"), now(), now() + 3600);
        VerifiedTokens tokens = new VerifiedTokens(parser, Duration.ofMinutes(1), 86_400);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.parse("forged")).isInstanceOf(ParseException.class);
        }
        assertThat(parser.parsed).containsExactly("forged", "forged", "forged");
    }

    @Test
    void anExpiredTokenIsVerifiedAgainEveryTime() throws Exception {
        CountingParser parser = new CountingParser(Set.of("old"), now() - 7200, now() - 1);
        VerifiedTokens tokens = new VerifiedTokens(parser, Duration.ofMinutes(1), 86_400);
        tokens.parse("old");
        tokens.parse("old");
        assertThat(parser.parsed).hasSize(2);
    }

    @Test
    void aZeroLifetimeTurnsTheCacheOff() throws Exception {
        CountingParser parser = new CountingParser(Set.of("t"), now(), now() + 3600);
        VerifiedTokens tokens = new VerifiedTokens(parser, Duration.ZERO, 86_400);
        tokens.parse("t");
        tokens.parse("t");
        assertThat(parser.parsed).hasSize(2);
    }

    @Test
    void rememberedUntilTheFirstOfExpiryMaximumAgeAndLifetime() throws Exception {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long t = now.getEpochSecond();
        Duration minute = Duration.ofMinutes(1);
        assertThat(VerifiedTokens.remembered(principal(t - 10, t + 3600), now, minute, 86_400)).isEqualTo(minute);
        assertThat(VerifiedTokens.remembered(principal(t - 10, t + 20), now, minute, 86_400)).isEqualTo(Duration.ofSeconds(20));
        // Issued 86,390 s ago with a maximum age of a day: 10 s left, whatever its exp says.
        assertThat(VerifiedTokens.remembered(principal(t - 86_390, t + 3600), now, minute, 86_400)).isEqualTo(Duration.ofSeconds(10));
        assertThat(VerifiedTokens.remembered(principal(t - 100, t - 5), now, minute, 86_400)).isEqualTo(Duration.ZERO);
        // No maximum age configured (-1): only exp and the lifetime count.
        assertThat(VerifiedTokens.remembered(principal(t - 90_000, t + 3600), now, minute, -1)).isEqualTo(minute);
    }

    @Test
    void theKeyIsTheWholeTokenSignatureIncluded() {
        assertThat(VerifiedTokens.sha256("h.p.s1")).isNotEqualTo(VerifiedTokens.sha256("h.p.s2")).hasSize(64);
    }

    private static JsonWebToken principal(long issuedAt, long expiresAt) throws Exception {
        return new CountingParser(Set.of("x"), issuedAt, expiresAt).parse("x");
    }
}
