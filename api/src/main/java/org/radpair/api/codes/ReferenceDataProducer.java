package org.radpair.api.codes;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.radpair.codes.ReferenceData;
import org.radpair.rules.ClaimChecker;

import io.quarkus.runtime.Startup;

/** Loads the reference tables once, at start-up, and builds the one checker every request shares. */
public class ReferenceDataProducer {

    private static final Logger LOG = Logger.getLogger(ReferenceDataProducer.class);

    @Produces
    @Singleton
    @Startup
    ReferenceData referenceData() {
        long start = System.nanoTime();
        ReferenceData data = ReferenceData.load();
        LOG.infof("Reference data %s loaded in %d ms", data.version(), (System.nanoTime() - start) / 1_000_000);
        return data;
    }

    @Produces
    @Singleton
    ClaimChecker claimChecker(ReferenceData data) {
        return ClaimChecker.standard(data);
    }
}
