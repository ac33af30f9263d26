package org.radpair.api.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarkus.vertx.VertxOptionsCustomizer;
import io.vertx.core.Context;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.core.json.Json;
import io.vertx.core.spi.VertxTracerFactory;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingOptions;
import io.vertx.core.tracing.TracingPolicy;

/**
 * Requests that never reach a route, answered as problem+json instead of a bare status, after which the connection
 * closes (what follows on it cannot be framed reliably):
 * <ul>
 * <li>what the HTTP codec cannot read: a request line over {@code quarkus.http.limits.max-initial-line-length} (414),
 * headers over {@code quarkus.http.limits.max-header-size} (431), a request line, header or framing it cannot parse
 * (400). Vert.x answers these through the connection's invalid-request handler, which Quarkus 3.33 does not let an
 * application set (quarkusio/quarkus#55082).</li>
 * <li>a request target {@link URI} cannot read ({@code %zz}, a control character, {@code |}): Quarkus's root handler
 * answers it a bare 400 before any route (VertxHttpRecorder); the request goes to the answer below instead (400
 * naming {@code path} or {@code query}).</li>
 * </ul>
 * A Vert.x tracer is the one public hook that sees every request before Vert.x picks its handler, so it sets those
 * handlers on the request's connection; it traces nothing and passes everything on to a tracer configured before it.
 */
@ApplicationScoped
public class InvalidRequests implements VertxOptionsCustomizer {

    private static final Logger LOG = Logger.getLogger(InvalidRequests.class);

    // Quarkus builds Vert.x from these options and offers no other hook for a tracer factory (VertxBuilder.withTracer).
    @Override
    @SuppressWarnings("deprecation")
    public void accept(VertxOptions options) {
        TracingOptions tracing = options.getTracingOptions() == null ? new TracingOptions() : options.getTracingOptions();
        VertxTracerFactory previous = tracing.getFactory();
        options.setTracingOptions(tracing.setFactory(
                settings -> new ConnectionHook(previous == null ? null : previous.tracer(settings))));
    }

    /**
     * A request the codec could not read: 414, 431 or 400. The limits differ between the API port and the management
     * interface (quarkus.management.limits.*), so the answer names none.
     */
    static void undecodable(HttpServerRequest request) {
        DecoderResult result = request.decoderResult();
        Throwable cause = result == null ? null : result.cause();
        Problem problem;
        if (cause instanceof TooLongHttpLineException) {
            problem = Problem.of(414, "uri-too-long", "URI Too Long",
                    "The request line is longer than this server accepts.");
        } else if (cause instanceof TooLongHttpHeaderException) {
            problem = Problem.of(431, "request-header-fields-too-large", "Request Header Fields Too Large",
                    "The request headers are larger than this server accepts.");
        } else {
            problem = Problem.of(400, "malformed-request", "Bad Request",
                    "The request is not valid HTTP/1.1: its request line, a header or its framing cannot be read.");
        }
        LOG.debugf(cause, "Unreadable request answered %d", problem.status());
        answerAndClose(request, problem);
    }

    /**
     * A request whose target {@link URI} cannot read, and anything the client pipelined after it on the connection
     * (which has lost its ordinary handler and closes).
     */
    static void unreadableTarget(HttpServerRequest request) {
        Problem problem = targetProblem(request.uri());
        answerAndClose(request, problem != null ? problem : Problem.of(400, "connection-closing", "Bad Request",
                "An earlier request on this connection could not be read and the connection closes: send this one again."));
    }

    /** The 400 problem of a request target {@link URI} cannot read, naming the part (path or query), or null. */
    static Problem targetProblem(String target) {
        if (target == null) {
            return Problem.invalid("The request has no target.", List.of());
        }
        try {
            new URI(target);
            return null;
        } catch (URISyntaxException e) {
            int query = target.indexOf('?');
            String part = query >= 0 && e.getIndex() > query ? "query" : "path";
            return Problem.invalid("The request target is not a valid URI (RFC 3986).",
                    List.of(new Problem.FieldError(part, e.getReason() + " at index " + e.getIndex())));
        }
    }

    private static void answerAndClose(HttpServerRequest request, Problem problem) {
        HttpServerResponse response = request.response();
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(Json.encode(problem))
                .onComplete(ignored -> request.connection().close());
    }

    /**
     * Sets the answers above on the connection of each HTTP request, in Http1xServerRequest#handleBegin, before
     * Vert.x picks the request's handler: the invalid-request handler always; the request handler, in place of
     * Quarkus's, when the target cannot be read (HTTP/1 only: an HTTP/2 connection carries other requests).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final class ConnectionHook implements VertxTracer<Object, Object> {

        private final VertxTracer next;

        ConnectionHook(VertxTracer<?, ?> next) {
            this.next = next == null ? VertxTracer.NOOP : next;
        }

        @Override
        public <R> Object receiveRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
                Iterable<Map.Entry<String, String>> headers, TagExtractor<R> tagExtractor) {
            if (request instanceof HttpServerRequest http && http.connection() instanceof HttpServerConnection connection) {
                connection.invalidRequestHandler(InvalidRequests::undecodable);
                if (http.version() != HttpVersion.HTTP_2 && targetProblem(http.uri()) != null) {
                    connection.handler(InvalidRequests::unreadableTarget);
                }
            }
            return next.receiveRequest(context, kind, policy, request, operation, headers, tagExtractor);
        }

        @Override
        public <R> void sendResponse(Context context, R response, Object payload, Throwable failure, TagExtractor<R> tags) {
            next.sendResponse(context, response, payload, failure, tags);
        }

        @Override
        public <R> Object sendRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
                BiConsumer<String, String> headers, TagExtractor<R> tagExtractor) {
            return next.sendRequest(context, kind, policy, request, operation, headers, tagExtractor);
        }

        @Override
        public <R> void receiveResponse(Context context, R response, Object payload, Throwable failure, TagExtractor<R> tags) {
            next.receiveResponse(context, response, payload, failure, tags);
        }

        @Override
        public void close() {
            next.close();
        }
    }
}
