package vn.nq57.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.nq57.portal.testing.Browser;
import vn.nq57.portal.testing.Browser.Response;
import vn.nq57.portal.testing.Stub;

/** What does not exist is the portal's own 404 page: HTML in the user's language, a way back, no stack trace. */
@QuarkusTest
class NotFoundTest {

    @TestHTTPResource("/")
    URI portal;

    @AfterEach
    void resetStub() {
        Stub.reset();
    }

    @Test
    void anInitiativeTheServiceDoesNotKnowIsThePortals404Page() {
        Browser browser = new Browser(portal);
        browser.signIn("viewer.bkhcn");
        String id = UUID.randomUUID().toString();

        Response page = browser.get("/initiatives/" + id);

        assertNotFoundPage(page);
        assertThat(Stub.calls()).anySatisfy(c -> {
            assertThat(c.path()).isEqualTo("/api/v1/initiatives/" + id);
            assertThat(c.status()).isEqualTo(404);
        });
    }

    @Test
    void aSystemOutsideH1ToH6IsThePortals404Page() {
        Browser browser = new Browser(portal);
        browser.signIn("viewer.bkhcn");
        assertNotFoundPage(browser.get("/systems/H9"));
        assertThat(Stub.calls()).as("no service asked about H9")
                .noneSatisfy(c -> assertThat(c.path()).contains("H9"));
    }

    @Test
    void anIndicatorTheServiceDoesNotKnowAndAnUnknownAddressAreThePortals404Page() {
        Browser browser = new Browser(portal);
        browser.signIn("viewer.bkhcn");
        assertNotFoundPage(browser.get("/indicators/R57-NO-SUCH-INDICATOR"));
        assertNotFoundPage(browser.get("/no/such/page"));
    }

    static void assertNotFoundPage(Response page) {
        assertThat(page.status()).as("%s", page).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"vi\">", "Không tìm thấy trang", "href=\"/\"",
                "Về trang Tổng quan");
        assertThat(page.body()).doesNotContain("Exception", "\tat ", "at vn.nq57", "at io.quarkus", "Mã tham chiếu");
    }
}
