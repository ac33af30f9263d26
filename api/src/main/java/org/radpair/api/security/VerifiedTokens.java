package org.radpair.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.radpair.api.settings.RadPairSettings;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies each distinct bearer token once: an adapter sends the same token with thousands of claims, and the RSA
 * signature check and the parsing of its claims were the largest single cost of a validation (docs/PERFORMANCE.md).
 * <p>
 * A verified token is remembered, under the SHA-256 of its text, until the first of: its {@code exp}, its
 * {@code iat} plus {@code mp.jwt.verify.token.age}, or {@code radpair.security.verified-token-cache} (default one
 * minute) after it was verified. So a token is never accepted past the time SmallRye JWT would refuse it (the cache
 * does not even grant the clock skew), and a key rotation or a change of issuer or audience takes effect within that
 * bound. Only successful verifications are remembered: a bad token is verified, and refused, every time. The
 * per-request checks that are not the parser's ({@link TokenTimes}, roles, tenant) run on every request as before.
 */
@Decorator
@Priority(10)
public class VerifiedTokens implements JWTParser {

    static final int MAXIMUM_TOKENS = 10_000;

    private final JWTParser parser;
    private final boolean enabled;
    private final Cache<String, JsonWebToken> verified;

    @Inject
    VerifiedTokens(@Delegate JWTParser parser, RadPairSettings settings,
            @ConfigProperty(name = "mp.jwt.verify.token.age", defaultValue = "-1") long tokenAgeSeconds) {
        this(parser, settings.security().verifiedTokenCache(), tokenAgeSeconds);
    }

    VerifiedTokens(JWTParser parser, Duration lifetime, long tokenAgeSeconds) {
        this.parser = parser;
        this.enabled = !lifetime.isZero() && !lifetime.isNegative();
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAXIMUM_TOKENS)
                .expireAfter(new UntilFirstLimit(lifetime, tokenAgeSeconds))
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (!enabled) {
            return parser.parse(token);
        }
        String key = sha256(token);
        JsonWebToken known = verified.getIfPresent(key);
        if (known != null) {
            return known;
        }
        JsonWebToken fresh = parser.parse(token);
        verified.put(key, fresh);
        return fresh;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }

    /** How long a verified token may be remembered, from now: never past its expiry, its maximum age or the cache's lifetime. */
    static Duration remembered(JsonWebToken token, Instant now, Duration lifetime, long tokenAgeSeconds) {
        Instant until = now.plus(lifetime);
        if (token.getExpirationTime() > 0) {
            until = min(until, Instant.ofEpochSecond(token.getExpirationTime()));
        }
        if (tokenAgeSeconds > 0 && token.getIssuedAtTime() > 0) {
            until = min(until, Instant.ofEpochSecond(token.getIssuedAtTime() + tokenAgeSeconds));
        }
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private record UntilFirstLimit(Duration lifetime, long tokenAgeSeconds) implements Expiry<String, JsonWebToken> {

        @Override
        public long expireAfterCreate(String key, JsonWebToken token, long currentTime) {
            return remembered(token, Instant.now(), lifetime, tokenAgeSeconds).toNanos();
        }

        @Override
        public long expireAfterUpdate(String key, JsonWebToken token, long currentTime, long currentDuration) {
            return expireAfterCreate(key, token, currentTime);
        }

        @Override
        public long expireAfterRead(String key, JsonWebToken token, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
