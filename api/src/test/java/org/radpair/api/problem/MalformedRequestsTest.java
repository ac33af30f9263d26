package org.radpair.api.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.radpair.api.support.Tokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Requests no route sees, sent as raw bytes (issue 14, item 3): what the HTTP codec cannot read (a request line or
 * headers past its 64 KiB limits, a request line, header or framing it cannot parse) and request targets
 * {@link java.net.URI} cannot read are problem+json, never a bare status nor a 500, and the connection closes where
 * what follows cannot be framed.
 */
@QuarkusTest
class MalformedRequestsTest {

    private static final String HOST = "Host: localhost\r\n";

    @TestHTTPResource("/")
    URL root;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** A response read off the socket: status line, headers (lower-case names), body, and whether the server closed. */
    record Answer(int status, Map<String, String> headers, String body, boolean closed) {

        JsonPath json() {
            return JsonPath.from(body);
        }
    }

    /** Sends the bytes (from another thread: the server may answer before it has read them all) and reads the answer. */
    private Answer exchange(String request) throws Exception {
        return exchange(root, request);
    }

    private Answer exchange(URL server, String request) throws Exception {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException refusedPastTheAnswer) {
                    // The server answered and closed before reading everything: the answer is what counts.
                }
            });
            Answer answer = read(socket.getInputStream());
            sent.join();
            return answer;
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed without an answer; got: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new java.util.HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).toLowerCase(), lines[i].substring(colon + 1).strip());
        }
        byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        boolean closed;
        try {
            closed = in.read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            closed = false;
        } catch (IOException reset) {
            closed = true;
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), closed);
    }

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).isEqualTo("application/problem+json");
        assertThat(answer.headers()).containsEntry("x-content-type-options", "nosniff");
        JsonPath json = answer.json();
        assertThat(json.getInt("status")).isEqualTo(status);
        assertThat(json.getString("type")).startsWith("https://radpair.org/problems/");
        assertThat(json.getString("title")).isNotBlank();
        assertThat(json.getString("detail")).isNotBlank();
    }

    @ParameterizedTest(name = "a request line of {0} bytes is 414 problem+json")
    @CsvSource({"65536", "1048576"})
    void aRequestLinePastTheCodecLimitIs414(int length) throws Exception {
        Answer answer = exchange("GET /v1/audit/claims?payer=" + "a".repeat(length) + " HTTP/1.1\r\n" + HOST + "\r\n");
        assertProblem(answer, 414);
        assertThat(answer.json().getString("detail")).contains("request line");
        assertThat(answer.closed()).isTrue();
    }

    @Test
    void headersPastTheCodecLimitAre431() throws Exception {
        Answer answer = exchange("GET /v1/audit/claims HTTP/1.1\r\n" + HOST + "X-A: " + "a".repeat(35 * 1024) + "\r\nX-B: "
                + "b".repeat(35 * 1024) + "\r\n\r\n");
        assertProblem(answer, 431);
        assertThat(answer.closed()).isTrue();
    }

    @Test
    void aOneMebibyteHeaderIs431() throws Exception {
        Answer answer = exchange("GET /v1/audit/claims HTTP/1.1\r\n" + HOST + "X-A: " + "a".repeat(1 << 20) + "\r\n\r\n");
        assertProblem(answer, 431);
        assertThat(answer.closed()).isTrue();
    }

    static Stream<Arguments> unparseable() {
        return Stream.of(
                Arguments.of("a request line of one word", "HELLO\r\n\r\n"),
                Arguments.of("spaces in the target", "GET /v1/codes/cpt/70450 x y HTTP/1.1\r\n" + HOST + "\r\n"),
                Arguments.of("a header line without a colon", "GET /v1/codes/cpt/70450 HTTP/1.1\r\n" + HOST + "NoColon\r\n\r\n"),
                Arguments.of("a header name with a space", "GET /v1/codes/cpt/70450 HTTP/1.1\r\n" + HOST + "Bad Name: x\r\n\r\n"),
                Arguments.of("a Content-Length that is no number",
                        "POST /v1/claims/validate HTTP/1.1\r\n" + HOST + "Content-Length: abc\r\n\r\n"),
                Arguments.of("Content-Length and chunked at once", "POST /v1/claims/validate HTTP/1.1\r\n" + HOST
                        + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0} is 400 problem+json")
    @MethodSource("unparseable")
    void whatTheCodecCannotParseIs400(String what, String request) throws Exception {
        Answer answer = exchange(request);
        assertProblem(answer, 400);
        assertThat(answer.closed()).isTrue();
    }

    @ParameterizedTest(name = "{0} is 400 naming the {1}")
    @CsvSource({"/v1/audit/claims/%zz, path", "/v1/audit/claims?payer=%zz, query", "/v1/codes/cpt/70%4, path",
            "/v1/audit/claims?payer=a|b, query"})
    void aTargetThatIsNoUriIs400NamingThePart(String target, String part) throws Exception {
        Answer answer = exchange("GET " + target + " HTTP/1.1\r\n" + HOST + "\r\n");
        assertProblem(answer, 400);
        assertThat(answer.json().getString("errors[0].field")).isEqualTo(part);
        assertThat(answer.closed()).isTrue();
    }

    @Test
    void aControlCharacterInThePathIs400() throws Exception {
        assertProblem(exchange("GET /v1/codes/cpt/\u000170450 HTTP/1.1\r\n" + HOST + "\r\n"), 400);
    }

    @Test
    void http11WithoutHostIs400SayingSo() throws Exception {
        Answer answer = exchange("GET /v1/codes/cpt/70450 HTTP/1.1\r\n\r\n");
        assertProblem(answer, 400);
        assertThat(answer.json().getString("detail")).contains("Host");
    }

    /** Vert.x drops the connection as the framing breaks: no answer then, but no server error logged either. */
    @Test
    void aChunkedBodyWithBrokenFramingIsNeverAServerError() throws Exception {
        String request = "POST /v1/claims/validate HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n";
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler errorLog = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger quarkusErrors = Logger.getLogger("io.quarkus.vertx.http.runtime.QuarkusErrorHandler");
        quarkusErrors.addHandler(errorLog);
        try {
            try {
                assertProblem(exchange(request), 400);
            } catch (IOException closedWithoutAnAnswer) {
                // The usual outcome: the connection is gone before anything can be written.
            }
            given().header("Authorization", Tokens.auditor("t")).when().get("/v1/codes/cpt/70450").then().statusCode(200);
        } finally {
            quarkusErrors.removeHandler(errorLog);
        }
        assertThat(errors).extracting(LogRecord::getMessage).isEmpty();
    }

    @Test
    void theServiceStillAnswersAfterwards() throws Exception {
        exchange("HELLO\r\n\r\n");
        exchange("GET /v1/audit/claims/%zz HTTP/1.1\r\n" + HOST + "\r\n");
        given().header("Authorization", Tokens.auditor("t")).when().get("/v1/codes/cpt/70450").then().statusCode(200);
    }

    /** A target that is a URI but whose path decodes to no text, or climbs above the root: a 4xx, problem+json. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"/v1/audit/claims/%c0%ff", "/v1/audit/claims/%2e%2e%2f%2e%2e%2f", "/v1/../../etc/passwd", "v1/codes"})
    void oddButReadableTargetsAreProblemJson(String target) throws Exception {
        Answer answer = exchange("GET " + target + " HTTP/1.1\r\n" + HOST + "Authorization: " + Tokens.auditor("t")
                + "\r\n\r\n");
        assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
        assertProblem(answer, answer.status());
    }

    /** The management interface is served by the same Vert.x: the same answers there. */
    @Test
    void theManagementPortAnswersTheSame() throws Exception {
        assertProblem(exchange(management, "GET /q/health/live?x=" + "a".repeat(1 << 17) + " HTTP/1.1\r\n" + HOST + "\r\n"),
                414);
        Answer answer = exchange(management, "GET /q/health/%zz HTTP/1.1\r\n" + HOST + "\r\n");
        assertProblem(answer, 400);
        assertThat(answer.json().getString("errors[0].field")).isEqualTo("path");
    }
}
