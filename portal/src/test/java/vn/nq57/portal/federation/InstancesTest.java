package vn.nq57.portal.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.nq57.portal.testing.Browser;
import vn.nq57.portal.testing.Browser.Response;
import vn.nq57.portal.testing.Stub;

/**
 * Central's portal and the ministry instances (issue #20): a central admin sees each instance central commissioned or
 * retired, where it stands in each of the three services and since when, and how many records it owns; a service that
 * does not answer leaves its column out with a notice, the rest of the page stays.
 */
@QuarkusTest
class InstancesTest {

    @TestHTTPResource("/")
    URI portal;

    @AfterEach
    void reset() {
        Stub.reset();
    }

    @Test
    void aCentralAdminSeesEachMinistryInstanceServiceByService() {
        Browser admin = new Browser(portal);
        admin.signIn("central.admin");

        Response page = admin.open("/federation/instances");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Kết nối các bộ, ngành</h1>", "<table id=\"instances\" class=\"data\">")
                .contains("<tr id=\"instance-bkhcn\"><th scope=\"row\">bkhcn<br><span class=\"muted\">BKHCN</span></th>")
                .contains("Đã bàn giao, đang kết nối", "Đã ngừng kết nối", "<th scope=\"col\">Ngân sách</th>")
                .contains(">21 ghi chép của bộ, ngành", ">131 ghi chép của bộ, ngành", ">12 ghi chép của bộ, ngành");
    }

    @Test
    void aServiceThatDoesNotAnswerLeavesTheOthers() {
        Stub.unavailable("budget");
        Browser admin = new Browser(portal);
        admin.signIn("central.admin");

        Response page = admin.open("/federation/instances");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"instance-bkhcn\"", "131 ghi chép của bộ, ngành")
                .doesNotContain(">12 ghi chép của bộ, ngành");
    }

    @Test
    void aCentralAdminKeepsCentralsValueWithAReasonOrAcceptsTheMinistrys() {
        Browser admin = new Browser(portal);
        admin.signIn("central.admin");

        Response list = admin.open("/federation/conflicts");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("value=\"KEEP_CENTRAL\"", "value=\"ACCEPT\"",
                        "Nhận số liệu của bộ thay cho số liệu của trung ương")
                .doesNotContain("value=\"RESUBMIT\"");
    }
}
