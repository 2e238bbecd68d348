package vn.nq57.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.nq57.portal.testing.Browser;
import vn.nq57.portal.testing.Browser.Response;
import vn.nq57.portal.testing.Html;
import vn.nq57.portal.testing.KpiServiceIsDown;
import vn.nq57.portal.testing.Stub;
import vn.nq57.portal.testing.StubServer;

/** kpi-service is not running at all (connection refused): its parts say so, the rest of each page is there. */
@QuarkusTest
@TestProfile(KpiServiceIsDown.class)
class ServiceDownTest {

    @TestHTTPResource("/")
    URI portal;

    @AfterEach
    void resetStub() {
        Stub.reset();
    }

    @Test
    void whenKpiServiceRefusesConnectionsItsPartsSayItDidNotAnswerAndTheRestIsShown() {
        Browser viewer = new Browser(portal);
        viewer.signIn("viewer.bkhcn");
        for (String path : List.of("/", "/systems/H4", "/agencies/BKHCN", "/initiatives/" + Html.INITIATIVE_ID,
                "/indicators/R57-RD-GDP")) {
            Response page = viewer.open(path);
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            assertThat(page.body()).as(path).contains("<main id=\"main\"", "<footer class=\"foot\">",
                    "Phần này tạm thời không hiển thị được: dịch vụ kpi không trả lời.");
            assertThat(Html.notices(page)).as(path).isNotEmpty()
                    .allSatisfy(n -> assertThat(n).startsWith("unavailable: "));
            assertThat(page.millis()).as("%s answered after %d ms", path, page.millis())
                    .isLessThan(StubServer.READ_TIMEOUT_MS + DegradedPartsTest.MARGIN_MS);
        }
        Response overview = viewer.open("/");
        assertThat(overview.body()).contains("55,3 %", "Đổi mới thể chế và quản trị quốc gia");
        assertThat(Stub.calls()).as("the other services were called").isNotEmpty()
                .noneSatisfy(c -> assertThat(c.service()).isEqualTo("kpi"));
    }
}
