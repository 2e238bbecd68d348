package vn.nq57.portal.web;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in user of this request: name, agency and roles (from the tokens Keycloak issued), and the access token
 * the portal sends to the services on the user's behalf. Templates read it as {@code inject:user}.
 */
@Named("user")
@RequestScoped
public class CurrentUser {

    /** The roles the platform knows, strongest first (a user shows the first one it holds). */
    public static final List<String> ROLES = List.of("central-admin", "ministry-admin", "data-submitter", "viewer");

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    public boolean signedIn() {
        return identity != null && !identity.isAnonymous();
    }

    /** "Authorization" header value for the services: the user's own access token. */
    public String bearer() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new IllegalStateException("no access token in the session");
        }
        return "Bearer " + token.getToken();
    }

    public String name() {
        String name = claim("name");
        return name != null ? name : username();
    }

    public String username() {
        String u = claim("preferred_username");
        return u != null ? u : identity.getPrincipal().getName();
    }

    /** The agency code the user acts for (the token's {@code agency} claim), or null. */
    public String agency() {
        return claim("agency");
    }

    /** The user's strongest platform role, or null. */
    public String role() {
        return ROLES.stream().filter(identity::hasRole).findFirst().orElse(null);
    }

    /** May report values (a data clerk or an admin). */
    public boolean reporter() {
        return identity.hasRole("data-submitter") || approver();
    }

    /** May approve values and answer obstacles (an admin). */
    public boolean approver() {
        return identity.hasRole("ministry-admin") || centralAdmin();
    }

    public boolean centralAdmin() {
        return identity.hasRole("central-admin");
    }

    private String claim(String name) {
        if (idToken == null) {
            return null;
        }
        Object v = idToken.getClaim(name);
        return v == null ? null : v.toString().replace("\"", "");
    }
}
