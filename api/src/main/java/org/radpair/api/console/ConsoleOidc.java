package org.radpair.api.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.quarkus.oidc.runtime.OidcTenantConfig.Authentication.CookieSameSite;
import io.quarkus.oidc.runtime.OidcTenantConfig.Roles.Source;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The console's OpenID Connect sign-in (authorization code flow), built from {@link ConsoleSettings} for
 * the requests under /console only. The default OIDC tenant is disabled (application.properties), so the
 * API keeps its smallrye-jwt bearer tokens; with no provider configured this resolves nothing and the
 * console is off. The provider is contacted on the first sign-in, not at start.
 */
@ApplicationScoped
public class ConsoleOidc implements TenantConfigResolver {

    static final String TENANT_ID = "console";
    static final String CALLBACK = "/console/sign-in/oidc";

    @Inject
    ConsoleSettings settings;

    private volatile OidcTenantConfig config;

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        if (!settings.oidcEnabled() || !context.normalizedPath().startsWith("/console")) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(config());
    }

    private OidcTenantConfig config() {
        if (config == null) {
            var builder = OidcTenantConfig.builder()
                    .tenantId(TENANT_ID)
                    .authServerUrl(settings.authServerUrl())
                    .clientId(settings.clientId())
                    .applicationType(ApplicationType.WEB_APP)
                    .roles(Source.idtoken, settings.rolesClaim())
                    .authentication()
                        .redirectPath(CALLBACK)
                        .restorePathAfterRedirect(false)
                        .cookiePath("/console")
                        .cookieSameSite(CookieSameSite.LAX)
                        .cookieForceSecure(settings.secureCookies())
                        .pkceRequired(true)
                        .javaScriptAutoRedirect(false)
                        .end();
            settings.clientSecret().ifPresent(builder::credentials);
            config = builder.build();
        }
        return config;
    }
}
