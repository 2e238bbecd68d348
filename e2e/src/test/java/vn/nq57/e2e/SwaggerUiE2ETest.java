package vn.nq57.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A ministry's integrator reading the contract in Swagger UI ({@code /q/swagger-ui} of kpi-service) in a real
 * Chromium: "Authorize" discovers the realm through the document's {@code openIdConnect} scheme, signs in on
 * Keycloak's own login page with the public client {@code nq57-api-docs} (authorization code + PKCE), and "Try it
 * out" then calls the API with the user's token: 401 before, 200 after.
 */
@ExtendWith(Suite.class)
class SwaggerUiE2ETest {

    static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void authorizeSignsInThroughKeycloakWithPkceAndTryItOutCallsTheApiAsTheUser() {
        String kpi = Suite.get().url("kpi");
        try (BrowserContext context = browser.context(1280, 900)) {
            Page page = context.newPage();
            page.navigate(kpi + "/q/swagger-ui/");
            Locator operation = page.locator("#operations-Evaluation-planEvaluation");
            operation.locator(".opblock-summary").first().click();
            operation.locator("button.try-out__btn").click();
            assertThat(execute(page, operation).status()).as("before signing in").isEqualTo(401);

            page.click(".auth-wrapper .btn.authorize");
            Locator pkce = page.locator(".modal-ux .auth-container",
                    new Page.LocatorOptions().setHasText("authorization_code with PKCE"));
            assertThat(pkce.innerText()).contains(Suite.get().issuer() + "/.well-known/openid-configuration",
                    Suite.get().issuer() + "/protocol/openid-connect/auth");
            Page login = context.waitForPage(() -> pkce.locator("button.authorize").click());
            login.waitForSelector("#username");
            assertThat(login.url()).startsWith(Suite.get().issuer() + "/protocol/openid-connect/auth")
                    .contains("client_id=nq57-api-docs", "code_challenge_method=S256");
            login.fill("#username", "admin.bkhcn");
            login.fill("#password", Suite.PASSWORD);
            signInClosing(login);
            Locator logout = pkce.locator("button", new Locator.LocatorOptions().setHasText("Logout"));
            logout.waitFor();
            assertThat(logout.count()).as("Swagger UI holds a token for the oidc scheme").isEqualTo(1);
            assertThat(pkce.locator(".errors").count()).as("no auth error").isZero();
            Browser.shot(page, "swagger-ui-authorized");
            page.locator(".modal-ux .close-modal").click();

            Response signedIn = execute(page, operation);
            assertThat(signedIn.status()).isEqualTo(200);
            String token = signedIn.request().headerValue("authorization");
            assertThat(token).startsWith("Bearer ");
            assertThat(Suite.claims(token.substring(7)).path("agency").asText())
                    .as("the token of the user who signed in").isEqualTo("BKHCN");
            assertThat(signedIn.text()).contains("\"overall\"");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Submits Keycloak's form in the popup and waits until Swagger UI's {@code oauth2-redirect.html} has handed the code
     * back and closed it. The close is listened for before the click: the popup can close while a click is still
     * waiting for the navigation it started, and a wait begun after that close would never end. If the popup stays
     * open, the failure says where it stopped and what it shows, with a screenshot.
     */
    private static void signInClosing(Page login) {
        try {
            login.waitForClose(() -> login.click("#kc-login", new Page.ClickOptions().setNoWaitAfter(true)));
        } catch (TimeoutError stayedOpen) {
            Browser.shot(login, "swagger-ui-login-not-closed");
            throw new AssertionError("the sign-in popup stayed open at " + login.url() + ", showing: "
                    + login.innerText("body").strip(), stayedOpen);
        }
    }

    /** Clicks Execute on an operation opened for "Try it out" and answers the API's response. */
    private static Response execute(Page page, Locator operation) {
        return page.waitForResponse(r -> r.url().contains("/api/v1/"),
                () -> operation.locator("button.execute").click());
    }
}
