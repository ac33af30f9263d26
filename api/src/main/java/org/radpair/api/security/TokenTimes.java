package org.radpair.api.security;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Refuses a token issued in the future (its {@code iat} later than now plus {@code mp.jwt.verify.clock.skew}):
 * SmallRye JWT checks {@code exp}, the lifetime ({@code smallrye.jwt.time-to-live}) and the age
 * ({@code mp.jwt.verify.token.age}) but accepts an {@code iat} of tomorrow, which would stretch both.
 */
@ApplicationScoped
public class TokenTimes implements SecurityIdentityAugmentor {

    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    int clockSkewSeconds;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token && issuedInTheFuture(token.getIssuedAtTime(),
                Instant.now().getEpochSecond(), clockSkewSeconds)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The token is issued in the future"));
        }
        return Uni.createFrom().item(identity);
    }

    static boolean issuedInTheFuture(long issuedAt, long now, int clockSkewSeconds) {
        return issuedAt > now + clockSkewSeconds;
    }
}
