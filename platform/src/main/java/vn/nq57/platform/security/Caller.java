package vn.nq57.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: subject, realm roles and the {@code agency} claim of the verified JWT.
 */
@RequestScoped
public class Caller {

    public static final String AGENCY_CLAIM = "agency";

    @Inject
    JsonWebToken jwt;

    /** The user name (or the service account's client id), falling back to the token subject. */
    public String subject() {
        if (jwt == null || jwt.getRawToken() == null) {
            return "system";
        }
        String name = jwt.getClaim("preferred_username");
        return name != null ? name : jwt.getSubject();
    }

    /** The agency code of the caller, or null for a token without one. */
    public String agency() {
        return claim(AGENCY_CLAIM);
    }

    /** A string claim of the caller's token (e.g. {@code instance} of a federation client), or null. */
    public String claim(String name) {
        if (jwt == null || jwt.getRawToken() == null) {
            return null;
        }
        Object claim = jwt.getClaim(name);
        if (claim == null) {
            return null;
        }
        String value = claim.toString();
        if (value.startsWith("\"") && value.endsWith("\"") && value.length() > 1) {
            value = value.substring(1, value.length() - 1);
        }
        return value.isBlank() ? null : value;
    }

    public Set<String> roles() {
        return jwt == null || jwt.getGroups() == null ? Set.of() : jwt.getGroups();
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    public boolean isCentralAdmin() {
        return hasRole(Roles.CENTRAL_ADMIN);
    }
}
