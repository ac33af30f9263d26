package org.radpair.api.console;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * The console's settings, all optional: without an OpenID Connect provider (and outside development)
 * the console is off and the API runs as before.
 */
@ApplicationScoped
public class ConsoleSettings {

    /** The OpenID Connect provider's base URL (its discovery document is under /.well-known/openid-configuration). */
    @ConfigProperty(name = "radpair.console.oidc.auth-server-url")
    Optional<String> authServerUrl;

    @ConfigProperty(name = "radpair.console.oidc.client-id", defaultValue = "radpair-console")
    String clientId;

    @ConfigProperty(name = "radpair.console.oidc.client-secret")
    Optional<String> clientSecret;

    /** Where the ID token carries the roles (the API reads them from the access token's {@code groups}). */
    @ConfigProperty(name = "radpair.console.oidc.roles-claim", defaultValue = "groups")
    String rolesClaim;

    /** Session cookies are Secure; set false only to try the console over plain HTTP on another host than localhost. */
    @ConfigProperty(name = "radpair.console.secure-cookies", defaultValue = "true")
    boolean secureCookies;

    /** One-click sign-in as a development user (never with the prod profile: the service refuses to start). */
    @ConfigProperty(name = "radpair.console.dev-sign-in", defaultValue = "false")
    boolean devSignIn;

    public boolean oidcEnabled() {
        return authServerUrl.filter(url -> !url.isBlank()).isPresent();
    }

    /** As configured, whatever the profile (for the production safety check). */
    public boolean devSignInConfigured() {
        return devSignIn;
    }

    public boolean devSignInEnabled() {
        return devSignIn && !ConfigUtils.isProfileActive("prod");
    }

    public boolean enabled() {
        return oidcEnabled() || devSignInEnabled();
    }

    public String authServerUrl() {
        return authServerUrl.orElseThrow();
    }

    public String clientId() {
        return clientId;
    }

    public Optional<String> clientSecret() {
        return clientSecret.filter(secret -> !secret.isBlank());
    }

    public String rolesClaim() {
        return rolesClaim;
    }

    public boolean secureCookies() {
        return secureCookies;
    }
}
