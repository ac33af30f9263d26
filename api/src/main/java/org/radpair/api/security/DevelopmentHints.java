package org.radpair.api.security;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/** In development, says where the service listens and how to get a token for it. */
public class DevelopmentHints {

    private static final Logger LOG = Logger.getLogger(DevelopmentHints.class);

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    void announce(@Observes StartupEvent start) {
        if (!ConfigUtils.isProfileActive("dev")) {
            return;
        }
        LOG.infof("""
                RadPair is ready at http://localhost:%d  (OpenAPI: /q/openapi, Swagger UI: /q/swagger-ui)
                  Development tokens, one per role (tenant "demo"), from another terminal at the repository root:
                    java tools/DevToken.java
                  Then: curl -H "Authorization: Bearer <token>" -H 'Content-Type: application/json' \\
                          -d @docs/examples/claim.json http://localhost:%d/v1/claims/validate""", port, port);
    }
}
