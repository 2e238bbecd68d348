package vn.nq57.portal.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.nq57.portal.testing.Browser;
import vn.nq57.portal.testing.Browser.Response;
import vn.nq57.portal.testing.Stub;

/**
 * A ministry's portal (BKHCN's instance) and the writes central refused (issue #20): the admin's work page counts
 * them and links to the list; the list shows each with central's reason in Vietnamese, the record's page and the three
 * decisions; the value's own page says central refused it.
 */
@QuarkusTest
@TestProfile(ConflictsTest.Ministry.class)
class ConflictsTest {

    static final String VALUE = "5b0c2f4e-8a7d-4f3b-9e1c-0d6a2b7c8e90";
    static final String EVENT = "7d1f6a52-4a0e-4d0c-9b3e-2f5b8d1e6c11";

    public static class Ministry implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nq57.instance.id", "bkhcn", "nq57.instance.role", "ministry");
        }
    }

    @TestHTTPResource("/")
    URI portal;

    @AfterEach
    void reset() {
        Stub.reset();
    }

    @Test
    void theAdminSeesTheRefusedWritesWithCentralsReasonAndTheDecisionsToMake() {
        Browser admin = new Browser(portal);
        admin.signIn("admin.bkhcn");

        Response work = admin.open("/work");
        assertThat(work.status()).isEqualTo(200);
        assertThat(work.body()).contains("id=\"work-conflicts\"", "href=\"/federation/conflicts\"",
                "1 ghi chép trung ương chưa nhận");

        Response list = admin.open("/federation/conflicts");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body())
                .contains("<h1>Số liệu trung ương chưa nhận</h1>")
                .contains("Số liệu 5b0c2f4e</h2>", "<a href=\"/values/" + VALUE + "\"")
                .contains("Trung ương đang giữ một giá trị khác của chỉ tiêu này cho BKHCN kỳ 2026Q3 (do central quản lý)")
                .contains("action=\"/federation/conflicts/kpi/" + EVENT + "\"")
                .contains("value=\"RESUBMIT\"", "value=\"WITHDRAW\"", "value=\"ASK_CENTRAL\"")
                .doesNotContain("KEEP_CENTRAL");

        Response value = admin.open("/values/" + VALUE);
        assertThat(value.status()).isEqualTo(200);
        assertThat(value.body()).contains("id=\"federation-state\"", "Trung ương từ chối nhận",
                "href=\"/federation/conflicts\"");
    }

    @Test
    void aDecisionWithoutAChoiceIsRefusedOnThePageWithoutCallingTheService() {
        Browser admin = new Browser(portal);
        admin.signIn("admin.bkhcn");
        Response list = admin.open("/federation/conflicts");
        Map<String, String> form = Browser.formFields(list, "/federation/conflicts/kpi/" + EVENT);
        form.remove("action");

        Response refused = admin.post("/federation/conflicts/kpi/" + EVENT, form);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"refusal\"", "Hãy chọn cách xử lý.");
        assertThat(Stub.calls()).noneMatch(c -> "POST".equals(c.method()));
    }

    @Test
    void theMinistrysAdminSeesHowFarTheHandOverFromCentralHasCome() {
        Browser admin = new Browser(portal);
        admin.signIn("admin.bkhcn");
        assertThat(admin.open("/work").body()).contains("href=\"/federation/instances\"");

        Response page = admin.open("/federation/instances");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Nhận bàn giao dữ liệu từ trung ương</h1>")
                .contains("<h2 id=\"pull-kpi\">Chỉ tiêu, số liệu</h2>", "Đã bàn giao, đang kết nối", "Đã nhận đủ")
                .contains("130 ghi chép đã nhận, 2 ghi chép giữ bản của bộ")
                .contains("Số liệu <code>018e948b-2a13-4eef-9ffb-382bde302965</code>: bộ đã có ghi chép của mình")
                .doesNotContain("id=\"instances\"");
    }
}
