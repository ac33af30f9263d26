package org.radpair.api;

/** Test access to RadPairMain's package-private checks. */
public final class RadPairMainAccess {

    private RadPairMainAccess() {
    }

    public static boolean embeddedDatabaseAvailable() {
        return RadPairMain.embeddedDatabaseAvailable();
    }
}
