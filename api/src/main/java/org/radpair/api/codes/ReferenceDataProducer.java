package org.radpair.api.codes;

import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.radpair.api.settings.RadPairSettings;
import org.radpair.claim.PayerType;
import org.radpair.codes.ReferenceData;
import org.radpair.rules.ClaimChecker;
import org.radpair.rules.PairingAdvisor;
import org.radpair.rules.PayerPolicies;

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
    ClaimChecker claimChecker(ReferenceData data, RadPairSettings settings) {
        RadPairSettings.Bilateral bilateral = settings.bilateral();
        return ClaimChecker.standard(data, new PayerPolicies(Map.of(PayerType.MEDICARE, bilateral.medicare(),
                PayerType.MEDICAID, bilateral.medicaid(), PayerType.COMMERCIAL, bilateral.commercial(),
                PayerType.OTHER, bilateral.other())));
    }

    @Produces
    @Singleton
    PairingAdvisor pairingAdvisor(ClaimChecker checker) {
        return new PairingAdvisor(checker.reference(), checker.knowledge());
    }
}
