package org.radpair.api.support;

import java.util.Map;

import org.radpair.api.database.EmbeddedDatabase;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real PostgreSQL for the tests: the server named by {@code -Dradpair.test.db.url} (a JDBC URL,
 * as .ci/run passes for the machine's server), or else a throw-away embedded one. Under {@link StandbyProfile}, a
 * primary of its own with a hot standby streaming from it ({@link StreamingPair}).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase embedded;
    private StreamingPair pair;
    private String profile;

    @Override
    public void setContext(Context context) {
        profile = context.testProfile();
    }

    @Override
    public Map<String, String> start() {
        if (StandbyProfile.class.getName().equals(profile)) {
            pair = StreamingPair.start();
            return pair.config();
        }
        String url = System.getProperty("radpair.test.db.url", "");
        if (!url.isBlank()) {
            return Map.of(
                    "quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.reactive.url", url.replaceFirst("^jdbc:", ""),
                    "quarkus.datasource.username", System.getProperty("radpair.test.db.user", "postgres"),
                    "quarkus.datasource.password", System.getProperty("radpair.test.db.password", "postgres"));
        }
        embedded = EmbeddedDatabase.start(null, 0);
        return embedded.datasourceConfig();
    }

    @Override
    public void stop() {
        if (pair != null) {
            pair.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
