package org.radpair.api.console;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * The development sign-in: one click makes a console session for a development user, kept in memory
 * and named by a random HttpOnly cookie. Active only where {@link ConsoleSettings#devSignInEnabled()}
 * (dev and test profiles; the service refuses to start in production with it on), and only under /console.
 */
@ApplicationScoped
public class DevSignIn implements HttpAuthenticationMechanism {

    static final String COOKIE = "radpair-console-dev";
    static final String DEMO_TENANT = "demo";
    static final Duration LIFETIME = Duration.ofHours(8);

    /** Who signed in, and until when. */
    record DevUser(String name, String tenant, Set<String> roles, Instant expires) {
    }

    private final Map<String, DevUser> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    @Inject
    ConsoleSettings settings;

    /** Starts a session: the cookie's value. */
    String start(String tenant, boolean canClose) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Set<String> roles = canClose ? Set.of("audit:read", "findings:write") : Set.of("audit:read");
        String name = canClose ? "dev-billing-manager" : "dev-viewer";
        sessions.put(id, new DevUser(name + "@" + tenant, tenant, roles, Instant.now().plus(LIFETIME)));
        sessions.values().removeIf(user -> user.expires().isBefore(Instant.now()));
        return id;
    }

    void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    String cookie(String value, boolean remove) {
        io.netty.handler.codec.http.cookie.DefaultCookie cookie = new io.netty.handler.codec.http.cookie.DefaultCookie(COOKIE,
                remove ? "" : value);
        cookie.setPath("/console");
        cookie.setHttpOnly(true);
        cookie.setSecure(settings.secureCookies());
        cookie.setSameSite(io.netty.handler.codec.http.cookie.CookieHeaderNames.SameSite.Strict);
        cookie.setMaxAge(remove ? 0 : LIFETIME.toSeconds());
        return ServerCookieEncoder.STRICT.encode(cookie);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!context.normalizedPath().startsWith("/console") || !settings.devSignInEnabled()) {
            return Uni.createFrom().nullItem();
        }
        Cookie cookie = context.request().getCookie(COOKIE);
        DevUser user = cookie == null ? null : sessions.get(cookie.getValue());
        if (user == null || user.expires().isBefore(Instant.now())) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.name()))
                .addRoles(user.roles())
                .addAttribute(ConsoleUser.TENANT_ATTRIBUTE, user.tenant())
                .build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}
