package org.radpair.api.console;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/** Signing in (the organisation's OpenID Connect provider, or the development sign-in) and out. */
@Path("/console")
@ConsoleEndpoint
public class SignInResource {

    @Inject
    ConsoleSettings settings;

    @Inject
    ConsoleRequest request;

    @Inject
    DevSignIn devSignIn;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    OidcSession oidcSession;

    @Inject
    @Location("console/sign-in.html")
    Template signInPage;

    @Inject
    ConsoleResource pages;

    @GET
    @Path("/sign-in")
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@QueryParam("signedOut") String signedOut) {
        if (!settings.enabled()) {
            return pages.off();
        }
        return Response.ok(signInPage.data("oidc", settings.oidcEnabled()).data("devSignIn", settings.devSignInEnabled())
                .data("signedOut", signedOut != null).data("csrf", request.csrf()).data("user", null).data("section", "")
                .render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /**
     * The authorization code flow: unauthenticated, the provider's sign-in page; back from it (this is also
     * the redirect URI), the dashboard.
     */
    @GET
    @Path("/sign-in/oidc")
    public Uni<Response> oidc(RoutingContext routing) {
        if (!settings.oidcEnabled()) {
            return Uni.createFrom().item(pages.off());
        }
        // Signed in (back from the provider with a code, or with a session already): the dashboard. Otherwise
        // the code flow's challenge, a redirect to the provider, sent here rather than through an exception:
        // the API's problem+json mappers answer unauthenticated requests with a bearer challenge.
        return identities.getDeferredIdentity().chain(identity -> {
            if (!identity.isAnonymous()) {
                return Uni.createFrom().item(Response.seeOther(URI.create("/console/dashboard")).build());
            }
            HttpAuthenticator authenticator = routing.get(HttpAuthenticator.class.getName());
            return authenticator.getChallenge(routing).map(challenge -> {
                if (challenge == null) {
                    return Response.status(401).build();
                }
                Response.ResponseBuilder response = Response.status(challenge.status);
                challenge.getHeaders().forEach((name, value) -> response.header(name.toString(), value));
                return response.build();
            });
        });
    }

    /** One click: a development session for tenant "demo" (or another tenant typed), with or without findings:write. */
    @POST
    @Path("/sign-in/dev")
    @Produces(MediaType.TEXT_HTML)
    public Response dev(@FormParam("csrf") String csrf, @CookieParam(ConsoleFilter.CSRF_COOKIE) String cookie,
            @FormParam("tenant") String tenant, @FormParam("role") String role) {
        if (!settings.devSignInEnabled()) {
            return pages.off();
        }
        if (!ConsoleFilter.matches(cookie, csrf)) {
            return Response.seeOther(URI.create("/console/sign-in")).build();
        }
        String chosen = tenant == null || tenant.isBlank() ? DevSignIn.DEMO_TENANT : tenant.strip();
        if (chosen.length() > 128 || chosen.chars().anyMatch(Character::isISOControl)) {
            chosen = DevSignIn.DEMO_TENANT;
        }
        String session = devSignIn.start(chosen, !"viewer".equals(role));
        return Response.seeOther(URI.create("/console/dashboard"))
                .header(HttpHeaders.SET_COOKIE, devSignIn.cookie(session, false)).build();
    }

    @POST
    @Path("/sign-out")
    public Uni<Response> signOut(@FormParam("csrf") String csrf, @CookieParam(ConsoleFilter.CSRF_COOKIE) String cookie,
            @CookieParam(DevSignIn.COOKIE) String devCookie) {
        if (!ConsoleFilter.matches(cookie, csrf)) {
            return Uni.createFrom().item(Response.seeOther(URI.create("/console/dashboard")).build());
        }
        devSignIn.end(devCookie);
        Response.ResponseBuilder signedOut = Response.seeOther(URI.create("/console/sign-in?signedOut"))
                .header(HttpHeaders.SET_COOKIE, devSignIn.cookie("", true));
        if (!settings.oidcEnabled()) {
            return Uni.createFrom().item(signedOut.build());
        }
        return identities.getDeferredIdentity().chain(identity -> identity.isAnonymous() || devCookie != null
                ? Uni.createFrom().item(signedOut.build())
                : oidcSession.logout().replaceWith(signedOut.build()).onFailure().recoverWithItem(signedOut.build()));
    }
}
