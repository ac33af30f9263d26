package org.radpair.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One read per claim of a round, all in one round trip: a statement with scalar parameters, executed once for each
 * claim's parameters as one batch. PostgreSQL keeps one generic plan for such a statement, where a join of
 * {@code unnest(...)} arrays over all the claims was planned anew at every bind (docs/PERFORMANCE.md).
 */
public final class ReadsPerClaim {

    private ReadsPerClaim() {
    }

    /** The rows of each claim, read by {@code row}, in the order of {@code claims} (at least one). */
    public static <T> Uni<List<List<T>>> read(SqlConnection connection, String sql, List<Tuple> claims, Function<Row, T> row) {
        return connection.preparedQuery(sql).executeBatch(claims).map(rows -> {
            List<List<T>> perClaim = new ArrayList<>(claims.size());
            for (RowSet<Row> ofClaim = rows; ofClaim != null; ofClaim = ofClaim.next()) {
                List<T> found = new ArrayList<>(ofClaim.size());
                for (Row each : ofClaim) {
                    found.add(row.apply(each));
                }
                perClaim.add(found);
            }
            return perClaim;
        });
    }
}
