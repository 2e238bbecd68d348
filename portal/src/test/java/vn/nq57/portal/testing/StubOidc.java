package vn.nq57.portal.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import vn.nq57.portal.testing.Stub.Issued;
import vn.nq57.portal.testing.Stub.Logout;

/**
 * A stub of Keycloak's realm {@code nq57}, as far as the portal uses it: discovery, JWKS (an RSA key made at start),
 * the authorization endpoint (PKCE S256 required; the user is the {@code login_hint} the test's browser adds, as a
 * person would type their name), the token endpoint (client {@code portal} with its secret; the code verifier must
 * match the challenge; refresh grants), and RP-initiated logout. Tokens carry the claims Keycloak's do: {@code iss},
 * {@code aud}, {@code sub}, {@code preferred_username}, {@code name}, {@code agency}, {@code realm_access.roles}.
 */
final class StubOidc {

    static final String REALM = "/realms/nq57";
    static final String CLIENT_ID = "portal";
    static final String CLIENT_SECRET = "local-dev-only-portal";
    static final int DEFAULT_ACCESS_LIFESPAN = 900;
    static final int DEFAULT_REFRESH_LIFESPAN = 1800;

    /**
     * A user of the realm: the demo users of identity/realm-nq57.json, one whose name has diacritics, and one in so many
     * groups that the tokens outgrow a cookie ({@code groups}: how many group paths the tokens carry).
     */
    record User(String username, String name, String agency, List<String> roles, int groups) {
        User(String username, String name, String agency, List<String> roles) {
            this(username, name, agency, roles, 0);
        }

        String sub() {
            return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
        }
    }

    static final Map<String, User> USERS = Map.of(
            "central.admin", new User("central.admin", "Central Admin", "BCDTW", List.of("central-admin")),
            "viewer.central", new User("viewer.central", "Viewer Central", "BCDTW", List.of("viewer")),
            "admin.bkhcn", new User("admin.bkhcn", "Admin BKHCN", "BKHCN", List.of("ministry-admin")),
            "viewer.bkhcn", new User("viewer.bkhcn", "Viewer BKHCN", "BKHCN", List.of("viewer")),
            "submitter.bkhcn", new User("submitter.bkhcn", "Submitter BKHCN", "BKHCN", List.of("data-submitter")),
            "admin.byt", new User("admin.byt", "Admin BYT", "BYT", List.of("ministry-admin")),
            "nguyen.thi.ha", new User("nguyen.thi.ha", "Nguyễn Thị Hà", "BKHCN-CDMST", List.of("data-submitter")),
            "admin.many.groups", new User("admin.many.groups", "Admin Many Groups", "BKHCN", List.of("ministry-admin"),
                    100));

    private record Code(User user, String challenge, String redirectUri, String nonce, String sid) {
    }

    private final String issuer;
    private final RsaJsonWebKey key;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final List<Issued> issued = new CopyOnWriteArrayList<>();
    private final List<Logout> logouts = new CopyOnWriteArrayList<>();
    private volatile int accessLifespan = DEFAULT_ACCESS_LIFESPAN;
    private volatile int refreshLifespan = DEFAULT_REFRESH_LIFESPAN;

    StubOidc(String issuer) {
        this.issuer = issuer;
        try {
            key = RsaJwkGenerator.generateJwk(2048);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
        key.setKeyId("stub-" + UUID.randomUUID());
        key.setUse("sig");
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    void reset() {
        accessLifespan = DEFAULT_ACCESS_LIFESPAN;
        refreshLifespan = DEFAULT_REFRESH_LIFESPAN;
        logouts.clear();
    }

    /** Lifespans (seconds) of the tokens issued from now on. */
    void lifespans(int access, int refresh) {
        accessLifespan = access;
        refreshLifespan = refresh;
    }

    List<Issued> issued() {
        return List.copyOf(issued);
    }

    List<Logout> logouts() {
        return List.copyOf(logouts);
    }

    /** The user an access token was issued to, while it is valid; null for anything else (an ID token too). */
    String userOf(String accessToken) {
        long now = System.currentTimeMillis() / 1000;
        return issued.stream().filter(i -> i.accessToken().equals(accessToken) && now < i.accessExpiresAt())
                .map(Issued::username).findFirst().orElse(null);
    }

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath().substring(REALM.length());
        switch (path) {
            case "/.well-known/openid-configuration" -> StubServer.send(exchange, 200, "application/json",
                    Json.write(metadata()));
            case "/protocol/openid-connect/certs" -> StubServer.send(exchange, 200, "application/json",
                    new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
            case "/protocol/openid-connect/auth" -> authorize(exchange);
            case "/protocol/openid-connect/token" -> token(exchange);
            case "/protocol/openid-connect/logout" -> logout(exchange);
            default -> StubServer.send(exchange, 404, "text/plain", "not found");
        }
    }

    private Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        String oidc = issuer + "/protocol/openid-connect";
        m.put("issuer", issuer);
        m.put("authorization_endpoint", oidc + "/auth");
        m.put("token_endpoint", oidc + "/token");
        m.put("jwks_uri", oidc + "/certs");
        m.put("end_session_endpoint", oidc + "/logout");
        m.put("response_types_supported", List.of("code"));
        m.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        m.put("subject_types_supported", List.of("public"));
        m.put("id_token_signing_alg_values_supported", List.of("RS256"));
        m.put("code_challenge_methods_supported", List.of("S256"));
        m.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        m.put("scopes_supported", List.of("openid", "profile", "email"));
        return m;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = StubServer.query(exchange.getRequestURI().getRawQuery());
        String redirectUri = q.get("redirect_uri");
        String problem = !CLIENT_ID.equals(q.get("client_id")) ? "unknown client_id " + q.get("client_id")
                : !"code".equals(q.get("response_type")) ? "response_type must be code"
                : !allowedRedirect(redirectUri) ? "redirect_uri not allowed: " + redirectUri
                : isBlank(q.get("code_challenge")) ? "PKCE: code_challenge missing"
                : !"S256".equals(q.get("code_challenge_method")) ? "PKCE: code_challenge_method must be S256"
                : isBlank(q.get("state")) ? "state missing"
                : !USERS.containsKey(q.get("login_hint")) ? "no such user: " + q.get("login_hint")
                : null;
        if (problem != null) {
            StubServer.send(exchange, 400, "text/plain; charset=UTF-8", problem);
            return;
        }
        String code = randomToken();
        String sid = randomToken();
        codes.put(code, new Code(USERS.get(q.get("login_hint")), q.get("code_challenge"), redirectUri, q.get("nonce"),
                sid));
        StubServer.redirect(exchange, redirectUri + (redirectUri.contains("?") ? "&" : "?")
                + "state=" + enc(q.get("state")) + "&session_state=" + sid + "&iss=" + enc(issuer) + "&code=" + code);
    }

    private void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            StubServer.send(exchange, 405, null, (String) null);
            return;
        }
        Map<String, String> form = StubServer.form(exchange);
        if (!clientAuthenticated(exchange, form)) {
            error(exchange, 401, "invalid_client", "client authentication failed");
            return;
        }
        String grant = form.get("grant_type");
        if ("authorization_code".equals(grant)) {
            Code code = codes.remove(form.getOrDefault("code", ""));
            if (code == null) {
                error(exchange, 400, "invalid_grant", "unknown or used code");
            } else if (!code.redirectUri().equals(form.get("redirect_uri"))) {
                error(exchange, 400, "invalid_grant", "redirect_uri differs from the authorization request");
            } else if (isBlank(form.get("code_verifier")) || !s256(form.get("code_verifier")).equals(code.challenge())) {
                error(exchange, 400, "invalid_grant", "PKCE verification failed");
            } else {
                grant(exchange, issue(grant, code.user(), code.sid(), code.nonce(), Long.MAX_VALUE));
            }
        } else if ("refresh_token".equals(grant)) {
            long now = System.currentTimeMillis() / 1000;
            Issued before = issued.stream().filter(i -> i.refreshToken().equals(form.get("refresh_token")))
                    .findFirst().orElse(null);
            if (before == null || now >= before.refreshExpiresAt()) {
                error(exchange, 400, "invalid_grant", "Token is not active");
            } else {
                // Keycloak's SSO session does not outlive its first refresh token (session max = its lifespan)
                grant(exchange, issue(grant, USERS.get(before.username()), before.sid(), null,
                        before.refreshExpiresAt()));
            }
        } else {
            error(exchange, 400, "unsupported_grant_type", String.valueOf(grant));
        }
    }

    private void logout(HttpExchange exchange) throws IOException {
        Map<String, String> q = StubServer.query(exchange.getRequestURI().getRawQuery());
        String hint = q.get("id_token_hint");
        Issued of = hint == null ? null : issued.stream().filter(i -> i.idToken().equals(hint)).findFirst().orElse(null);
        String back = q.get("post_logout_redirect_uri");
        if (of == null || !allowedRedirect(back)) {
            StubServer.send(exchange, 400, "text/plain", "logout needs id_token_hint and post_logout_redirect_uri");
            return;
        }
        logouts.add(new Logout(of.username(), back, hint));
        StubServer.redirect(exchange, back + (q.get("state") == null ? "" : (back.contains("?") ? "&" : "?")
                + "state=" + enc(q.get("state"))));
    }

    private boolean clientAuthenticated(HttpExchange exchange, Map<String, String> form) {
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8)
                    .split(":", 2);
            return pair.length == 2 && CLIENT_ID.equals(dec(pair[0])) && CLIENT_SECRET.equals(dec(pair[1]));
        }
        return CLIENT_ID.equals(form.get("client_id")) && CLIENT_SECRET.equals(form.get("client_secret"));
    }

    /** Tokens for {@code user}; none of them outlives {@code sessionEnd} (epoch seconds). */
    private Issued issue(String grant, User user, String sid, String nonce, long sessionEnd) {
        long now = System.currentTimeMillis() / 1000;
        long refreshExp = Math.min(now + refreshLifespan, sessionEnd);
        long accessExp = Math.min(now + accessLifespan, refreshExp);

        JwtClaims access = claims(user, now, accessExp, sid);
        access.setAudience("account");
        access.setClaim("typ", "Bearer");
        access.setClaim("realm_access", Map.of("roles", roles(user)));
        access.setClaim("scope", "openid email profile");
        String accessToken = sign(access);

        JwtClaims id = claims(user, now, accessExp, sid);
        id.setAudience(CLIENT_ID);
        id.setClaim("typ", "ID");
        id.setClaim("at_hash", atHash(accessToken));
        if (nonce != null) {
            id.setClaim("nonce", nonce);
        }
        String idToken = sign(id);

        JwtClaims refresh = new JwtClaims();
        refresh.setIssuer(issuer);
        refresh.setAudience(issuer);
        refresh.setSubject(user.sub());
        refresh.setIssuedAt(NumericDate.fromSeconds(now));
        refresh.setExpirationTime(NumericDate.fromSeconds(refreshExp));
        refresh.setJwtId(UUID.randomUUID().toString());
        refresh.setClaim("typ", "Refresh");
        refresh.setClaim("azp", CLIENT_ID);
        refresh.setClaim("sid", sid);
        String refreshToken = sign(refresh);

        Issued i = new Issued(grant, user.username(), accessToken, idToken, refreshToken, accessExp, refreshExp, sid);
        issued.add(i);
        return i;
    }

    private JwtClaims claims(User user, long now, long exp, String sid) {
        JwtClaims c = new JwtClaims();
        c.setIssuer(issuer);
        c.setSubject(user.sub());
        c.setIssuedAt(NumericDate.fromSeconds(now));
        c.setExpirationTime(NumericDate.fromSeconds(exp));
        c.setJwtId(UUID.randomUUID().toString());
        c.setClaim("azp", CLIENT_ID);
        c.setClaim("sid", sid);
        c.setClaim("preferred_username", user.username());
        c.setClaim("name", user.name());
        c.setClaim("agency", user.agency());
        c.setClaim("email_verified", true);
        if (user.groups() > 0) {
            c.setClaim("groups", java.util.stream.IntStream.range(0, user.groups())
                    .mapToObj(i -> "/BKHCN/don-vi-truc-thuoc-" + i).toList());
        }
        return c;
    }

    private static List<String> roles(User user) {
        List<String> roles = new java.util.ArrayList<>(List.of("offline_access", "default-roles-nq57",
                "uma_authorization"));
        roles.addAll(user.roles());
        return roles;
    }

    private String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private void grant(HttpExchange exchange, Issued i) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", i.accessToken());
        body.put("expires_in", i.accessExpiresAt() - System.currentTimeMillis() / 1000);
        body.put("refresh_expires_in", i.refreshExpiresAt() - System.currentTimeMillis() / 1000);
        body.put("refresh_token", i.refreshToken());
        body.put("token_type", "Bearer");
        body.put("id_token", i.idToken());
        body.put("not-before-policy", 0);
        body.put("session_state", i.sid());
        body.put("scope", "openid email profile");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        StubServer.send(exchange, 200, "application/json", Json.write(body));
    }

    private static void error(HttpExchange exchange, int status, String error, String description) throws IOException {
        StubServer.send(exchange, status, "application/json",
                Json.write(Map.of("error", error, "error_description", description)));
    }

    private static boolean allowedRedirect(String uri) {
        return uri != null && (uri.startsWith("http://localhost:") || uri.startsWith("http://127.0.0.1:"));
    }

    static String s256(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
    }

    private static String atHash(String accessToken) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha256(accessToken), 16));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomToken() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
