package org.radpair.api.security;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.radpair.api.settings.RadPairSettings;

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
public abstract class VerifiedTokens implements JWTParser {

    private final JWTParser parser;
    private final RememberedTokens remembered;

    @Inject
    VerifiedTokens(@Delegate JWTParser parser, RadPairSettings settings,
            @ConfigProperty(name = "mp.jwt.verify.token.age", defaultValue = "-1") long tokenAgeSeconds) {
        this.parser = parser;
        this.remembered = new RememberedTokens(settings.security().verifiedTokenCache(), tokenAgeSeconds);
    }

    // The parser's other methods (verify, decrypt with a given key) are SmallRye's own: an abstract decorator leaves them be.
    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return remembered.parse(token, parser::parse);
    }
}
