package org.radpair.audit;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The persistence module's settings ({@code radpair.audit.*}, {@code radpair.database.analyze-interval}; {@code RADPAIR_…}
 * in the environment) and their defaults. The api module's are in its {@code RadPairSettings}, under the same prefix:
 * SmallRye Config maps each property to whichever interface declares it. The intervals are read by name in
 * {@code @Scheduled} expressions; their defaults are these.
 */
@ConfigMapping(prefix = "radpair")
public interface PersistenceSettings {

    Audit audit();

    Database database();

    interface Audit {

        Batching recording();

        /** How often finished days are rolled up for the stats. */
        @WithDefault("PT10M")
        Duration statsRollupInterval();

        /** How long after midnight (UTC) a day is rolled up: recording transactions still open then would be missed. */
        @WithDefault("PT1H")
        Duration statsRollupMargin();

        /** How often the monthly partitions are prepared ahead and rows of months without one moved into theirs. */
        @WithDefault("PT1H")
        Duration partitionsInterval();

        Replica replica();
    }

    /** Claims recorded together (RecordingBatches). */
    interface Batching {

        /** Recording transactions open at once. */
        @WithDefault("2")
        int transactions();

        /** Most claims one transaction carries. */
        @WithDefault("64")
        int batchSize();
    }

    /** Audit reads from a streaming replica (AuditReplica). */
    interface Replica {

        /** Unset: every audit read goes to the primary. */
        Optional<String> url();

        /** Reads go to the replica while it has replayed what the primary had written this long ago. */
        @WithDefault("PT5S")
        Duration maxLag();
    }

    interface Database {

        /** How often tables are analysed where autovacuum is off (PlannerStatistics). */
        @WithDefault("PT1M")
        Duration analyzeInterval();
    }
}
