package org.radpair.api.problem;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.radpair.api.settings.RadPairSettings;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Caps bodies with a problem+json 413 however they are framed: a body announced larger than the limit
 * ({@code Content-Length}) is refused before it is read; a body without a length (chunked) is read here,
 * up to the limit, and refused as soon as it passes it (the failure is answered by {@link HttpLayer}).
 * The limit is {@code radpair.limits.claim-body-size} (1 MiB) for single claims and every other call,
 * {@code quarkus.http.limits.max-body-size} (32 MiB) for X12 interchanges. NDJSON batches are read line by
 * line with their own caps (1 MiB a line, 10,000 lines), never whole.
 */
public class BodyLimit {

    @Inject
    RadPairSettings settings;

    /** Bulk endpoints (X12 interchanges, NDJSON batches); also the HTTP layer's own cap for any body. */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize bulkLimit;

    void install(@Observes Router router) {
        router.route().order(HttpLayer.ORDER + 1).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            String path = context.request().path();
            boolean batch = path != null && path.startsWith("/v1/claims/validate-batch");
            long maxBytes = batch || path != null && path.startsWith("/v1/x12/")
                    ? bulkLimit.asLongValue() : settings.limits().claimBodySize().asLongValue();
            if (length != null && tooLong(length, maxBytes)) {
                reject(context, maxBytes);
            } else if (length == null && !batch && mayHaveBody(context.request().method())) {
                // No announced length (HTTP/1.1 chunked, or HTTP/2 without content-length): read it here, with the
                // limit; the resource then reads the buffered body.
                context.put(LIMIT, maxBytes);
                BodyHandler.create(false).setBodyLimit(maxBytes).handle(context);
            } else {
                context.next();
            }
        });
        // The body has been read: a later failure is not about reading it.
        router.route().order(HttpLayer.ORDER + 2).handler(context -> {
            context.remove(LIMIT);
            context.next();
        });
    }

    private static boolean mayHaveBody(HttpMethod method) {
        return !HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method) && !HttpMethod.OPTIONS.equals(method)
                && !HttpMethod.DELETE.equals(method);
    }

    private static boolean tooLong(String contentLength, long maxBytes) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The routing-context key of the limit that applies to a chunked body, while it is being read. */
    static final String LIMIT = "radpair.body-limit";

    static Problem tooLarge(long maxBytes) {
        return Problem.of(413, "payload-too-large", "Payload Too Large",
                "The body is larger than the " + (maxBytes >= 1 << 20 ? (maxBytes >> 20) + " MiB" : maxBytes + " bytes")
                        + " limit.");
    }

    private static void reject(RoutingContext context, long maxBytes) {
        Problem problem = tooLarge(maxBytes);
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Json.encode(problem));
    }
}
