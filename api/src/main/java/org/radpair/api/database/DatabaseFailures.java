package org.radpair.api.database;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.vertx.sqlclient.ClosedConnectionException;

/** Telling "PostgreSQL cannot be reached" apart from "a statement failed". */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** A failure to reach PostgreSQL (refused, closed, timed out) anywhere in the cause chain. */
    public static boolean unavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            if (cause instanceof ConnectException || cause instanceof ClosedConnectionException
                    || cause instanceof TimeoutException || message.contains("Connection refused")
                    || (message.contains("Timeout") && cause.getClass().getName().startsWith("io.vertx"))) {
                return true;
            }
        }
        return false;
    }
}
