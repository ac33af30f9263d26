package org.radpair.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;

/** Which failures mean "PostgreSQL is not there" (503) and which are faults of a statement (500). */
class DatabaseFailuresTest {

    @Test
    void serverGoingAwayIsUnavailable() {
        assertThat(DatabaseFailures.unavailable(new PgException("the database system is shutting down", "FATAL", "57P03", null)))
                .isTrue();
        assertThat(DatabaseFailures.unavailable(new PgException("terminating connection due to administrator command",
                "FATAL", "57P01", null))).isTrue();
        assertThat(DatabaseFailures.unavailable(new PgException("sorry, too many clients already", "FATAL", "53300", null)))
                .isTrue();
        assertThat(DatabaseFailures.unavailable(new CompletionException(new SocketException("Connection reset")))).isTrue();
        assertThat(DatabaseFailures.unavailable(new CompletionException(new java.io.IOException("Broken pipe")))).isTrue();
    }

    @Test
    void statementFaultsAreNot() {
        assertThat(DatabaseFailures.unavailable(new PgException("duplicate key value violates unique constraint", "ERROR",
                "23505", null))).isFalse();
        assertThat(DatabaseFailures.unavailable(new PgException("syntax error", "ERROR", "42601", null))).isFalse();
        assertThat(DatabaseFailures.unavailable(new IllegalStateException("bug"))).isFalse();
    }
}
