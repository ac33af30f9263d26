package org.radpair.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default database keeps its data in a directory: a restart loses nothing. */
class EmbeddedDatabaseTest {

    @TempDir
    Path home;

    @Test
    void dataSurvivesARestart() throws Exception {
        Path data = home.resolve("pgdata");
        try (EmbeddedDatabase first = EmbeddedDatabase.start(data, 0);
                Connection connection = DriverManager.getConnection(first.jdbcUrl(), "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("create table kept (value text)");
            statement.execute("insert into kept values ('still here')");
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.start(data, 0);
                Connection connection = DriverManager.getConnection(second.jdbcUrl(), "postgres", "postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select value from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        }
    }
}
