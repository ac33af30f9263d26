package org.radpair.api.problem;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Rejects a body announced larger than {@code quarkus.http.limits.max-body-size} before it is
 * read, with a problem+json 413. (A chunked body without a length that grows past the limit is
 * cut off by the HTTP layer itself, with a bare 413.)
 */
public class BodyLimit {

    /** Single claims and every other call. */
    @ConfigProperty(name = "radpair.limits.claim-body-size", defaultValue = "1M")
    MemorySize claimLimit;

    /** Bulk endpoints (X12 interchanges, NDJSON batches); also the HTTP layer's own cap for any body. */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize bulkLimit;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            String path = context.request().path();
            long maxBytes = path != null && (path.startsWith("/v1/x12/") || path.startsWith("/v1/claims/validate-batch"))
                    ? bulkLimit.asLongValue() : claimLimit.asLongValue();
            if (length != null && tooLong(length, maxBytes)) {
                reject(context, maxBytes);
            } else {
                context.next();
            }
        });
    }

    private static boolean tooLong(String contentLength, long maxBytes) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void reject(RoutingContext context, long maxBytes) {
        Problem problem = Problem.of(413, "payload-too-large", "Payload Too Large",
                "The body is larger than the " + (maxBytes >= 1 << 20 ? (maxBytes >> 20) + " MiB" : maxBytes + " bytes")
                        + " limit.");
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Json.encode(problem));
    }
}
