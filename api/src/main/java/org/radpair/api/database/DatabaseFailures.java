package org.radpair.api.database;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** Telling "PostgreSQL cannot be reached" apart from "a statement failed". */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * A failure to reach PostgreSQL anywhere in the cause chain: refused, reset, broken or closed connections,
     * timeouts, and the server's own "not now" answers (SQLSTATE classes 08 connection exception and 57
     * operator intervention, e.g. 57P03 "the database system is shutting down", and 53300 too many
     * connections). Found by stopping PostgreSQL under load (bench/database-outage.sh).
     */
    public static boolean unavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            if (cause instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57")
                            || pg.getSqlState().equals("53300"))) {
                return true;
            }
            if (cause instanceof ConnectException || cause instanceof IOException
                    || cause instanceof ClosedConnectionException
                    || cause instanceof TimeoutException || message.contains("Connection refused")
                    || (message.contains("Timeout") && cause.getClass().getName().startsWith("io.vertx"))) {
                return true;
            }
        }
        return false;
    }
}
