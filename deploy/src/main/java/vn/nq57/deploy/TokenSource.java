package vn.nq57.deploy;

import vn.nq57.client.KeycloakTokens;

/**
 * Tokens of the demo users: the password grant on the confidential client {@code portal}, with its secret (direct access
 * grants: local use only), through {@link KeycloakTokens} (api-clients), which keeps each token until shortly before it
 * expires.
 */
final class TokenSource {

    private final KeycloakTokens tokens;
    private final String password;

    TokenSource(String keycloak, String clientSecret, String password) {
        this.tokens = new KeycloakTokens(keycloak + "/realms/nq57", "portal", clientSecret);
        this.password = password;
    }

    String token(String user) throws Exception {
        return tokens.token(user, password);
    }

    /** The Authorization header's value, for the ApiClients' request interceptor (which cannot throw checked). */
    String bearer(String user) {
        try {
            return "Bearer " + token(user);
        } catch (Exception e) {
            throw new Failure(e);
        }
    }

    /** No token: carries the reason out of a request interceptor; {@link Calls} throws the reason itself. */
    static final class Failure extends RuntimeException {
        Failure(Exception reason) {
            super(reason.getMessage(), reason);
        }

        Exception reason() {
            return (Exception) getCause();
        }
    }
}
