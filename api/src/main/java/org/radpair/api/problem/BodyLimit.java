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

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    void install(@Observes Router router) {
        long maxBytes = limit.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLong(length, maxBytes)) {
                reject(context);
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

    private static void reject(RoutingContext context) {
        Problem problem = Problem.of(413, "payload-too-large", "Payload Too Large",
                "The body is larger than the 1 MiB limit.");
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Json.encode(problem));
    }
}
