package vn.nq57.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.nq57.portal.testing.Browser;
import vn.nq57.portal.testing.Browser.Response;
import vn.nq57.portal.testing.Stub;
import vn.nq57.portal.testing.Stub.Logout;

/** Signing out is RP-initiated: the portal's session cookie goes, the provider's session ends, then /signed-out. */
@QuarkusTest
class SignOutTest {

    @TestHTTPResource("/")
    URI portal;

    @AfterEach
    void resetStub() {
        Stub.reset();
    }

    @Test
    void signingOutEndsTheProvidersSessionClearsTheSessionCookieAndLandsOnSignedOut() {
        Browser browser = new Browser(portal);
        Response overview = browser.signIn("admin.bkhcn");
        String idToken = Stub.lastIssuedTo("admin.bkhcn").idToken();

        List<Response> hops = new ArrayList<>();
        Response current = browser.post("/sign-out", Browser.formFields(overview, "/sign-out"));
        hops.add(current);
        while (current.redirect() && hops.size() < 10) {
            current = browser.get(current.location().toString());
            hops.add(current);
        }

        Response toProvider = hops.stream().filter(h -> h.redirect()
                        && h.location().toString().startsWith(Stub.endSessionEndpoint() + "?"))
                .findFirst().orElseThrow(() -> new AssertionError("never sent to the end-session endpoint: " + hops));
        assertThat(toProvider.uri().getAuthority()).as("the portal sends the browser there")
                .isEqualTo(portal.getAuthority());
        Map<String, String> q = toProvider.locationQuery();
        assertThat(q.get("id_token_hint")).isEqualTo(idToken);
        assertThat(q.get("post_logout_redirect_uri")).endsWith("/signed-out")
                .isEqualTo(portal.resolve("/signed-out").toString());
        assertThat(hops.stream().flatMap(h -> h.setCookies().stream()))
                .as("the session cookie is cleared").anySatisfy(c -> {
                    assertThat(c.name()).isEqualTo("q_session");
                    assertThat(c.removes()).isTrue();
                });
        assertThat(browser.cookies().keySet()).noneSatisfy(name -> assertThat(name).startsWith("q_session"));
        assertThat(Stub.logouts()).extracting(Logout::username).containsExactly("admin.bkhcn");

        assertThat(current.status()).as("%s", current).isEqualTo(200);
        assertThat(current.uri().getPath()).isEqualTo("/signed-out");
        assertThat(current.body()).contains("Bạn đã đăng xuất");

        Response after = browser.get("/");
        assertThat(after.status()).as("signed out: %s", after).isEqualTo(302);
        assertThat(after.header("Location")).startsWith(Stub.authorizationEndpoint() + "?");
    }

    @Test
    void signingOutWithoutTheFormTokenIsRefusedAndTheSessionGoesOn() {
        Browser browser = new Browser(portal);
        browser.signIn("viewer.bkhcn");

        Response refused = browser.post("/sign-out", Map.of());

        assertThat(refused.status()).as("%s", refused).isBetween(400, 499);
        assertThat(Stub.logouts()).isEmpty();
        Response still = browser.get("/");
        assertThat(still.status()).as("%s", still).isEqualTo(200);
    }

    @Test
    void anotherSiteCannotSignTheUserOutWithALink() {
        Browser browser = new Browser(portal);
        browser.signIn("viewer.bkhcn");

        Response link = browser.get("/logout");

        assertThat(link.status()).as("%s", link).isEqualTo(404);
        assertThat(Stub.logouts()).isEmpty();
        Response still = browser.get("/session");
        assertThat(still.status()).as("the session goes on: %s", still).isEqualTo(204);
    }

    @Test
    void theSignedOutPageRendersWithoutASession() {
        Response page = new Browser(portal).get("/signed-out");
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"vi\">", "Bạn đã đăng xuất", "Đăng nhập lại");
    }
}
