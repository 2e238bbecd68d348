package vn.nq57.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.nq57.portal.testing.Browser;
import vn.nq57.portal.testing.Browser.Response;
import vn.nq57.portal.testing.Browser.SetCookie;
import vn.nq57.portal.testing.Stub;

/** Vietnamese first; the switch to English is a form post with the CSRF token, remembered in a cookie. */
@QuarkusTest
class LanguageTest {

    @TestHTTPResource("/")
    URI portal;

    @AfterEach
    void resetStub() {
        Stub.reset();
    }

    @Test
    void switchingToEnglishWithTheFormTokenIsRememberedOnTheNextPages() {
        Browser browser = new Browser(portal);
        Response system = browser.signIn("admin.bkhcn");
        system = browser.open("/systems/H4");
        assertThat(system.body()).contains("<html lang=\"vi\">", ">Tổng quan<", "Hệ thống 4");
        Map<String, String> form = Browser.formFields(system, "/language");
        assertThat(form).as("the switch offers English and carries the CSRF token").containsEntry("lang", "en")
                .hasSize(2);

        Response switched = browser.post("/language", form, "Referer", portal.resolve("/systems/H4").toString());

        assertThat(switched.status()).as("%s", switched).isEqualTo(303);
        assertThat(switched.location().getPath()).as("back to the page the switch was on").isEqualTo("/systems/H4");
        SetCookie lang = switched.setCookies().stream().filter(c -> c.name().equals("nq57-lang")).findFirst()
                .orElseThrow(() -> new AssertionError("no language cookie: " + switched.headers()));
        assertThat(lang.value()).isEqualTo("en");
        assertThat(lang.httpOnly()).isTrue();
        assertThat(lang.attributes()).containsKey("max-age");

        Response back = browser.follow(switched);
        assertThat(back.body()).contains("<html lang=\"en\">", ">Overview<", "System 4").doesNotContain(">Tổng quan<");
        Response overview = browser.open("/");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).contains("<html lang=\"en\">", "Overview of the Strategic Action Plan", "55.3 %",
                "VND 4,778.3 bn").doesNotContain("55,3 %");
    }

    @Test
    void aLanguagePostWithoutTheFormTokenIsRefusedAndChangesNothing() {
        Browser browser = new Browser(portal);
        Response overview = browser.signIn("viewer.bkhcn");
        Map<String, String> form = new LinkedHashMap<>(Browser.formFields(overview, "/language"));
        String tokenField = form.keySet().stream().filter(k -> !k.equals("lang")).findFirst().orElseThrow();

        form.remove(tokenField);
        Response without = browser.post("/language", form);
        form.put(tokenField, "forged" + System.nanoTime());
        Response forged = browser.post("/language", form);

        for (Response refused : new Response[] {without, forged}) {
            assertThat(refused.status()).as("%s", refused).isBetween(400, 499);
            assertThat(refused.setCookies()).noneSatisfy(c -> assertThat(c.name()).isEqualTo("nq57-lang"));
        }
        assertThat(browser.cookies()).doesNotContainKey("nq57-lang");
        assertThat(browser.open("/").body()).contains("<html lang=\"vi\">", "55,3 %");
    }
}
