package org.radpair.api.console;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.radpair.audit.Backfill;

import io.smallrye.mutiny.Uni;

/** Development only: one click loads the demo data into the signed-in tenant, if it has no claims yet. */
@Path("/console/demo")
@ConsoleEndpoint
public class DemoResource {

    @Inject
    ConsoleSettings settings;

    @Inject
    ConsoleResource pages;

    @Inject
    DemoData demo;

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> load(@FormParam("csrf") String csrf, @CookieParam(ConsoleFilter.CSRF_COOKIE) String cookie) {
        if (!settings.devSignInEnabled()) {
            return Uni.createFrom().item(Response.status(404).build());
        }
        return pages.changing(csrf, cookie, user -> demo.load(user.tenant(), DemoData.DEFAULT_CLAIMS, user.tenant().hashCode())
                .map(written -> Response.seeOther(URI.create("/console/dashboard?from=" + java.time.LocalDate.now(
                        java.time.ZoneOffset.UTC).minusDays(365) + "&loaded=" + written.claims())).build())
                .onFailure(Backfill.TenantNotEmpty.class)
                .recoverWithItem(e -> pages.message(user, 409, "Not loaded", "This tenant already has claims: demo data "
                        + "is loaded only into an empty tenant.")));
    }
}
