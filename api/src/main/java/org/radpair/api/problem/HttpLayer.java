package org.radpair.api.problem;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.radpair.api.settings.RadPairSettings;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What the HTTP layer answers before (or instead of) a resource, so that every 4xx is problem+json:
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff} on every response, {@code Cache-Control: no-store} on every
 * response that may carry claim or patient data (everything but the reference-data look-ups and {@code /q});</li>
 * <li>414 for a request URI longer than {@code radpair.limits.max-uri-length}, 431 for headers larger than
 * {@code radpair.limits.max-header-size} (the Netty codec's own limits are set higher, in
 * application.properties, so that these checks answer first; past them {@link InvalidRequests} answers);</li>
 * <li>400 naming the parameter for a NUL character in the path or a query parameter (PostgreSQL refuses NUL
 * in text, which used to surface as a 500);</li>
 * <li>problem+json for any 4xx a Vert.x handler fails the request with (a chunked body over its limit: 413; a chunked
 * body whose framing is broken: 400; an HTTP/1.1 request without {@code Host}: 400), and for a request the router
 * cannot match (400).</li>
 * </ul>
 * What the HTTP codec refuses, and request targets {@link java.net.URI} cannot read, never reach the router:
 * {@link InvalidRequests} answers them.
 */
public class HttpLayer {

    private static final Logger LOG = Logger.getLogger(HttpLayer.class);

    /** Runs before everything else on the router, {@link BodyLimit} included. */
    static final int ORDER = Integer.MIN_VALUE;

    @Inject
    RadPairSettings settings;

    /** Path parameters by route, so that a NUL is reported under the parameter's name. */
    private static final Map<Pattern, String> PATH_PARAMETERS = Map.of(
            Pattern.compile("/v1/audit/claims/([^/]+)/?"), "claimId",
            Pattern.compile("/v1/audit/patients/([^/]+)/claims/?"), "patientId",
            Pattern.compile("/v1/audit/findings/([^/]+)/?"), "findingId",
            Pattern.compile("/v1/codes/(?:icd10|cpt)/([^/]+)/?"), "code");

    /** Reference data: the same for every caller and free of patient data, so it may be cached. */
    private static final List<String> CACHEABLE = List.of("/v1/codes/", "/v1/pairings", "/q/");

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
        router.route().order(ORDER).failureHandler(HttpLayer::failed);
        // A request whose matching throws (a path the router cannot decode) ends here rather than in a bare 400.
        router.errorHandler(400, context -> {
            if (!context.response().headWritten()) {
                reject(context, Problem.invalid("The request path cannot be read.", List.of()));
            }
        });
    }

    private void check(RoutingContext context) {
        String path = context.request().path();
        boolean cacheable = path != null && CACHEABLE.stream().anyMatch(path::startsWith);
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            if (!cacheable) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        });
        String uri = context.request().uri();
        int maxUriLength = settings.limits().maxUriLength();
        long maxHeaderBytes = settings.limits().maxHeaderSize().asLongValue();
        if (uri != null && uri.length() > maxUriLength) {
            reject(context, Problem.of(414, "uri-too-long", "URI Too Long",
                    "The request URI is longer than " + maxUriLength + " characters."));
            return;
        }
        if (headerBytes(context.request().headers()) > maxHeaderBytes) {
            reject(context, Problem.of(431, "request-header-fields-too-large", "Request Header Fields Too Large",
                    "The request headers are larger than " + maxHeaderBytes + " bytes."));
            return;
        }
        String field = nulField(path, context);
        if (field != null) {
            reject(context, Problem.invalid("A parameter has a value the endpoint cannot use.",
                    List.of(new Problem.FieldError(field, "must not contain a NUL character"))));
            return;
        }
        context.next();
    }

    private static long headerBytes(MultiMap headers) {
        long bytes = 0;
        for (Map.Entry<String, String> header : headers) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    /** The parameter that holds a NUL, or null. */
    static String nulField(String rawPath, RoutingContext context) {
        if (rawPath != null && rawPath.contains("%00")) {
            for (Map.Entry<Pattern, String> route : PATH_PARAMETERS.entrySet()) {
                Matcher matcher = route.getKey().matcher(rawPath);
                if (matcher.matches() && matcher.group(1).contains("%00")) {
                    return route.getValue();
                }
            }
            return "path";
        }
        String query = context.request().query();
        if (query == null || !query.contains("%00")) {
            return null;
        }
        try {
            for (Map.Entry<String, String> parameter : context.queryParams()) {
                if (parameter.getKey().indexOf('\0') >= 0 || parameter.getValue().indexOf('\0') >= 0) {
                    return parameter.getKey().replace("\0", "");
                }
            }
        } catch (IllegalArgumentException undecodable) {
            return "query";
        }
        return "query";
    }

    /** A request a Vert.x handler failed with a 4xx (a chunked body over its limit: 413), or whose chunked body could not be read: problem+json. */
    private static void failed(RoutingContext context) {
        int status = context.statusCode();
        if (status != 413 && context.get(BodyLimit.LIMIT) != null) {
            // Reading a chunked body failed: its framing is broken or the client went away, never a server fault.
            LOG.debugf(context.failure(), "Chunked body not read");
            if (!context.response().headWritten() && !context.response().closed()) {
                reject(context, Problem.invalid("The body cannot be read: its chunked framing is broken.", List.of()), true);
            }
            return;
        }
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        if (status < 400 || status > 499) {
            context.next();
            return;
        }
        Long limit = context.get(BodyLimit.LIMIT);
        HttpServerRequest request = context.request();
        String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
        reject(context, status == 413
                ? (limit == null ? Problem.of(413, "payload-too-large", "Payload Too Large", "The body is too large.")
                        : BodyLimit.tooLarge(limit))
                : status == 400 && request.version() == HttpVersion.HTTP_1_1 && request.authority() == null
                        ? Problem.of(400, "bad-request", reason, "An HTTP/1.1 request needs a Host header.")
                        : Problem.of(status, reason.toLowerCase().replaceAll("[^a-z0-9]+", "-"), reason,
                                status == 404 ? "No resource answers this path." : "The request cannot be read."));
    }

    static void reject(RoutingContext context, Problem problem) {
        reject(context, problem, problem.status() == 413 || problem.status() == 431 || problem.status() == 414);
    }

    /** Answers the problem; {@code close}: the rest of what the client sends cannot be read, so the connection ends. */
    static void reject(RoutingContext context, Problem problem, boolean close) {
        HttpServerResponse response = context.response();
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("X-Content-Type-Options", "nosniff");
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(Json.encode(problem));
    }
}
