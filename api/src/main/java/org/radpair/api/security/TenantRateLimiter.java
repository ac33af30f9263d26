package org.radpair.api.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.radpair.api.settings.RadPairSettings;

/**
 * A token bucket per tenant, so that one misbehaving adapter cannot starve the others: each tenant may
 * send {@code radpair.rate-limit.requests-per-second} on average with bursts up to twice that. Zero
 * turns the limit off.
 */
@ApplicationScoped
public class TenantRateLimiter {

    /** Asked to wait: answered 429 with Retry-After. */
    public static class TooManyRequests extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final long retryAfterSeconds;

        public TooManyRequests(String tenant, String what, long retryAfterSeconds) {
            super("Tenant " + tenant + " sends more than " + what + " allows; retry after " + retryAfterSeconds + " s.");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double capacity, long now) {
            this.tokens = capacity;
            this.refilledAt = now;
        }

        synchronized boolean take(double perNano, double capacity, long now) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    RadPairSettings settings;

    private final Map<String, Bucket> patientBuckets = new ConcurrentHashMap<>();

    public void acquire(String tenant) {
        take(buckets, tenant, settings.rateLimit().requestsPerSecond(), "its request rate");
    }

    public void acquirePatientLookup(String tenant) {
        take(patientBuckets, tenant, settings.rateLimit().patientLookupsPerSecond(), "its rate of patient look-ups");
    }

    private static void take(Map<String, Bucket> buckets, String tenant, double perSecond, String what) {
        if (perSecond <= 0) {
            return;
        }
        double capacity = 2 * perSecond;
        long now = System.nanoTime();
        Bucket bucket = buckets.computeIfAbsent(tenant, t -> new Bucket(capacity, now));
        if (!bucket.take(perSecond / 1e9, capacity, now)) {
            throw new TooManyRequests(tenant, what, Math.max(1, (long) Math.ceil(1 / perSecond)));
        }
    }
}
