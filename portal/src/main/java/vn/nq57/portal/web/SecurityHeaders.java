package vn.nq57.portal.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Headers on every response, redirects included: a Content-Security-Policy without inline scripts or styles (the
 * pages load only the portal's own bundle), no framing, no MIME sniffing, no full referrer to other sites. Forms may
 * post to the portal and to Keycloak (logout and sign-in redirect through it).
 */
@ApplicationScoped
public class SecurityHeaders {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    void install(@Observes Router router) {
        URI sso = URI.create(issuer);
        String ssoOrigin = sso.getScheme() + "://" + sso.getRawAuthority();
        String csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                + "form-action 'self' " + ssoOrigin;
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            rc.addHeadersEndHandler(v -> rc.response().headers()
                    .set("Content-Security-Policy", csp)
                    .set("X-Content-Type-Options", "nosniff")
                    .set("X-Frame-Options", "DENY")
                    .set("Referrer-Policy", "strict-origin-when-cross-origin")
                    .set("Permissions-Policy", "camera=(), microphone=(), geolocation=()"));
            rc.next();
        });
    }
}
