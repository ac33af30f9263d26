package org.radpair.api.support;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Bearer tokens for tests, signed with the development key the test profile trusts (or not). */
public final class Tokens {

    public static final String ISSUER = "https://radpair.local/dev";

    private Tokens() {
    }

    private static JwtClaimsBuilder claims(String tenant, String... roles) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER).subject("test-user").upn("test-user").groups(Set.of(roles));
        return tenant == null ? builder : builder.claim("tenant", tenant);
    }

    public static String bearer(String tenant, String... roles) {
        return "Bearer " + claims(tenant, roles).sign();
    }

    public static String validator(String tenant) {
        return bearer(tenant, "claims:validate");
    }

    public static String auditor(String tenant) {
        return bearer(tenant, "audit:read");
    }

    public static String withoutTenant(String... roles) {
        return bearer(null, roles);
    }

    public static String signedByAnotherKey(String tenant, String... roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair other = generator.generateKeyPair();
            return "Bearer " + claims(tenant, roles).sign(other.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String expired(String tenant, String... roles) {
        long past = System.currentTimeMillis() / 1000 - 3600;
        return "Bearer " + claims(tenant, roles).issuedAt(past - 600).expiresAt(past).sign();
    }

    public static String fromIssuer(String issuer, String tenant, String... roles) {
        return "Bearer " + claims(tenant, roles).issuer(issuer).sign();
    }
}
