package vn.nq57.platform.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A ministry instance's calls to its counterpart at central, as its own client at the central Keycloak (OAuth 2.0
 * client credentials). The access token is cached until shortly before it expires; when central nevertheless answers
 * 401 (an expired or revoked token) a fresh token is fetched and the call is made once more, transparently.
 */
@ApplicationScoped
public class CentralClient {

    private static final Logger LOG = Logger.getLogger(CentralClient.class);

    @Inject
    FederationConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    private HttpClient http;
    private Counter tokensFetched;
    private Counter tokensRefused;
    private volatile String token;
    private volatile Instant renewAt = Instant.EPOCH;

    /** A call to central failed: unreachable, refused, or an unexpected answer. */
    public static class CentralUnavailable extends RuntimeException {
        private final int status;

        public CentralUnavailable(String message, Throwable cause) {
            this(message, cause, 0);
        }

        public CentralUnavailable(String message, Throwable cause, int status) {
            super(message, cause);
            this.status = status;
        }

        /** The HTTP status central (or a proxy before it) answered, 0 when there was no answer. */
        public int status() {
            return status;
        }
    }

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        tokensFetched = registry.counter("nq57.federation.tokens.fetched");
        tokensRefused = registry.counter("nq57.federation.tokens.refused");
    }

    /** True when this instance is configured to talk to central (URL, token endpoint and client). */
    public boolean configured() {
        return config.centralUrl().isPresent() && config.tokenUrl().isPresent() && config.clientId().isPresent()
                && config.clientSecret().isPresent();
    }

    public JsonNode get(String pathAndQuery) {
        return call("GET", pathAndQuery, null, Map.of());
    }

    public JsonNode post(String path, Object body, Map<String, String> headers) {
        return call("POST", path, body, headers);
    }

    private JsonNode call(String method, String path, Object body, Map<String, String> headers) {
        String url = config.centralUrl().orElseThrow(() -> new CentralUnavailable("nq57.federation.central-url is not set", null))
                .replaceAll("/+$", "") + path;
        try {
            String json = body == null ? null : mapper.writeValueAsString(body);
            HttpResponse<String> response = send(method, url, json, headers, false);
            if (response.statusCode() == 401) {
                LOG.infof("Central refused the federation token (%s %s): fetching a new one", method, path);
                tokensRefused.increment();
                response = send(method, url, json, headers, true);
            }
            if (response.statusCode() / 100 != 2) {
                throw new CentralUnavailable(method + " " + url + " answered " + response.statusCode() + ": "
                        + abbreviate(response.body()), null, response.statusCode());
            }
            return response.body() == null || response.body().isBlank() ? mapper.createObjectNode()
                    : mapper.readTree(response.body());
        } catch (IOException e) {
            throw new CentralUnavailable(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CentralUnavailable(method + " " + url + " interrupted", e);
        }
    }

    private HttpResponse<String> send(String method, String url, String json, Map<String, String> headers,
                                      boolean freshToken) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + token(freshToken)).header("Accept", "application/json");
        headers.forEach(request::header);
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The cached access token, or a new one when it is (nearly) expired or {@code fresh} is asked for. */
    synchronized String token(boolean fresh) throws IOException, InterruptedException {
        if (!fresh && token != null && Instant.now().isBefore(renewAt)) {
            return token;
        }
        String tokenUrl = config.tokenUrl().orElseThrow(() -> new CentralUnavailable("nq57.federation.token-url is not set", null));
        String form = "grant_type=client_credentials&client_id=" + encode(config.clientId().orElse(""))
                + "&client_secret=" + encode(config.clientSecret().orElse(""));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new CentralUnavailable("the central Keycloak refused client " + config.clientId().orElse("?")
                    + ": " + response.statusCode() + " " + abbreviate(response.body()), null);
        }
        JsonNode answer = mapper.readTree(response.body());
        token = answer.path("access_token").asText();
        long expiresIn = answer.path("expires_in").asLong(60);
        renewAt = Instant.now().plusSeconds(expiresIn).minus(config.tokenRefreshMargin());
        tokensFetched.increment();
        return token;
    }

    /** Forgets the cached token (operations; tests). */
    public synchronized void forgetToken() {
        token = null;
        renewAt = Instant.EPOCH;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
