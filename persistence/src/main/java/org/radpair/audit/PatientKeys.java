package org.radpair.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a patient identifier into the key stored in the database: HMAC-SHA-256 over
 * tenant, a NUL separator and the identifier, with a server secret. The identifier itself is
 * never stored; the same tenant and identifier always give the same key.
 */
public final class PatientKeys {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public PatientKeys(byte[] secret) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("The patient-key secret must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
        }
    }

    public String keyOf(String tenant, String patientId) {
        Mac mac = macs.get();
        mac.update(tenant.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return HexFormat.of().formatHex(mac.doFinal(patientId.getBytes(StandardCharsets.UTF_8)));
    }
}
