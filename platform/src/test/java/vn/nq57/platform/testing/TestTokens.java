package vn.nq57.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.List;
import java.util.Map;

/**
 * JWTs for tests, shaped like Keycloak's access tokens (realm roles under {@code realm_access.roles}, the
 * {@code agency} claim) and signed with the test-only key {@code nq57-test-privateKey.pem} that the {@code %test}
 * profile trusts. Never used outside tests.
 */
public final class TestTokens {

    public static final String ISSUER = "https://test.nq57.local/realms/nq57";

    private TestTokens() {
    }

    /** A token for {@code user} acting for {@code agency} (may be null) with the given realm roles. */
    public static String token(String user, String agency, String... roles) {
        return expiringIn(3600, user, agency, roles);
    }

    /** As {@link #token} with a token that expires {@code seconds} from now. */
    public static String expiringIn(long seconds, String user, String agency, String... roles) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(user)
                .claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(seconds);
        if (agency != null) {
            claims.claim("agency", agency);
        }
        return claims.sign();
    }

    /** A central admin (agency {@code BCDTW}, the Central Steering Committee). */
    public static String centralAdmin() {
        return token("central.admin", "BCDTW", "central-admin");
    }

    public static String ministryAdmin(String agency) {
        return token("admin." + agency.toLowerCase(), agency, "ministry-admin");
    }

    public static String submitter(String agency) {
        return token("submitter." + agency.toLowerCase(), agency, "data-submitter");
    }

    public static String viewer(String agency) {
        return token("viewer." + agency.toLowerCase(), agency, "viewer");
    }

    /**
     * A ministry instance's federation client (client credentials at the central Keycloak): realm role
     * {@code federation}, claims {@code instance} and {@code agency} (left out when null).
     */
    public static String federation(String instance, String agency) {
        var claims = Jwt.issuer(ISSUER)
                .subject("service-account-nq57-federation-" + instance)
                .claim("preferred_username", "service-account-nq57-federation-" + instance)
                .claim("realm_access", Map.of("roles", List.of("federation")))
                .claim("instance", instance);
        if (agency != null) {
            claims.claim("agency", agency);
        }
        return claims.expiresIn(3600).sign();
    }

    /** A token whose signature no instance trusts. */
    public static String forged() {
        String valid = centralAdmin();
        return valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);
    }
}
