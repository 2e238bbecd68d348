package vn.nq57.initiative.accountability;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nq57.initiative.notification.MailJobs;
import vn.nq57.initiative.warning.WarningService;
import vn.nq57.platform.period.Period;
import vn.nq57.platform.testing.TestEvents;
import vn.nq57.platform.testing.TestTokens;

/**
 * Mail through a real SMTP server (GreenMail): a critical warning mailed at once to its agency's admin and clerk, each
 * in their language, and never twice; reminders before a value is due; the daily digest, without those who opted out.
 */
@QuarkusTest
@QuarkusTestResource(MailServer.class)
class MailTest {

    @Inject
    Clock clock;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    WarningService warnings;

    @Inject
    MailJobs mail;

    @Inject
    jakarta.persistence.EntityManager em;

    @BeforeEach
    void agency() {
        int status = given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", MailServer.AGENCY, "nameVi", "Tỉnh Thử nghiệm thư", "level", "PROVINCE",
                        "parentCode", "CP")).post("/api/v1/agencies").then().extract().statusCode();
        assertTrue(status == 201 || status == 409, "created now or by an earlier run: " + status);
        given().auth().oauth2(leader()).contentType(ContentType.JSON).body(Map.of("digest", true, "language", "vi"))
                .put("/api/v1/notifications/preferences").then().statusCode(200);
        mail.critical();   // what an earlier test left unmailed goes now, so each test sees only its own warnings
    }

    @Test
    void severalCriticalWarningsAtOnceReachEachPersonAsOneMailListingThem() throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            codes.add("KPI-" + indicator("QUARTERLY", 30).substring(0, 8));
        }
        warnings.evaluate(Period.today(clock));
        assertEquals(6, mail.critical(), "3 warnings told to the admin and to the clerk");
        await().atMost(Duration.ofSeconds(10)).until(() -> mails(codes.get(0)).size() >= 2);
        List<MimeMessage> mine = mails(codes.get(0));
        assertEquals(List.of("admin.tmail@nq57.test", "clerk.tmail@nq57.test"), to(mine).stream().sorted().toList(),
                "one mail each");
        MimeMessage vietnamese = mine.stream().filter(m -> to(List.of(m)).contains("admin.tmail@nq57.test")).findFirst()
                .orElseThrow();
        assertEquals("[NQ57] 3 cảnh báo nghiêm trọng mới", subject(vietnamese));
        for (String code : codes) {
            assertTrue(body(vietnamese).contains(code), code + " in " + body(vietnamese));
            assertEquals(2, mails(code).size(), "no mail of its own for " + code);
        }
        assertEquals(0, mail.critical(), "nothing is sent twice");
    }

    @Test
    void aCriticalWarningIsMailedAtOnceToTheAgencysAdminAndClerkInTheirLanguageAndNeverTwice() throws Exception {
        String indicator = indicator("QUARTERLY", 30);
        String code = "KPI-" + indicator.substring(0, 8);
        warnings.evaluate(Period.today(clock));
        int sent = mail.critical();
        assertTrue(sent >= 2, "admin and clerk: " + sent);
        List<MimeMessage> mine = arrived(code, 2);
        assertEquals(List.of("admin.tmail@nq57.test"), to(mine.stream().filter(m -> subject(m).startsWith(
                "[NQ57] Cảnh báo nghiêm trọng: " + code)).toList()));
        MimeMessage english = mine.stream().filter(m -> subject(m).startsWith("[NQ57] Critical warning: " + code))
                .findFirst().orElseThrow();
        assertEquals(List.of("clerk.tmail@nq57.test"), to(List.of(english)));
        assertTrue(body(english).contains("TMAIL has not reported " + code), body(english));
        assertEquals(0, mail.critical(), "nothing is sent twice");
        assertEquals(2, logged("critical:" + warningOf(indicator) + ":%"), "one logged mail per recipient");
    }

    @Test
    void aReminderGoesOutSevenAndOneDaysBeforeAValueIsDueUnlessItWasReported() throws Exception {
        String indicator = indicator("ANNUAL", 30);   // 2025 is due 30/01/2026
        String code = "KPI-" + indicator.substring(0, 8);
        assertTrue(mail.reminders(LocalDate.of(2026, 1, 23)) >= 2, "to the clerk and the admin");
        List<MimeMessage> week = arrived(code, 2);
        assertTrue(week.stream().anyMatch(m -> subject(m).equals("[NQ57] Nhắc hạn báo cáo: " + code
                + " kỳ 2025 hạn 30/01/2026")), week.stream().map(MailTest::subject).toList().toString());
        assertEquals(0, mail.reminders(LocalDate.of(2026, 1, 24)), "no reminder six days before");
        measurement(indicator, "2025");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(TestTokens.centralAdmin())
                .queryParam("year", "2025").get("/api/v1/compliance/agencies/" + MailServer.AGENCY).then()
                .body("values.find { it.indicatorId == '" + indicator + "' }.status", equalTo("ON_TIME")));
        mail.reminders(LocalDate.of(2026, 1, 29));
        assertEquals(2, logged("reminder:" + indicator + ":TMAIL:2025:7:%"), "the reminders a week before");
        assertEquals(0, logged("reminder:" + indicator + ":TMAIL:2025:1:%"), "reported: no reminder the day before");
    }

    @Test
    void theDailyDigestListsTheOpenWarningsOfTheAgencyAndSkipsThoseWhoOptedOut() throws Exception {
        String indicator = indicator("QUARTERLY", 30);
        String code = "KPI-" + indicator.substring(0, 8);
        warnings.evaluate(Period.today(clock));
        given().auth().oauth2(leader()).contentType(ContentType.JSON).body(Map.of("digest", false, "language", "vi"))
                .put("/api/v1/notifications/preferences").then().statusCode(200).body("digest", equalTo(false));
        given().auth().oauth2(leader()).contentType(ContentType.JSON).body(Map.of("digest", true, "language", "fr"))
                .put("/api/v1/notifications/preferences").then().statusCode(400);
        LocalDate day = LocalDate.of(2090, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(10_000));
        mail.digest(day);
        List<MimeMessage> digests = arrived(code, 2);
        assertEquals(List.of("admin.tmail@nq57.test", "clerk.tmail@nq57.test"),
                to(digests).stream().sorted().toList(), "the leader opted out");
        assertTrue(digests.stream().anyMatch(m -> subject(m).contains("Daily digest " + day)));
        assertEquals(0, mail.digest(day), "one digest a day");
        given().auth().oauth2(leader()).get("/api/v1/notifications/preferences").then().statusCode(200)
                .body("digest", equalTo(false));
    }

    /** How many mails the log holds under keys like {@code pattern} (SQL LIKE). */
    private long logged(String pattern) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM mail_log WHERE mail_key LIKE :k").setParameter("k", pattern).getSingleResult())
                .longValue());
    }

    /** The open VALUE_MISSING warning of an indicator. */
    private String warningOf(String indicator) {
        return given().auth().oauth2(TestTokens.centralAdmin()).queryParam("kind", "VALUE_MISSING")
                .queryParam("subjectId", indicator).queryParam("open", "true").get("/api/v1/warnings").then()
                .statusCode(200).extract().path("items[0].id");
    }

    private static String leader() {
        return TestTokens.token("leader.tmail", MailServer.AGENCY, "viewer");
    }

    private String indicator(String frequency, int graceDays) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> d = new HashMap<>(Map.of("id", id, "code", "KPI-" + id.substring(0, 8), "nameVi",
                "Số doanh nghiệp công nghệ số", "tier", "STRATEGIC", "system", "H1", "ownerAgency", "BKHCN",
                "reportingAgencies", new ArrayList<>(List.of(MailServer.AGENCY)), "frequency", frequency,
                "graceDays", graceDays, "direction", "HIGHER_IS_BETTER"));
        connector.source("kpi-events").send(java.util.List.of(TestEvents.json(TestEvents.event("nq57.indicator.created.v1", id, 1,
                "central", d))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(TestTokens.centralAdmin())
                .queryParam("indicatorId", id).get("/api/v1/obligations").then().statusCode(200)
                .body("items.agency", containsInAnyOrder(MailServer.AGENCY)));
        return id;
    }

    private void measurement(String indicator, String period) {
        String id = UUID.randomUUID().toString();
        connector.source("kpi-events").send(java.util.List.of(TestEvents.json(TestEvents.event("nq57.measurement.recorded.v1", id, 1,
                "central", Map.of("id", id, "indicatorId", indicator, "period", period, "agency", MailServer.AGENCY,
                        "value", 7, "status", "SUBMITTED", "firstSubmittedAt", "2026-01-20T10:00:00+07:00",
                        "version", 1)))));
    }

    /** Waits until {@code count} mails naming {@code code} have arrived since {@code from} (SMTP stores them a moment after sending). */
    private static List<MimeMessage> arrived(String code, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> mails(code).size() >= count);
        return mails(code);
    }

    /**
     * The mails received that name {@code code} (an indicator of this test run) in their subject or body. GreenMail
     * answers its messages grouped by mailbox, not in order of arrival.
     */
    private static List<MimeMessage> mails(String code) {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : MailServer.smtp.getReceivedMessages()) {
            if (subject(m).contains(code) || body(m).contains(code)) {
                out.add(m);
            }
        }
        return out;
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage m) {
        try {
            Object content = m.getContent();
            return content instanceof String text ? text : com.icegreen.greenmail.util.GreenMailUtil.getBody(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> to(List<MimeMessage> mails) {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : mails) {
            try {
                for (var a : m.getRecipients(Message.RecipientType.TO)) {
                    out.add(a.toString());
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
