package org.radpair.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.radpair.api.database.EmbeddedDatabase;

/**
 * An empty database of its own, for tests that migrate a schema step by step or detach its partitions, dropped at
 * close: on the server named by {@code -Dradpair.test.db.url}, or else on a throw-away embedded PostgreSQL started
 * once for the test run, as {@link PostgresResource} chooses.
 */
public final class FreshDatabase implements AutoCloseable {

    private static final String USER = System.getProperty("radpair.test.db.user", "postgres");
    private static final String PASSWORD = System.getProperty("radpair.test.db.password", "postgres");

    private static EmbeddedDatabase embedded;

    private final String serverUrl;
    private final String name;
    private final String url;

    private FreshDatabase(String serverUrl, String name, String url) {
        this.serverUrl = serverUrl;
        this.name = name;
        this.url = url;
    }

    public static FreshDatabase create() throws SQLException {
        String server = System.getProperty("radpair.test.db.url", "");
        if (server.isBlank()) {
            server = embeddedServer();
        }
        String name = "radpair_fresh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(server, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return new FreshDatabase(server, name, server.replaceFirst("/[^/?]+(\\?.*)?$", "/" + name + "$1"));
    }

    public String url() {
        return url;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    /** Flyway on the service's migrations, up to {@code target} ("latest" for all). */
    public Flyway flyway(String target) {
        return Flyway.configure().dataSource(url, USER, PASSWORD).locations("classpath:db/migration").target(target).load();
    }

    private static synchronized String embeddedServer() {
        if (embedded == null) {
            embedded = EmbeddedDatabase.start(null, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        }
        return embedded.jdbcUrl();
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        }
    }
}
