package org.radpair.claim;

public enum PayerType {
    MEDICARE, MEDICAID, COMMERCIAL, OTHER
}
