package org.radpair.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.radpair.api.settings.RadPairSettings;
import org.radpair.audit.PatientKeys;

import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * The patient-key secret: from {@code radpair.patient-key.secret} (required in production); in
 * development, generated once and kept in {@code $RADPAIR_HOME/patient-key.secret} so that keys
 * stay stable across restarts.
 */
public class PatientKeysProducer {

    @Inject
    RadPairSettings settings;

    @Produces
    @Singleton
    PatientKeys patientKeys() {
        return new PatientKeys(secret());
    }

    byte[] secret() {
        Optional<String> configuredSecret = settings.patientKey().secret().filter(secret -> !secret.isBlank());
        if (configuredSecret.isPresent()) {
            return configuredSecret.get().getBytes(StandardCharsets.UTF_8);
        }
        if (!ConfigUtils.isProfileActive("dev") && !ConfigUtils.isProfileActive("test")) {
            throw new IllegalStateException("radpair.patient-key.secret (RADPAIR_PATIENT_KEY_SECRET) must be set in "
                    + "production: it keys the HMAC that replaces patient identifiers (32 bytes or more).");
        }
        return developmentSecret(Path.of(settings.home(), "patient-key.secret"));
    }

    private static byte[] developmentSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip().getBytes(StandardCharsets.UTF_8);
            }
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getEncoder().encodeToString(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, secret, StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file stays with the user's default permissions.
            }
            return secret.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the development patient-key secret " + file, e);
        }
    }
}
