package vn.nq57.portal.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/** What a test tells the stub provider and services ({@link StubServer}), and what they saw. */
public final class Stub {

    /** A call a service got: the user whose access token it carried (null: no valid token) and the answer. */
    public record Call(String service, String method, String path, String query, String user, String token,
                       int status) {
        public String pathAndQuery() {
            return query == null ? path : path + "?" + query;
        }
    }

    /** Tokens the provider issued ({@code grant}: authorization_code or refresh_token); times in epoch seconds. */
    public record Issued(String grant, String username, String accessToken, String idToken, String refreshToken,
                         long accessExpiresAt, long refreshExpiresAt, String sid) {
    }

    /** An RP-initiated logout the provider accepted. */
    public record Logout(String username, String postLogoutRedirectUri, String idTokenHint) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Stub() {
    }

    public static String url() {
        return ConfigProvider.getConfig().getValue("nq57.test.stub-url", String.class);
    }

    public static String issuer() {
        return url() + StubOidc.REALM;
    }

    public static String authorizationEndpoint() {
        return issuer() + "/protocol/openid-connect/auth";
    }

    public static String endSessionEndpoint() {
        return issuer() + "/protocol/openid-connect/logout";
    }

    /** No faults, default token lifespans, no calls recorded. */
    public static void reset() {
        post("/_stub/reset");
    }

    /** {@code service} answers 403 (problem+json, as the services do for a scope the user lacks). */
    public static void forbid(String service) {
        post("/_stub/fault?service=" + service + "&mode=FORBIDDEN");
    }

    /** {@code service} answers 503. */
    public static void unavailable(String service) {
        post("/_stub/fault?service=" + service + "&mode=UNAVAILABLE");
    }

    /** {@code service} answers nothing until the next {@link #reset()} (or 30 s). */
    public static void hang(String service) {
        post("/_stub/fault?service=" + service + "&mode=HANG");
    }

    /** Lifespans (seconds) of the access and ID tokens, and of the refresh token, issued from now on. */
    public static void lifespans(int access, int refresh) {
        post("/_stub/lifespan?access=" + access + "&refresh=" + refresh);
    }

    public static List<Call> calls() {
        return Json.read(get("/_stub/calls"), new TypeReference<>() {
        });
    }

    public static List<Issued> issued() {
        return Json.read(get("/_stub/issued"), new TypeReference<>() {
        });
    }

    public static List<Issued> issuedTo(String username) {
        return issued().stream().filter(i -> i.username().equals(username)).toList();
    }

    /** The tokens issued last to {@code username} (at sign-in or at the latest refresh). */
    public static Issued lastIssuedTo(String username) {
        List<Issued> all = issuedTo(username);
        if (all.isEmpty()) {
            throw new AssertionError("no token was issued to " + username);
        }
        return all.get(all.size() - 1);
    }

    public static List<Logout> logouts() {
        return Json.read(get("/_stub/logouts"), new TypeReference<>() {
        });
    }

    private static void post(String path) {
        send(HttpRequest.newBuilder(URI.create(url() + path)).POST(HttpRequest.BodyPublishers.noBody()), 204);
    }

    private static String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).GET(), 200);
    }

    private static String send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException("stub control " + r.uri() + " answered " + r.statusCode() + ": "
                        + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
