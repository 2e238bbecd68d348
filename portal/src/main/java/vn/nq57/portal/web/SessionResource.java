package vn.nq57.portal.web;

import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The language switch, signing out (RP-initiated, through Keycloak) and the page after it. */
@Path("/")
public class SessionResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedOut();

        static native TemplateInstance error(int status, String correlationId);
    }

    @Inject
    Lang lang;

    @Inject
    HttpServerRequest request;

    @Inject
    OidcSession session;

    @Inject
    OidcConfigurationMetadata metadata;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @ConfigProperty(name = "quarkus.oidc.client-id")
    String clientId;

    @ConfigProperty(name = "nq57.portal.public-url")
    Optional<String> publicUrl;

    /** Remembers the language for a year and goes back to the page the switch was on. */
    @POST
    @Path("/language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response language(@FormParam("lang") String chosen) {
        String value = "en".equals(chosen) ? "en" : "vi";
        NewCookie cookie = new NewCookie.Builder(Lang.COOKIE).value(value).path("/").maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.seeOther(back()).cookie(cookie).build();
    }

    /**
     * Ends the portal session and Keycloak's (RP-initiated logout): the session cookies are removed here, then the
     * browser goes to Keycloak's end-session endpoint with the ID token as hint and comes back to {@code /signed-out}.
     * Only this CSRF-checked POST signs out (no GET path another site could link to).
     */
    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signOut(@Context UriInfo uri) {
        String hint = idToken.getRawToken();
        URI back = publicUrl.map(u -> URI.create(u.replaceAll("/+$", "") + "/signed-out"))
                .orElse(uri.getBaseUriBuilder().path("signed-out").build());
        URI end = UriBuilder.fromUri(metadata.getEndSessionUri()).queryParam("client_id", clientId)
                .queryParam("id_token_hint", hint).queryParam("post_logout_redirect_uri", back).build();
        return session.logout().map(v -> Response.seeOther(end).header("Cache-Control", "no-store").build());
    }

    /** 204 while the session lasts (a script asks before reconnecting its stream; an expired session answers 499). */
    @GET
    @Path("/session")
    public Response session() {
        return Response.noContent().header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/signed-out")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signedOut() {
        return Templates.signedOut().setLocale(lang.locale());
    }

    /** The page the request came from, if it was one of this portal's (never another site). */
    URI back() {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI r = URI.create(referer);
                String host = request.getHeader("Host");
                if (host != null && host.equals(r.getRawAuthority()) && r.getRawPath() != null
                        && r.getRawPath().startsWith("/")) {
                    return URI.create(r.getRawPath() + (r.getRawQuery() == null ? "" : "?" + r.getRawQuery()));
                }
            } catch (IllegalArgumentException ignored) {
                // not a URI: go home
            }
        }
        return URI.create("/");
    }
}
