package org.radpair.api.console;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.radpair.api.settings.RadPairSettings;

import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * The console's settings, all optional: without an OpenID Connect provider (and outside development)
 * the console is off and the API runs as before.
 */
@ApplicationScoped
public class ConsoleSettings {

    @Inject
    RadPairSettings settings;

    public boolean oidcEnabled() {
        return oidc().authServerUrl().filter(url -> !url.isBlank()).isPresent();
    }

    /** As configured, whatever the profile (for the production safety check). */
    public boolean devSignInConfigured() {
        return settings.console().devSignIn();
    }

    public boolean devSignInEnabled() {
        return settings.console().devSignIn() && !ConfigUtils.isProfileActive("prod");
    }

    public boolean enabled() {
        return oidcEnabled() || devSignInEnabled();
    }

    public String authServerUrl() {
        return oidc().authServerUrl().orElseThrow();
    }

    public String clientId() {
        return oidc().clientId();
    }

    public Optional<String> clientSecret() {
        return oidc().clientSecret().filter(secret -> !secret.isBlank());
    }

    public String rolesClaim() {
        return oidc().rolesClaim();
    }

    public boolean secureCookies() {
        return settings.console().secureCookies();
    }

    private RadPairSettings.Console.Oidc oidc() {
        return settings.console().oidc();
    }
}
