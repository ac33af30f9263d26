package org.radpair.claim;

public record Payer(String id, PayerType type) {

    public Payer {
        type = type == null ? PayerType.OTHER : type;
    }
}
