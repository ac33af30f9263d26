package org.radpair.api.security;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The verified tokens {@link VerifiedTokens} remembers, under the SHA-256 of their text, each until the first of its
 * {@code exp}, its {@code iat} plus the maximum token age, and the cache's lifetime; only successful verifications.
 */
final class RememberedTokens {

    static final int MAXIMUM_TOKENS = 10_000;

    /** Verifies a token the cache does not hold: SmallRye JWT's parser. */
    @FunctionalInterface
    interface Verification {
        JsonWebToken verify(String token) throws ParseException;
    }

    private final boolean enabled;
    private final Cache<String, JsonWebToken> verified;

    RememberedTokens(Duration lifetime, long tokenAgeSeconds) {
        this.enabled = !lifetime.isZero() && !lifetime.isNegative();
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAXIMUM_TOKENS)
                .expireAfter(new UntilFirstLimit(lifetime, tokenAgeSeconds))
                .build();
    }

    JsonWebToken parse(String token, Verification verification) throws ParseException {
        if (!enabled) {
            return verification.verify(token);
        }
        String key = Sha256.hex(token);
        JsonWebToken known = verified.getIfPresent(key);
        if (known != null) {
            return known;
        }
        JsonWebToken fresh = verification.verify(token);
        verified.put(key, fresh);
        return fresh;
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
}
