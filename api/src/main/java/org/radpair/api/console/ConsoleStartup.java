package org.radpair.api.console;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/** Says at start whether the console is on and how users sign in; refuses the development sign-in in production. */
public class ConsoleStartup {

    private static final Logger LOG = Logger.getLogger(ConsoleStartup.class);

    @Inject
    ConsoleSettings settings;

    void announce(@Observes StartupEvent start) {
        // Production is the prod profile, as for the API's own safety checks (ProductionSafety).
        check(ConfigUtils.isProfileActive("prod"), settings.devSignInConfigured());
        if (settings.oidcEnabled()) {
            LOG.infof("Console: on at /console, sign-in with the OpenID Connect provider %s (client %s)",
                    settings.authServerUrl(), settings.clientId());
        } else if (settings.devSignInEnabled()) {
            LOG.info("Console: on at /console with the development sign-in (tenant \"demo\"); no OpenID Connect provider "
                    + "configured (radpair.console.oidc.auth-server-url)");
        } else {
            LOG.info("Console: off. Set radpair.console.oidc.auth-server-url (RADPAIR_CONSOLE_OIDC_AUTH_SERVER_URL), "
                    + "client-id and client-secret to sign billing managers in with your OpenID Connect provider "
                    + "(docs/console.md)");
        }
    }

    /** The production safety check of the console: the development sign-in would let anyone in. */
    static void check(boolean production, boolean devSignIn) {
        if (production && devSignIn) {
            throw new IllegalStateException("radpair.console.dev-sign-in lets anyone sign in to the console without a "
                    + "password: it may not be enabled in production.");
        }
    }
}
