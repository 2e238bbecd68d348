package vn.nq57.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.nq57.portal.testing.Browser;
import vn.nq57.portal.testing.Browser.Response;
import vn.nq57.portal.testing.Html;
import vn.nq57.portal.testing.Stub;
import vn.nq57.portal.testing.StubServer;

/**
 * A viewer of a ministry whose service refuses a part (403), is down (503) or hangs past the portal's timeout: the
 * page still answers 200, in time, with a notice for that part and everything the other services gave; never a 500,
 * never a blank page.
 */
@QuarkusTest
class DegradedPartsTest {

    /** Time a page may take beyond the REST clients' read timeout (a loaded 2-core machine). */
    static final long MARGIN_MS = 2000;

    @TestHTTPResource("/")
    URI portal;

    @BeforeEach
    @AfterEach
    void resetStub() {
        Stub.reset();
    }

    /** A page, the service that fails, and what the page must still show from the others. */
    record Case(String page, String service, List<String> stillShown) {
        @Override
        public String toString() {
            return page + " without " + service;
        }
    }

    static final List<Case> CASES = List.of(
            new Case("/", "kpi", List.of("55,3 %", "Đổi mới thể chế và quản trị quốc gia", "Bộ Khoa học và Công nghệ")),
            new Case("/", "initiative", List.of("data-kpi=\"R57-RD-GDP\"", "Tổng quan thực hiện Kế hoạch")),
            new Case("/systems/H4", "kpi", List.of("Hạ tầng thông tin và dữ liệu", "data-initiative=\"H4-01\"")),
            new Case("/agencies/BKHCN", "kpi", List.of("Bộ Khoa học và Công nghệ", "data-initiative=\"H4-01\"")),
            new Case("/initiatives/" + Html.INITIATIVE_ID, "kpi", List.of(
                    "Cơ sở dữ liệu quốc gia về khoa học, công nghệ và đổi mới sáng tạo",
                    "Báo cáo khảo sát hiện trạng và đề án chi tiết", "Ngân sách trung ương")),
            new Case("/initiatives/" + Html.INITIATIVE_ID, "budget", List.of(
                    "Cơ sở dữ liệu quốc gia về khoa học, công nghệ và đổi mới sáng tạo", "data-kpi=\"H4-01-TIEN-DO\"")),
            new Case("/indicators/R57-RD-GDP", "kpi", List.of("aria-current=\"page\">R57-RD-GDP")),
            new Case("/budget", "budget", List.of(
                    "Ngân sách cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số")));

    static Stream<Arguments> forbidden() {
        return CASES.stream().map(Arguments::of);
    }

    static Stream<Arguments> downOrHanging() {
        List<Arguments> out = new ArrayList<>();
        for (Case c : CASES) {
            out.add(Arguments.of(c, "503"));
            out.add(Arguments.of(c, "hang"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbidden")
    void aPartTheServiceRefusesTheViewerIsANoticeAndTheRestOfThePageIsShown(Case c) {
        Browser viewer = new Browser(portal);
        viewer.signIn("viewer.bkhcn");
        Stub.forbid(c.service());

        Response page = viewer.open(c.page());

        assertWholePage(page, c);
        assertThat(page.body()).contains("Bạn không có quyền xem phần này (dịch vụ " + c.service() + ").");
        assertThat(Html.notices(page)).isNotEmpty().allSatisfy(n -> assertThat(n).startsWith("forbidden: "));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("downOrHanging")
    void aPartWhoseServiceIsDownOrHangsIsANoticeAndThePageAnswersInTime(Case c, String fault) {
        Browser viewer = new Browser(portal);
        viewer.signIn("viewer.bkhcn");
        if (fault.equals("hang")) {
            Stub.hang(c.service());
        } else {
            Stub.unavailable(c.service());
        }

        Response page = viewer.open(c.page());

        assertWholePage(page, c);
        assertThat(page.body()).contains("Phần này tạm thời không hiển thị được: dịch vụ " + c.service()
                + " không trả lời.");
        assertThat(Html.notices(page)).isNotEmpty().allSatisfy(n -> assertThat(n).startsWith("unavailable: "));
        assertThat(page.millis()).as("%s answered after %d ms", c, page.millis())
                .isLessThan(StubServer.READ_TIMEOUT_MS + MARGIN_MS);
        assertThat(Stub.calls()).as("the page did call " + c.service())
                .anySatisfy(call -> assertThat(call.service()).isEqualTo(c.service()));
    }

    static void assertWholePage(Response page, Case c) {
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo(c.page());
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).as("the whole page, header to footer").contains("<html lang=\"vi\">",
                "<span class=\"user-name\">Viewer BKHCN</span>", "<main id=\"main\"", "<footer class=\"foot\">",
                "</html>");
        assertThat(page.body()).doesNotContain("Đã có lỗi xảy ra", "Exception");
        assertThat(page.body()).contains(c.stillShown());
    }
}
