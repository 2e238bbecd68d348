package vn.nq57.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens from a Keycloak realm for the programs that call the APIs from outside the services — the sample loader,
 * the end-to-end tests and benchmarks: the OAuth 2.0 password grant on a client for a person (RFC 6749 §4.3; Keycloak's
 * direct access grants, which the local and test realms allow and the production realm does not) or the client's own
 * token (client credentials, §4.4); one form POST to the realm's token endpoint, tried three times while Keycloak
 * cannot be reached. Each token is kept until 30 s before it expires. (The services themselves get theirs through
 * quarkus-oidc-client; the portal through quarkus-oidc.)
 */
public final class KeycloakTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 3;
    private static final long MARGIN_SECONDS = 30;

    private record Token(String value, long renewAtMillis) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, Token> cache = new ConcurrentHashMap<>();

    /**
     * @param realmUrl     e.g. {@code http://127.0.0.1:8180/realms/nq57}
     * @param clientSecret the client's secret, or null for a public client (e.g. {@code admin-cli})
     */
    public KeycloakTokens(String realmUrl, String clientId, String clientSecret) {
        this.endpoint = URI.create(realmUrl.replaceAll("/+$", "") + "/protocol/openid-connect/token");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /**
     * The user's access token, from the cache while it has more than 30 s left.
     *
     * @throws IllegalStateException when Keycloak refuses (with its status and answer)
     * @throws IOException           when Keycloak could not be reached three times
     */
    public String token(String user, String password) throws IOException, InterruptedException {
        return cached(user, "grant_type=password&username=" + encode(user) + "&password=" + encode(password));
    }

    /** The client's own access token (the client-credentials grant; a confidential client), cached as a user's. */
    public String clientToken() throws IOException, InterruptedException {
        return cached("", "grant_type=client_credentials");
    }

    private String cached(String key, String grant) throws IOException, InterruptedException {
        Token cached = cache.get(key);
        if (cached != null && System.currentTimeMillis() < cached.renewAtMillis()) {
            return cached.value();
        }
        String form = grant + "&client_id=" + encode(clientId)
                + (clientSecret == null ? "" : "&client_secret=" + encode(clientSecret));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> answer = send(request);
        if (answer.statusCode() != 200) {
            String body = answer.body() == null ? "" : answer.body();
            throw new IllegalStateException("no token for " + (key.isEmpty() ? clientId : key) + " from " + endpoint
                    + ": HTTP " + answer.statusCode() + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
        JsonNode json = JSON.readTree(answer.body());
        String token = json.path("access_token").asText();
        long lifetime = Math.max(0, json.path("expires_in").asLong(60) - MARGIN_SECONDS);
        cache.put(key, new Token(token, System.currentTimeMillis() + lifetime * 1000));
        return token;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(1000L * attempt);
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
