package org.radpair.api.console;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;

/**
 * For every console response: no caching (pages show patient data), no framing, a strict content
 * policy (scripts from the service only), and the CSRF cookie. CSRF protection is the double-submit
 * pattern: a random token in an HttpOnly, SameSite=Strict cookie that every changing form must repeat
 * in its {@code csrf} field ({@link #matches}).
 */
@Provider
@ConsoleEndpoint
public class ConsoleFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String CSRF_COOKIE = "radpair-console-csrf";
    static final String CSRF_FIELD = "csrf";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ConsoleSettings settings;

    @Inject
    ConsoleRequest state;

    @Override
    public void filter(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(CSRF_COOKIE);
        if (cookie != null && cookie.getValue().length() == 43) {
            state.token(cookie.getValue(), false);
        } else {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            state.token(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), true);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        var headers = response.getHeaders();
        headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.putSingle("Pragma", "no-cache");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "same-origin");
        headers.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (state.newToken()) {
            DefaultCookie cookie = new DefaultCookie(CSRF_COOKIE, state.csrf());
            cookie.setPath("/console");
            cookie.setHttpOnly(true);
            cookie.setSecure(settings.secureCookies());
            cookie.setSameSite(CookieHeaderNames.SameSite.Strict);
            headers.add(HttpHeaders.SET_COOKIE, ServerCookieEncoder.STRICT.encode(cookie));
        }
    }

    /** Whether a form's token repeats the cookie's (constant time). */
    static boolean matches(String cookie, String field) {
        if (cookie == null || field == null || cookie.length() != 43) {
            return false;
        }
        return MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
    }
}
