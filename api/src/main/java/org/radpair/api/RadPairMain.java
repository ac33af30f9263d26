package org.radpair.api;

import java.nio.file.Path;

import org.radpair.api.database.EmbeddedDatabase;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. When no database is configured (no {@code QUARKUS_DATASOURCE_REACTIVE_URL}
 * nor {@code quarkus.datasource.reactive.url}), it first starts the embedded PostgreSQL server on
 * {@code $RADPAIR_HOME/pgdata} (default {@code ~/.radpair/pgdata}) and points the service at it.
 */
@QuarkusMain
public final class RadPairMain {

    private static EmbeddedDatabase embedded;

    private RadPairMain() {
    }

    public static void main(String... args) {
        startEmbeddedDatabaseUnlessConfigured();
        Quarkus.run(args);
    }

    static synchronized void startEmbeddedDatabaseUnlessConfigured() {
        if (embedded != null || configured("quarkus.datasource.reactive.url")) {
            return;
        }
        Path home = Path.of(setting("radpair.home", System.getProperty("user.home") + "/.radpair"));
        int port = Integer.parseInt(setting("radpair.embedded-db.port", "0"));
        Path dataDirectory = home.resolve("pgdata");
        System.out.println("RadPair: no database configured; starting the embedded PostgreSQL in " + dataDirectory);
        embedded = EmbeddedDatabase.start(dataDirectory, port);
        embedded.datasourceConfig().forEach(System::setProperty);
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-postgres-stop"));
    }

    private static boolean configured(String property) {
        return !setting(property, "").isBlank();
    }

    /** A setting from a system property or its environment-variable spelling (MicroProfile Config rules). */
    private static String setting(String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return value == null ? fallback : value;
    }
}
