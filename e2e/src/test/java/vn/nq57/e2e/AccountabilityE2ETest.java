package vn.nq57.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Accountability through the real suite: an indicator created in kpi-service obliges an agency (Kafka → initiative-
 * service), the values it did not report by their deadlines raise a warning, the warning is mailed through a real
 * SMTP server to the agency's users found in Keycloak (the service account's admin API), and reporting the values in
 * kpi-service resolves the warning by itself.
 */
@ExtendWith(Suite.class)
class AccountabilityE2ETest {

    @Test
    void valuesNotReportedByTheirDeadlineRaiseAWarningAndAMailAndReportingThemResolvesIt() {
        Suite suite = Suite.get();
        String code = "E2E-OBL-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String indicator = given().auth().oauth2(suite.token("central.admin")).contentType(ContentType.JSON)
                .body(Map.ofEntries(Map.entry("code", code), Map.entry("nameVi", "Tỷ lệ hồ sơ trực tuyến toàn trình"),
                        Map.entry("unit", "PERCENT"), Map.entry("direction", "HIGHER_IS_BETTER"),
                        Map.entry("aggregation", "LATEST"), Map.entry("frequency", "QUARTERLY"),
                        Map.entry("tier", "STRATEGIC"), Map.entry("system", "H4"), Map.entry("ownerAgency", "BKHCN"),
                        Map.entry("reportingAgencies", List.of("BKHCN")), Map.entry("graceDays", 15),
                        Map.entry("baseline", Map.of("value", 40, "period", "2024Q4")),
                        Map.entry("targets", List.of(Map.of("period", "2030", "value", 90)))))
                .post(suite.url("kpi") + "/api/v1/indicators").then().log().ifValidationFails().statusCode(201)
                .extract().path("id");

        // the obligation reaches initiative-service through Kafka
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given()
                .auth().oauth2(suite.token("admin.bkhcn")).queryParam("indicatorId", indicator)
                .get(suite.url("initiative") + "/api/v1/obligations").then().statusCode(200).extract()
                .<List<String>>path("items.agency")).containsExactly("BKHCN"));

        // the schedule finds the missing values: one warning, CRITICAL (several periods missing)
        String warning = await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .auth().oauth2(suite.token("admin.bkhcn")).queryParam("kind", "VALUE_MISSING")
                .queryParam("subjectId", indicator).queryParam("open", "true")
                .get(suite.url("initiative") + "/api/v1/warnings").then().statusCode(200).extract()
                .<String>path("items[0].id"), id -> id != null);
        assertThat(given().auth().oauth2(suite.token("admin.bkhcn")).get(suite.url("initiative") + "/api/v1/warnings/"
                + warning).then().statusCode(200).extract().<String>path("severity")).isEqualTo("CRITICAL");

        // mailed to BKHCN's admin and data clerk, the addresses Keycloak holds
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(recipients(suite, code))
                .contains("admin.bkhcn@nq57.local", "submitter.bkhcn@nq57.local")
                .doesNotContain("admin.byt@nq57.local"));
        given().auth().oauth2(suite.token("submitter.bkhcn")).get(suite.url("initiative")
                + "/api/v1/notifications/unread-count").then().statusCode(200);

        // reporting every period past its deadline resolves the warning by itself
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        List<Map<String, Object>> values = new ArrayList<>();
        for (int year = 2025; year <= today.getYear(); year++) {
            for (int q = 1; q <= 4; q++) {
                LocalDate end = LocalDate.of(year, q * 3, 1).plusMonths(1).minusDays(1);
                if (today.isAfter(end.plusDays(15))) {
                    values.add(Map.of("indicator", code, "period", year + "Q" + q, "agency", "BKHCN", "value", 50 + q));
                }
            }
        }
        for (Map<String, Object> v : values) {
            given().auth().oauth2(suite.token("submitter.bkhcn")).contentType(ContentType.JSON).body(v)
                    .post(suite.url("kpi") + "/api/v1/measurements").then().statusCode(201);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given()
                .auth().oauth2(suite.token("admin.bkhcn")).get(suite.url("initiative") + "/api/v1/warnings/" + warning)
                .then().statusCode(200).extract().<String>path("status")).isEqualTo("RESOLVED"));
    }

    @Test
    void aValueDueInSevenDaysBringsTheAgencyAReminderMail() throws Exception {
        Suite suite = Suite.get();
        // a quarterly indicator whose last ended quarter is due exactly seven days from today (Viet Nam)
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        LocalDate quarterStart = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
        LocalDate lastEnded = quarterStart.minusDays(1);
        int graceDays = (int) java.time.temporal.ChronoUnit.DAYS.between(lastEnded, today.plusDays(7));
        String period = lastEnded.getYear() + "Q" + ((lastEnded.getMonthValue() - 1) / 3 + 1);
        String code = "E2E-REM-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        given().auth().oauth2(suite.token("central.admin")).contentType(ContentType.JSON)
                .body(Map.ofEntries(Map.entry("code", code), Map.entry("nameVi", "Số thủ tục hành chính được số hóa"),
                        Map.entry("unit", "COUNT"), Map.entry("direction", "HIGHER_IS_BETTER"),
                        Map.entry("aggregation", "SUM"), Map.entry("frequency", "QUARTERLY"),
                        Map.entry("tier", "STRATEGIC"), Map.entry("system", "H4"), Map.entry("ownerAgency", "BKHCN"),
                        Map.entry("reportingAgencies", List.of("BKHCN")), Map.entry("graceDays", graceDays),
                        Map.entry("targets", List.of(Map.of("period", "2030", "value", 1000)))))
                .post(suite.url("kpi") + "/api/v1/indicators").then().log().ifValidationFails().statusCode(201);

        // to the clerk and the admin (two mails, sent one after the other)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(subjects(suite, code)).anyMatch(s -> s.equals("[NQ57] Nhắc hạn báo cáo: " + code + " kỳ "
                    + period + " hạn " + today.plusDays(7).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
            assertThat(recipients(suite, code)).contains("submitter.bkhcn@nq57.local", "admin.bkhcn@nq57.local");
        });
    }

    /** The subjects of the mails naming {@code code}. */
    static List<String> subjects(Suite suite, String code) throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : suite.mails()) {
            if (m.getSubject() != null && m.getSubject().contains(code)) {
                out.add(m.getSubject());
            }
        }
        return out;
    }

    /** Who received a mail naming {@code code}. */
    static List<String> recipients(Suite suite, String code) throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : suite.mails()) {
            if (m.getSubject() != null && m.getSubject().contains(code)) {
                for (var a : m.getRecipients(Message.RecipientType.TO)) {
                    out.add(a.toString());
                }
            }
        }
        return out;
    }
}
