package vn.nq57.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.nq57.tabular.Format;
import vn.nq57.tabular.Table;
import vn.nq57.tabular.Tables;

/**
 * The work people do in the portal, in a real headless Chromium against the real Keycloak and services (the
 * {@link Suite#WEB} instance with the sample): reporting through the form, the grid and a file, approving, obstacles
 * between ministries, a stale edit and a double submit, an overdraft, exports; every new page scanned by axe-core.
 */
class PortalWorkE2ETest extends PortalBrowserTest {

    @Test
    void aClerkReportsAValueTheAdminApprovesItAndTheOpenOverviewUpdatesLive() {
        List<String> problems = new ArrayList<>();
        try (BrowserContext central = browser.context(1280, 900); BrowserContext clerk = browser.context(1280, 900);
             BrowserContext admin = browser.context(1280, 900)) {
            Page overview = Browser.signIn(central, PORTAL, "central.admin");
            PortalE2ETest.awaitLive(overview);

            Page p = Browser.signIn(clerk, PORTAL, "submitter.bkhcn");
            p.navigate(PORTAL + "/work");
            assertThat(p.locator("h1").innerText()).isEqualTo("Việc của tôi");
            PortalE2ETest.check(p, "work-clerk", problems);
            p.navigate(PORTAL + "/report");
            p.selectOption("#indicator", "R57-RD-GDP");
            p.fill("#period", "2025Q3");
            p.fill("#value", "0,68");
            p.fill("#note", "Số liệu sơ bộ của Cục Thống kê");
            p.click("button[value=submit]");
            p.waitForSelector("#period[aria-invalid=true]");
            assertThat(p.locator("#period-error0").innerText())
                    .as("the service's field error, next to the field, in Vietnamese")
                    .contains("Kỳ 2025Q3 không đúng tần suất của chỉ tiêu", "YYYY");
            assertThat(p.locator("#value").inputValue()).as("what was typed is kept").isEqualTo("0,68");
            PortalE2ETest.check(p, "report-error", problems);
            assertThat(values("R57-RD-GDP", "BKHCN", "2025").getInt("total")).as("nothing written").isZero();

            p.fill("#period", "2025");
            p.click("button[value=submit]");
            p.waitForSelector("#saved");
            assertThat(p.locator("#saved").innerText()).contains("Đã gửi, chờ phê duyệt", "R57-RD-GDP", "0,68");
            JsonPath stored = values("R57-RD-GDP", "BKHCN", "2025");
            assertThat(stored.getInt("total")).isEqualTo(1);
            assertThat(stored.getString("items[0].note")).isEqualTo("Số liệu sơ bộ của Cục Thống kê");
            assertThat(stored.getString("items[0].status")).isEqualTo("SUBMITTED");
            String id = stored.getString("items[0].id");

            Page a = Browser.signIn(admin, PORTAL, "admin.bkhcn");
            a.navigate(PORTAL + "/approvals?indicator=R57-RD-GDP");
            assertThat(a.locator("tr[data-value='" + id + "']").innerText()).contains("BKHCN", "2025", "0,68");
            PortalE2ETest.check(a, "approvals", problems);
            String before = overview.evaluate("document.body.dataset.refreshed || ''").toString();
            a.check("tr[data-value='" + id + "'] input[name=pick]");
            a.click("button[value=approve]");
            a.waitForSelector("#decision-result");
            assertThat(a.locator("#decision-result [data-decided='" + id + "']").getAttribute("data-status"))
                    .isEqualTo("APPROVED");
            assertThat(a.locator("tr[data-value='" + id + "']").count()).as("no longer waiting").isZero();
            overview.waitForFunction("b => (document.body.dataset.refreshed || '') !== b", before,
                    new Page.WaitForFunctionOptions().setTimeout(15_000));

            a.navigate(PORTAL + "/values/" + id);
            assertThat(a.locator("#history").innerText()).contains("submitter.bkhcn", "admin.bkhcn");
            PortalE2ETest.check(a, "value-history", problems);
        }
        assertThat(problems).as("serious or critical accessibility violations").isEmpty();
    }

    @Test
    void anUploadWithThreeBadRowsWritesNothingAtomicallyAndTheGoodRowsPartially() throws Exception {
        List<String> problems = new ArrayList<>();
        String csv = "mã chỉ tiêu,kỳ,cơ quan,giá trị,ghi chú\n"
                + "R57-RD-PERSONNEL,2024,BKHCN,12.5,Điều tra năm 2024\n"
                + "R57-RD-PERSONNEL,2030,BKHCN,13,\n"
                + "KHONG-CO,2024,BKHCN,1,\n"
                + "R57-GII-RANK,2024,BKHCN,abc,\n"
                + "R57-GII-RANK,2024,BKHCN-CDMST,44,\n";
        try (BrowserContext context = browser.context(1280, 900)) {
            Page p = Browser.signIn(context, PORTAL, "submitter.bkhcn");
            upload(p, "so-lieu.csv", csv.getBytes(StandardCharsets.UTF_8), "atomic");
            assertThat(p.locator("#preview tbody tr").count()).as("the preview shows the rows").isEqualTo(5);
            PortalE2ETest.check(p, "upload-preview", problems);
            p.click("form[action='/report/upload/confirm'] button[type=submit]");
            p.waitForSelector("#import-summary");
            assertThat(p.locator("#import-summary .notice").innerText()).contains("Không ghi dòng nào", "3 trong 5");
            assertThat(p.locator("#import-rows tr[data-status=REJECTED]").count()).isEqualTo(3);
            assertThat(p.locator("#import-rows tr[data-row='2']").innerText()).contains("Kỳ báo cáo", "2030 chưa bắt đầu");
            assertThat(p.locator("#import-rows tr[data-row='3']").innerText()).contains("Chỉ tiêu", "Không có chỉ tiêu KHONG-CO");
            assertThat(p.locator("#import-rows tr[data-row='4']").innerText()).contains("Giá trị", "\"abc\" không phải là số");
            PortalE2ETest.check(p, "upload-atomic", problems);
            assertThat(values("R57-RD-PERSONNEL", "BKHCN", "2024").getInt("total")).as("nothing written").isZero();

            // the same rows as an Excel workbook, partial: the two good rows are written
            List<List<Object>> rows = new ArrayList<>();
            for (String line : csv.lines().skip(1).toList()) {
                rows.add(new ArrayList<>(Arrays.asList((Object[]) line.split(",", -1))));
            }
            byte[] xlsx = Tables.xlsx(new Table("Số liệu", List.of("mã chỉ tiêu", "kỳ", "cơ quan", "giá trị", "ghi chú"),
                    rows));
            upload(p, "so-lieu.xlsx", xlsx, "partial");
            p.click("form[action='/report/upload/confirm'] button[type=submit]");
            p.waitForSelector("#import-summary");
            assertThat(p.locator("#import-summary .notice").innerText()).contains("2 thêm mới", "3 dòng bị từ chối");
            assertThat(values("R57-RD-PERSONNEL", "BKHCN", "2024").getString("items[0].note")).isEqualTo("Điều tra năm 2024");
            assertThat(values("R57-GII-RANK", "BKHCN-CDMST", "2024").getInt("total")).isEqualTo(1);
            PortalE2ETest.check(p, "upload-partial", problems);

            Download template = p.waitForDownload(() -> {
                p.navigate(PORTAL + "/report/upload");
                p.click("a[href^='/report/template?format=csv']");
            });
            String text = Tables.text(Files.readAllBytes(template.path()));
            assertThat(text.lines().findFirst().orElse("")).isEqualTo("mã chỉ tiêu,kỳ,cơ quan,giá trị,ghi chú,minh chứng");
            assertThat(text).contains("R57-RD-GDP,,BKHCN");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theGridSavesAgencyValuesAsDraftsThenSubmitsThemAndShowsEachCellsState() {
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = browser.context(1280, 900)) {
            Page p = Browser.signIn(context, PORTAL, "submitter.bkhcn");
            p.navigate(PORTAL + "/report/grid?agency=BKHCN&period=2023");
            assertThat(p.locator("tr[data-indicator]").count()).isPositive();
            p.fill("tr[data-indicator=R57-GII-RANK] input.cell", "46");
            p.locator("tr[data-indicator=R57-GII-RANK] input.cell").press("ArrowDown");
            p.keyboard().type("x1");
            p.click("button[value=draft]");
            p.waitForSelector("#grid-result");
            assertThat(p.locator("tr[data-indicator=R57-GII-RANK]").getAttribute("data-state")).isEqualTo("DRAFT");
            assertThat(p.locator("tr[data-state=INVALID]").count()).as("the cell typed 'x1' after the arrow key").isEqualTo(1);
            assertThat(p.locator("tr[data-state=INVALID] .field-error").innerText()).contains("không phải là số");
            PortalE2ETest.check(p, "grid", problems);
            p.locator("tr[data-state=INVALID] input.cell").fill("");
            p.click("button[value=submit]");
            p.waitForSelector("#grid-result");
            assertThat(p.locator("tr[data-indicator=R57-GII-RANK]").getAttribute("data-state")).isEqualTo("SUBMITTED");
            assertThat(values("R57-GII-RANK", "BKHCN", "2023").getString("items[0].status")).isEqualTo("SUBMITTED");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void anObstacleFiledByAMinistryAskingBtcIsAnsweredThereAndTheFilerSeesTheAnswer() {
        List<String> problems = new ArrayList<>();
        String description = "Chưa có hướng dẫn thanh toán chi phí thuê dịch vụ điện toán đám mây " + System.nanoTime();
        try (BrowserContext filer = browser.context(1280, 900); BrowserContext btc = browser.context(1280, 900);
             BrowserContext second = browser.context(1280, 900)) {
            Page f = Browser.signIn(filer, PORTAL, "admin.bkhcn");
            f.navigate(PORTAL + "/initiatives/H4-03");
            f.click("a[href^='/obstacles/new']");
            f.waitForSelector("#askedAgency");
            PortalE2ETest.check(f, "obstacle-new", problems);
            f.selectOption("#askedAgency", "BTC");
            f.fill("#description", description);
            f.fill("#request", "Đề nghị Bộ Tài chính ban hành hướng dẫn trong quý I/2027");
            // a double submit (the same form, its Idempotency-Key and all, sent twice) files one obstacle
            FormData form = FormData.create();
            for (String name : List.of("key", "initiative", "filedByAgency", "askedAgency", "description", "request")) {
                form.set(name, f.inputValue("[name=" + name + "]"));
            }
            form.set(f.getAttribute("form[action='/obstacles'] input[type=hidden]", "name"),
                    f.getAttribute("form[action='/obstacles'] input[type=hidden]", "value"));
            APIResponse first = f.request().post(PORTAL + "/obstacles", RequestOptions.create().setForm(form).setMaxRedirects(0));
            APIResponse again = f.request().post(PORTAL + "/obstacles", RequestOptions.create().setForm(form).setMaxRedirects(0));
            assertThat(first.status()).isEqualTo(303);
            assertThat(again.status()).isEqualTo(303);
            assertThat(again.headers().get("location")).isEqualTo(first.headers().get("location"));
            assertThat(obstacles(description)).as("one obstacle, not two").isEqualTo(1);

            f.navigate(first.headers().get("location").startsWith("http") ? first.headers().get("location")
                    : PORTAL + first.headers().get("location"));
            assertThat(f.locator("#obstacle-status").innerText()).isEqualTo("Chưa trả lời");
            assertThat(f.locator("#obstacle-holder").innerText()).as("who holds it").isEqualTo("BTC");
            assertThat(f.locator(".card").nth(1).innerText()).contains("Bộ Tài chính", "từ ");
            String obstacleUrl = f.url();
            PortalE2ETest.check(f, "obstacle-filed", problems);

            Page b = Browser.signIn(btc, PORTAL, "admin.btc");
            b.navigate(PORTAL + "/work");
            b.click("#work-asked a:has-text('" + description.substring(0, 40) + "')");
            b.waitForSelector("#answer-form");
            // meanwhile another BTC official answers in another window: this form is now stale
            Page other = Browser.signIn(second, PORTAL, "admin.btc");
            other.navigate(obstacleUrl);
            other.fill("#answer-text", "Bộ Tài chính đang dự thảo thông tư hướng dẫn.");
            other.click("#answer-form button");
            other.waitForSelector("#done");
            b.fill("#answer-text", "Đã ban hành Thông tư hướng dẫn thuê dịch vụ công nghệ thông tin.");
            b.click("#answer-form button");
            b.waitForSelector("#refusal");
            assertThat(b.locator("#refusal").innerText()).contains("đã được người khác thay đổi sau khi bạn mở trang",
                    "đã là bản mới nhất");
            assertThat(b.inputValue("#answer-text")).as("what was typed is kept")
                    .isEqualTo("Đã ban hành Thông tư hướng dẫn thuê dịch vụ công nghệ thông tin.");
            assertThat(b.locator("#obstacle-answer").innerText()).as("the page shows the other answer")
                    .contains("đang dự thảo thông tư");
            PortalE2ETest.check(b, "obstacle-stale", problems);
            b.click("#answer-form button");
            b.waitForSelector("#done");
            assertThat(b.locator("#obstacle-status").innerText()).isEqualTo("Đã trả lời");

            f.navigate(obstacleUrl);
            assertThat(f.locator("#obstacle-answer").innerText()).contains("Đã ban hành Thông tư", "admin.btc");
            assertThat(f.locator("#obstacle-holder").innerText()).as("back with the filer, to resolve").isEqualTo("BKHCN");
            f.fill("#close-text", "Đã áp dụng hướng dẫn, vướng mắc được tháo gỡ.");
            f.click("#close-form button");
            f.waitForSelector("#done");
            assertThat(f.locator("#obstacle-status").innerText()).isEqualTo("Đã giải quyết");
            f.navigate(PORTAL + "/obstacles?open=false");
            assertThat(f.locator("[data-list=cap-filed] tr[data-obstacle]").count()).isPositive();
            PortalE2ETest.check(f, "obstacles", problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aDisbursementBeyondWhatRemainsIsRefusedWithTheRemainingAmountAndTheExportMatchesTheTable() throws Exception {
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = browser.context(1280, 900)) {
            Page p = Browser.signIn(context, PORTAL, "admin.bkhcn");
            p.navigate(PORTAL + "/allocations?status=APPROVED");
            List<String> codes = p.locator("#allocations tbody tr[data-allocation]").evaluateAll(
                    "rows => rows.map(r => r.dataset.allocation)").toString().replaceAll("[\\[\\] ]", "").lines()
                    .flatMap(l -> Arrays.stream(l.split(","))).toList();
            assertThat(codes).isNotEmpty();
            PortalE2ETest.check(p, "allocations", problems);
            Download csv = p.waitForDownload(() -> p.click(".exports a:has-text('CSV')"));
            List<List<String>> exported = Tables.read(Files.readAllBytes(csv.path()), Format.CSV, 10_000);
            assertThat(exported.get(0)).startsWith("Mã phân bổ", "Sáng kiến", "Cơ quan chủ trì");
            assertThat(exported.subList(1, exported.size()).stream().map(r -> r.get(0)).toList())
                    .as("the export's rows are the table's").isEqualTo(codes);
            Download xlsx = p.waitForDownload(() -> p.click(".exports a:has-text('XLSX')"));
            assertThat(Tables.read(Files.readAllBytes(xlsx.path()), Format.XLSX, 10_000)).isEqualTo(exported);

            p.click("#allocations tbody tr[data-allocation^='AL-2026']:has-text('BKHCN') th a");
            p.waitForSelector("#disburse-form");
            String remaining = p.locator("#remaining").innerText();
            p.fill("#d-amount", "999.000.000.000.000");
            p.fill("#d-ref", "UNC-" + System.nanoTime());
            p.click("#disburse-form button");
            p.waitForSelector("#overdraft");
            assertThat(p.locator("#overdraft").innerText()).contains("chỉ còn " + remaining);
            PortalE2ETest.check(p, "allocation-overdraft", problems);
            p.fill("#d-amount", "1.000.000.000");
            p.click("#disburse-form button");
            p.waitForSelector("#done");
            assertThat(p.locator("#remaining").innerText()).isNotEqualTo(remaining);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void anAdminStepsAnInitiativeWithAReasonAndAStaleEditIsExplained() {
        List<String> problems = new ArrayList<>();
        try (BrowserContext one = browser.context(1280, 900); BrowserContext two = browser.context(1280, 900)) {
            Page a = Browser.signIn(one, PORTAL, "admin.bkhcn");
            a.navigate(PORTAL + "/initiatives/H6-03");
            a.click("a[href$='/manage']");
            a.waitForSelector("#edit-form");
            PortalE2ETest.check(a, "initiative-manage", problems);
            Page b = Browser.signIn(two, PORTAL, "admin.bkhcn");
            b.navigate(a.url());
            b.fill("#contentOrientation", b.inputValue("#contentOrientation") + " Mở rộng thí điểm.");
            b.click("#edit-form button[type=submit]");
            b.waitForSelector("#done");
            a.fill("#titleEn", "Gene technology for health (edited in a stale form)");
            a.click("#edit-form button[type=submit]");
            a.waitForSelector("#refusal");
            assertThat(a.locator("#refusal").innerText()).contains("đã được người khác thay đổi");
            assertThat(a.inputValue("#titleEn")).as("what was typed is kept").contains("stale form");
            a.click("a:has-text('Tải lại bản mới nhất')");
            a.waitForSelector("#transition-form");
            a.selectOption("#to", "IN_PROGRESS");
            a.fill("#t-reason", "Đã ký hợp đồng triển khai ngày 01/12/2026");
            a.click("#transition-form button");
            a.waitForSelector("#done");
            a.navigate(PORTAL + "/initiatives/H6-03");
            assertThat(a.locator(".timeline").innerText()).contains("Đã ký hợp đồng triển khai ngày 01/12/2026");

            // a new initiative: a missing required attribute is shown at its field, nothing is created
            String code = "H6-E2E-" + (System.nanoTime() % 1_000_000);
            a.navigate(PORTAL + "/work");
            a.click("a[href='/initiatives/new']");
            a.waitForSelector("#new-form");
            a.fill("#code", code);
            a.selectOption("#system", "H6");
            a.fill("#titleVi", "Nền tảng dữ liệu gen dùng chung");
            a.fill("#deadline", "2030-12-31");
            a.fill("#criteria", "Nền tảng vận hành\nKết nối 5 viện nghiên cứu");
            a.click("#new-form button[type=submit]");
            a.waitForSelector("#refusal");
            assertThat(a.locator("#contentOrientation-error0").innerText()).isNotBlank();
            assertThat(a.inputValue("#titleVi")).isEqualTo("Nền tảng dữ liệu gen dùng chung");
            PortalE2ETest.check(a, "initiative-new", problems);
            a.fill("#contentOrientation", "Xây dựng nền tảng dữ liệu gen dùng chung cho các viện");
            a.fill("#output", "Nền tảng dữ liệu gen vận hành thử nghiệm");
            a.fill("#outputDue", "2028-06-30");
            a.click("#new-form button[type=submit]");
            a.waitForSelector("#done");
            assertThat(a.locator("h1").innerText()).contains(code);
            assertThat(a.locator(".tags").innerText()).contains("Dự thảo");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theWorkPagesReadInEnglishAndFitAPhone() {
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = browser.context(390, 844)) {
            Page p = Browser.signIn(context, PORTAL, "central.admin");
            for (String path : List.of("/work", "/report", "/report/grid", "/report/upload", "/approvals", "/obstacles",
                    "/allocations", "/ranking")) {
                p.navigate(PORTAL + path);
                p.waitForSelector("main#main");
                Object wide = p.evaluate("document.documentElement.scrollWidth - window.innerWidth");
                assertThat(((Number) wide).intValue()).as("no sideways scrolling on " + path).isLessThanOrEqualTo(1);
                PortalE2ETest.check(p, "phone" + path.replaceAll("[^a-zA-Z0-9]+", "-"), problems);
            }
            p.locator("form[action='/language'] button").click();
            p.waitForSelector("html[lang=en]");
            p.navigate(PORTAL + "/work");
            assertThat(p.locator("h1").innerText()).isEqualTo("My work");
            assertThat(p.locator("#work-allocations h2").innerText()).isEqualTo("Allocations waiting for approval");
            PortalE2ETest.check(p, "work-en", problems);
            p.locator("form[action='/language'] button").click();
            p.waitForSelector("html[lang=vi]");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aSystemsInitiativesExportAsFilteredAndTheInitiativePagePrintsWithoutTheNavigation() throws Exception {
        try (BrowserContext context = browser.context(1280, 900)) {
            Page p = Browser.signIn(context, PORTAL, "viewer.central");
            p.navigate(PORTAL + "/systems/H4?sort=code&dir=desc");
            List<Object> shown = (List<Object>) p.locator("tr[data-initiative]")
                    .evaluateAll("rows => rows.map(r => r.dataset.initiative)");
            assertThat(shown).hasSizeGreaterThan(1);
            Download xlsx = p.waitForDownload(() -> p.click(".exports a:has-text('XLSX')"));
            List<List<String>> rows = Tables.read(Files.readAllBytes(xlsx.path()), Format.XLSX, 1000);
            assertThat(rows.get(0)).startsWith("Mã sáng kiến", "Tên sáng kiến", "Hệ thống", "Mức độ");
            assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList())
                    .as("the filtered, sorted table, row for row").isEqualTo(shown.stream().map(Object::toString).toList());
            assertThat(rows.get(1).get(0)).as("in the page's order (code, descending)").isGreaterThan(rows.get(2).get(0));

            p.navigate(PORTAL + "/budget");
            int systems = p.locator("table:has(#cap-by-system) tbody tr").count();
            Download budget = p.waitForDownload(() -> p.click("a[href*='table=systems&format=csv']"));
            List<List<String>> bySystem = Tables.read(Files.readAllBytes(budget.path()), Format.CSV, 100);
            assertThat(bySystem.get(0)).startsWith("Hệ thống", "Kế hoạch (đồng)");
            assertThat(bySystem).hasSize(systems + 1);

            p.navigate(PORTAL + "/indicators/R57-RD-GDP");
            int values = p.locator("tr[data-measurement]").count();
            Download series = p.waitForDownload(() -> p.click(".exports a:has-text('CSV')"));
            List<List<String>> reported = Tables.read(Files.readAllBytes(series.path()), Format.CSV, 1000);
            assertThat(reported).hasSize(values + 1);
            assertThat(reported.subList(1, reported.size())).allSatisfy(r -> assertThat(r.get(0)).isEqualTo("R57-RD-GDP"));

            p.navigate(PORTAL + "/initiatives/H4-01");
            p.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
            assertThat(p.locator("header.top").isVisible()).as("no navigation on paper").isFalse();
            assertThat(p.locator("#h-attrs").isVisible()).isTrue();
            byte[] pdf = p.pdf(new Page.PdfOptions().setFormat("A4").setPrintBackground(true));
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            Files.write(Browser.SHOTS.resolve("initiative-H4-01.pdf"), pdf);
        }
    }

    private static void upload(Page p, String name, byte[] content, String mode) {
        p.navigate(PORTAL + "/report/upload");
        p.setInputFiles("#file", new FilePayload(name, name.endsWith(".csv") ? "text/csv"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content));
        p.check("input[name=mode][value=" + mode + "]");
        p.click("form[enctype] button[type=submit]");
        p.waitForSelector("#preview");
    }

    static JsonPath values(String indicator, String agency, String period) {
        return given().baseUri(suite.url(Suite.WEB, "kpi")).auth().oauth2(suite.token("central.admin"))
                .queryParam("indicator", indicator).queryParam("agency", agency).queryParam("period", period)
                .when().get("/api/v1/measurements").then().statusCode(200).extract().jsonPath();
    }

    static int obstacles(String description) {
        List<String> all = given().baseUri(suite.url(Suite.WEB, "initiative")).auth().oauth2(suite.token("central.admin"))
                .queryParam("agency", "BKHCN").queryParam("size", 500)
                .when().get("/api/v1/obstacles").then().statusCode(200).extract().jsonPath().getList("items.description");
        return (int) all.stream().filter(description::equals).count();
    }
}
