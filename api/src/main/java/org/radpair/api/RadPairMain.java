package org.radpair.api;

import java.nio.file.Path;
import java.util.Arrays;

import org.radpair.api.check.CheckCommand;
import org.radpair.api.database.EmbeddedDatabase;
import org.radpair.api.settings.RadPairSettings;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.smallrye.config.PropertiesConfigSourceLoader;
import io.smallrye.config.SmallRyeConfigBuilder;

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
        if (embedded != null || startupConfig().build().getOptionalValue("quarkus.datasource.reactive.url", String.class)
                .isPresent()) {
            return;
        }
        if (!embeddedDatabaseAvailable()) {
            throw new IllegalStateException("No database configured: set QUARKUS_DATASOURCE_REACTIVE_URL and "
                    + "QUARKUS_DATASOURCE_JDBC_URL (with _USERNAME and _PASSWORD). The embedded PostgreSQL is for "
                    + "./mvnw quarkus:dev and the tests only; it is not part of the packaged application.");
        }
        RadPairSettings settings = startupConfig().withMapping(RadPairSettings.class).build()
                .getConfigMapping(RadPairSettings.class);
        Path dataDirectory = Path.of(settings.home()).resolve("pgdata");
        System.out.println("RadPair: no database configured; starting the embedded PostgreSQL in " + dataDirectory);
        embedded = EmbeddedDatabase.start(dataDirectory, settings.embeddedDb().port().orElse(0));
        embedded.datasourceConfig().forEach(System::setProperty);
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-postgres-stop"));
    }

    /**
     * The settings much as Quarkus will read them, before it starts: system properties, the environment (with
     * MicroProfile Config's spelling of names), application.properties (without profiles) and the defaults of the
     * mappings added. Not registered as the application's configuration: Quarkus builds and registers its own.
     */
    static SmallRyeConfigBuilder startupConfig() {
        ClassLoader classLoader = RadPairMain.class.getClassLoader();
        return new SmallRyeConfigBuilder()
                .forClassLoader(classLoader)
                .addDefaultSources()
                .addDefaultInterceptors()
                .addDiscoveredConverters()
                .withSources(PropertiesConfigSourceLoader.inClassPath("application.properties", 250, classLoader))
                .withValidateUnknown(false);
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
}
