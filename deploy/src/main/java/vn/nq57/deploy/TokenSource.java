package vn.nq57.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Tokens of the demo users: password grant on the confidential client {@code portal}, with its secret (direct access
 * grants: local use only). One form POST to Keycloak's token endpoint; each user's token is kept 10 minutes.
 */
final class TokenSource {

    static final long KEEP_MILLIS = 600_000;

    private record Token(String value, long fetchedAt) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final String keycloak;
    private final String clientSecret;
    private final String password;
    private final Map<String, Token> cache = new HashMap<>();

    TokenSource(HttpClient http, String keycloak, String clientSecret, String password) {
        this.http = http;
        this.keycloak = keycloak;
        this.clientSecret = clientSecret;
        this.password = password;
    }

    String token(String user) throws Exception {
        Token cached = cache.get(user);
        if (cached != null && System.currentTimeMillis() - cached.fetchedAt() < KEEP_MILLIS) return cached.value();
        String form = "grant_type=password&client_id=portal&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)
                + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak + "/realms/nq57/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> r = send(request);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token for " + user + ": HTTP " + r.statusCode() + " " + Report.abbreviate(r.body()));
        }
        String token = json.readTree(r.body()).path("access_token").asText();
        cache.put(user, new Token(token, System.currentTimeMillis()));
        return token;
    }

    /** The Authorization header's value, for the ApiClients' request interceptor (which cannot throw checked). */
    String bearer(String user) {
        try {
            return "Bearer " + token(user);
        } catch (Exception e) {
            throw new Failure(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (attempt >= Calls.ATTEMPTS) throw e;
                Thread.sleep(1000L * attempt);
            }
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
