package vn.nq57.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nq57.portal.testing.Browser;
import vn.nq57.portal.testing.Html;
import vn.nq57.portal.testing.Browser.Response;
import vn.nq57.portal.testing.Browser.SetCookie;
import vn.nq57.portal.testing.Stub;
import vn.nq57.portal.testing.Stub.Call;
import vn.nq57.portal.testing.Stub.Issued;

/**
 * Signing in: the authorization code flow with PKCE against the provider, the session that follows (cookies the
 * browser cannot read, tokens it never sees), token refresh and what a script gets once the session has expired.
 */
@QuarkusTest
class SignInTest {

    /** What the portal's own script sends (app.js): an expired session then answers 499, not a redirect. */
    static final String[] SCRIPT = {"X-Requested-With", "XMLHttpRequest", "HX-Request", "true"};

    @TestHTTPResource("/")
    URI portal;

    @BeforeEach
    @AfterEach
    void resetStub() {
        Stub.reset();
    }

    @Test
    void anAnonymousVisitorIsSentToTheProviderWithPkceAndLandsOnTheOverviewInVietnamese() {
        int issuedBefore = Stub.issuedTo("viewer.bkhcn").size();
        Browser browser = new Browser(portal);
        Response first = browser.get("/");
        assertThat(first.status()).as("anonymous GET /").isEqualTo(302);
        assertThat(first.header("Location")).startsWith(Stub.authorizationEndpoint() + "?");
        Map<String, String> q = first.locationQuery();
        assertThat(q).containsEntry("client_id", "portal").containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256").containsKey("state");
        assertThat(q.get("code_challenge")).as("S256 challenge: base64url of 32 bytes").matches("[A-Za-z0-9_-]{43}");
        assertThat(q.get("redirect_uri")).isEqualTo(portal.resolve("/auth/callback").toString());
        assertThat(q.get("scope").split(" ")).contains("openid", "profile");

        Response overview = browser.as("viewer.bkhcn").follow(first);

        assertThat(overview.status()).as("%s", overview).isEqualTo(200);
        assertThat(overview.uri().getPath()).isEqualTo("/");
        assertThat(overview.uri().getQuery()).as("code and state are not left in the address").isNull();
        assertThat(overview.header("Content-Type")).startsWith("text/html");
        assertThat(overview.body()).contains("<html lang=\"vi\">", "Tổng quan thực hiện Kế hoạch hành động chiến lược",
                "55,3 %", "4.778,3 tỷ đồng", "Đổi mới thể chế và quản trị quốc gia");
        assertThat(Html.userInfo(overview)).contains("Viewer BKHCN", "BKHCN", "Người xem");
        List<Issued> issued = Stub.issuedTo("viewer.bkhcn");
        assertThat(issued.subList(issuedBefore, issued.size())).as("one code exchange, no refresh")
                .extracting(Issued::grant).containsExactly("authorization_code");
    }

    @Test
    void theSessionLivesInHttpOnlySameSiteLaxCookiesAndTheBrowserNeverReadsAToken() {
        Browser browser = new Browser(portal);
        browser.signIn("admin.bkhcn");
        browser.open("/systems/H4");
        Issued tokens = Stub.lastIssuedTo("admin.bkhcn");

        List<SetCookie> set = browser.history().stream().filter(r -> r.uri().getAuthority()
                .equals(portal.getAuthority())).flatMap(r -> r.setCookies().stream()).toList();
        List<SetCookie> session = set.stream().filter(c -> c.name().startsWith("q_session") && !c.removes()).toList();
        assertThat(session).as("session cookies set by the sign-in").isNotEmpty();
        assertThat(session).allSatisfy(c -> {
            assertThat(c.httpOnly()).as("HttpOnly: %s", c.raw()).isTrue();
            assertThat(c.sameSite()).as("SameSite: %s", c.raw()).isEqualToIgnoringCase("Lax");
        });
        assertThat(set.stream().filter(c -> c.name().startsWith("q_") && !c.removes())).as("every OIDC cookie")
                .allSatisfy(c -> assertThat(c.httpOnly()).as("HttpOnly: %s", c.raw()).isTrue());
        assertThat(set.stream().filter(c -> !c.httpOnly())).as("cookies a script can read")
                .allSatisfy(c -> assertThat(c.value()).doesNotContain("eyJ"));
        assertThat(set).as("no cookie holds a token in clear").allSatisfy(c -> assertThat(c.value())
                .doesNotContain(payload(tokens.accessToken()), payload(tokens.idToken()),
                        payload(tokens.refreshToken())));
        assertThat(browser.history()).as("no page carries a token").allSatisfy(r ->
                assertThat(r.body()).doesNotContain("eyJ"));
    }

    @Test
    void tokensTooLargeForOneCookieKeepTheSessionInCookiesABrowserAccepts() {
        Browser browser = new Browser(portal);
        browser.signIn("admin.many.groups");
        Issued tokens = Stub.lastIssuedTo("admin.many.groups");
        assertThat(tokens.accessToken().length()).as("the access token alone").isGreaterThan(4096);

        assertThat(browser.open("/systems/H4").status()).isEqualTo(200);
        assertThat(browser.get("/session", SCRIPT).status()).isEqualTo(204);
        assertThat(Stub.calls()).as("the services got the whole token").isNotEmpty()
                .allSatisfy(c -> assertThat(c.token()).isEqualTo(tokens.accessToken()));
        // browsers keep a cookie of at most 4096 bytes (name, value and attributes): larger ones are dropped
        assertThat(browser.history().stream().flatMap(r -> r.setCookies().stream()))
                .allSatisfy(c -> assertThat(c.name().length() + c.value().length())
                        .as("size of cookie %s", c.name()).isLessThanOrEqualTo(4096));
    }

    @Test
    void aNameWrittenWithVietnameseDiacriticsIsShownAsWritten() {
        Response overview = new Browser(portal).signIn("nguyen.thi.ha");
        assertThat(Html.userInfo(overview)).contains("Nguyễn Thị Hà", "BKHCN-CDMST", "Cán bộ nhập số liệu");
    }

    @Test
    void aScriptRequestWithoutASessionAnswers499InsteadOfARedirect() {
        Browser browser = new Browser(portal);
        for (String path : List.of("/session", "/", "/systems/H4", "/live")) {
            Response r = browser.get(path, SCRIPT);
            assertThat(r.status()).as("%s", r).isEqualTo(499);
            assertThat(r.header("Location")).as("no redirect into a fragment").isNull();
        }
        assertThat(Stub.calls()).as("no service was called").isEmpty();
    }

    @Test
    void theSessionEndpointAnswers204WhileSignedIn() {
        Browser browser = new Browser(portal);
        browser.signIn("viewer.central");
        Response r = browser.get("/session", SCRIPT);
        assertThat(r.status()).as("%s", r).isEqualTo(204);
        assertThat(r.header("Cache-Control")).contains("no-store");
    }

    @Test
    void anAccessTokenCloseToExpiryIsRefreshedAndTheServicesGetTheNewOne() {
        // the portal refreshes a token that expires within a minute (refresh-token-time-skew=PT1M)
        Stub.lifespans(30, 1800);
        Browser browser = new Browser(portal);
        browser.signIn("admin.byt");
        String first = Stub.lastIssuedTo("admin.byt").accessToken();
        int issuedBefore = Stub.issuedTo("admin.byt").size();
        Stub.reset();

        Response page = browser.open("/");

        assertThat(page.status()).as("%s", page).isEqualTo(200);
        assertThat(page.uri().getPath()).as("still signed in").isEqualTo("/");
        List<Issued> all = Stub.issuedTo("admin.byt");
        List<Issued> issued = all.subList(issuedBefore, all.size());
        assertThat(issued).extracting(Issued::grant).as("refreshed, not signed in again").containsOnly("refresh_token")
                .isNotEmpty();
        Set<String> refreshed = issued.stream()
                .map(Issued::accessToken).collect(Collectors.toSet());
        List<Call> calls = Stub.calls();
        assertThat(calls).isNotEmpty().allSatisfy(c -> {
            assertThat(c.token()).as("%s carried a refreshed token", c.pathAndQuery()).isNotEqualTo(first)
                    .isIn(refreshed);
            assertThat(c.status()).as("%s was accepted", c.pathAndQuery()).isNotEqualTo(401);
        });
    }

    @Test
    void onceTheSessionHasExpiredScriptsGet499AndPagesGoBackToSignIn() {
        // the provider's session ends with the tokens: nothing left to refresh with
        Stub.lifespans(6, 6);
        Browser browser = new Browser(portal);
        browser.signIn("submitter.bkhcn");
        assertThat(browser.get("/session", SCRIPT).status()).as("while the tokens are valid").isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(browser.get("/session", SCRIPT).status()).isEqualTo(499));

        Response page = browser.get("/systems/H4");
        assertThat(page.status()).as("%s", page).isEqualTo(302);
        assertThat(page.header("Location")).startsWith(Stub.authorizationEndpoint() + "?");
    }

    @Test
    void readinessIsOpenWithoutASessionOnTheManagementPortOnly() {
        URI management = URI.create("http://localhost:"
                + ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class));
        Response r = new Browser(management).get("/q/health/ready");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.body()).contains("\"UP\"");
        assertThat(new Browser(management).get("/q/metrics").body()).contains("http_server_requests_seconds");

        assertThat(new Browser(portal).get("/q/health/ready").status()).as("not on the public port").isEqualTo(404);
        assertThat(new Browser(portal).get("/q/metrics").status()).as("not on the public port").isEqualTo(404);
    }

    /** The claims part of a JWT: what a readable token would show. */
    static String payload(String jwt) {
        return jwt.split("\\.")[1];
    }
}
