package org.radpair.api.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Declares the PostgreSQL test resource once for every @QuarkusTest of the module. */
@QuarkusTestResource(PostgresResource.class)
public final class DatabaseTestResource {

    private DatabaseTestResource() {
    }
}
