package org.radpair.api.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service on a primary with a hot standby as its audit replica ({@link PostgresResource} starts a
 * {@link StreamingPair} for this profile), with a lag bound of one second.
 */
public class StandbyProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("radpair.audit.replica.max-lag", "PT1S");
    }
}
