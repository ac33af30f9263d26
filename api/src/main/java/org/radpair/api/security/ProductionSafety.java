package org.radpair.api.security;

import java.util.Optional;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.radpair.audit.PatientKeys;

import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a production service that would trust nobody's tokens or the development key,
 * or that has no patient-key secret.
 */
public class ProductionSafety {

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> publicKeyLocation;

    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> publicKey;

    void check(@Observes StartupEvent start, PatientKeys patientKeys) {
        if (!ConfigUtils.isProfileActive("prod")) {
            return;
        }
        if (publicKeyLocation.filter(s -> !s.isBlank()).isEmpty() && publicKey.filter(s -> !s.isBlank()).isEmpty()) {
            throw new IllegalStateException("No token verification key: set mp.jwt.verify.publickey.location "
                    + "(MP_JWT_VERIFY_PUBLICKEY_LOCATION) and mp.jwt.verify.issuer to your identity provider's.");
        }
        if (publicKeyLocation.filter(s -> s.contains("dev-jwt")).isPresent()) {
            throw new IllegalStateException("The development token key may not be trusted in production.");
        }
    }
}
