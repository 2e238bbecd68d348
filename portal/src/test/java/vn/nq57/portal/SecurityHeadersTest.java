package vn.nq57.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.nq57.portal.testing.Browser;
import vn.nq57.portal.testing.Browser.Response;
import vn.nq57.portal.testing.Html;
import vn.nq57.portal.testing.Stub;

/**
 * Every response carries a strict Content-Security-Policy (no inline script or style, no framing) and the other
 * security headers, and the pages keep to it: no inline script, no style attribute, no inline event handler; the
 * scripts and styles they load come from the portal itself.
 */
@QuarkusTest
class SecurityHeadersTest {

    static final Pattern ASSET = Pattern.compile("<(?:script[^>]*\\ssrc|link[^>]*\\shref)=\"([^\"]+)\"");

    @TestHTTPResource("/")
    URI portal;

    @AfterEach
    void resetStub() {
        Stub.reset();
    }

    @Test
    void everyResponseCarriesAStrictContentSecurityPolicyAndTheOtherSecurityHeaders() {
        List<Response> responses = new ArrayList<>();
        Browser anonymous = new Browser(portal);
        responses.add(anonymous.get("/"));
        responses.add(anonymous.get("/signed-out"));
        responses.add(anonymous.get("/q/health/ready"));
        Browser browser = new Browser(portal);
        browser.signIn("viewer.bkhcn");
        Response last = null;
        for (String page : Html.PAGES) {
            last = browser.open(page);
            responses.add(last);
        }
        responses.add(browser.get("/systems/H9"));
        responses.add(browser.get("/session", SignInTest.SCRIPT));
        responses.add(browser.post("/language", Browser.formFields(last, "/language")));

        assertThat(responses.stream().map(Response::status)).as("a redirect, pages, a 404, a 204, a 303")
                .contains(302, 200, 404, 204, 303);
        assertThat(responses).allSatisfy(r -> {
            String csp = r.header("Content-Security-Policy");
            assertThat(csp).as("CSP of %s %s", r.method(), r.uri()).isNotNull()
                    .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval", "*");
            assertThat(r.header("X-Content-Type-Options")).as("nosniff on %s", r.uri()).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).as("Referrer-Policy on %s", r.uri())
                    .isIn("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin");
        });
    }

    @Test
    void noPageHasAnInlineScriptAStyleAttributeOrAnEventHandler() {
        List<Response> pages = new ArrayList<>();
        pages.add(new Browser(portal).get("/signed-out"));
        Browser browser = new Browser(portal);
        browser.signIn("admin.bkhcn");
        for (String page : Html.PAGES) {
            pages.add(browser.open(page));
        }
        pages.add(browser.open("/?agency=BKHCN&phase=P2&period=2025"));
        pages.add(browser.get("/initiatives/00000000-0000-0000-0000-000000000000"));
        Stub.forbid("kpi");
        pages.add(browser.open("/"));

        assertThat(pages).allSatisfy(p -> {
            assertThat(p.body()).as("%s %s", p.uri(), p.status()).contains("</html>");
            assertThat(Html.inlineScripts(p.body())).as("inline scripts in %s", p.uri()).isEmpty();
            assertThat(Html.inlineStylesAndHandlers(p.body())).as("inline styles or handlers in %s", p.uri())
                    .isEmpty();
        });
    }

    @Test
    void theScriptsAndStylesAPageLoadsComeFromThePortalAndAreServedWithoutASession() {
        Browser browser = new Browser(portal);
        Response overview = browser.signIn("viewer.central");
        List<String> assets = new ArrayList<>();
        Matcher m = ASSET.matcher(overview.body());
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertThat(assets).as("the bundle").anySatisfy(a -> assertThat(a).endsWith(".js"))
                .anySatisfy(a -> assertThat(a).endsWith(".css"));
        Browser anonymous = new Browser(portal);
        assertThat(assets).allSatisfy(a -> {
            if (a.startsWith("data:")) {
                return;
            }
            assertThat(a).as("same origin").startsWith("/").doesNotStartWith("//");
            Response r = anonymous.get(a);
            assertThat(r.status()).as("%s", r).isEqualTo(200);
        });
    }
}
