package vn.nq57.budget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nq57.budget.Fixtures.Initiative;
import vn.nq57.platform.testing.TestTokens;

@QuarkusTest
class DisbursementTest {

    static final int YEAR = Fixtures.PAST_YEAR;

    @BeforeEach
    void fiscalYear() {
        Fixtures.ensureFiscalYear(YEAR);
    }

    @Test
    void aSubmitterRecordsADisbursementAndTheAllocationFollows() {
        // amounts up to 10^18 VND; in a year of its own, so that the reports of the other tests stay far from the
        // long range their sums are kept in
        int year = Fixtures.PAST_YEAR - 1;
        Fixtures.ensureFiscalYear(year);
        Initiative i = Fixtures.newInitiative("H4", "BKHCN", false);
        String id = Fixtures.approved(i, year, "LOCAL_BUDGET", 1_000_000_000_000_000_000L);
        String ref = Fixtures.reference();
        Fixtures.disburse(TestTokens.submitter("BKHCN"), id, year + "-04-15", 999_999_999_999_999_999L, ref)
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/disbursements/"))
                .body("kind", equalTo("PAYMENT"))
                .body("amount", equalTo(999_999_999_999_999_999L))
                .body("paymentReference", equalTo(ref))
                .body("note", equalTo("Thanh toán đợt 1"))
                .body("recordedBy", equalTo("submitter.bkhcn"))
                .body("allocation.disbursed", equalTo(999_999_999_999_999_999L))
                .body("allocation.remaining", equalTo(1))
                .body("allocation.disbursementRate", equalTo(100.0f));
        String payment = given().auth().oauth2(TestTokens.viewer("BKHCN")).when()
                .get("/api/v1/allocations/" + id + "/disbursements")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].paymentReference", equalTo(ref))
                .extract().path("items[0].id");
        // leave the year as found: reverse the payment and cancel the allocation (cancelled ones count nowhere)
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Dọn dữ liệu kiểm thử", "date", year + "-04-16"))
                .when().post("/api/v1/disbursements/" + payment + "/reversal").then().statusCode(201);
        String etag = given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/allocations/" + id)
                .then().extract().header("ETag");
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("reason", "Dọn dữ liệu kiểm thử")).when().post("/api/v1/allocations/" + id + "/cancellation")
                .then().statusCode(200);
    }

    @Test
    void anOverdraftIsAConflictWithTheRemainingAmount() {
        Initiative i = Fixtures.newInitiative("H2", "BCT", false);
        String id = Fixtures.approved(i, YEAR, "ENTERPRISE", 1_000L);
        Fixtures.disburse(TestTokens.submitter("BCT"), id, YEAR + "-02-01", 700L, Fixtures.reference())
                .then().statusCode(201);
        Fixtures.disburse(TestTokens.submitter("BCT"), id, YEAR + "-02-02", 301L, Fixtures.reference())
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://nq57.gov.vn/problems/conflict"))
                .body("remaining", equalTo(300))
                .body("approved", equalTo(1000))
                .body("detail", containsString("300 VND remain"));
        Fixtures.disburse(TestTokens.submitter("BCT"), id, YEAR + "-02-02", 300L, Fixtures.reference())
                .then().statusCode(201).body("allocation.remaining", equalTo(0));
    }

    @Test
    void aPlannedAllocationTakesNoDisbursement() {
        Initiative i = Fixtures.newInitiative("H3", "BYT", false);
        String id = Fixtures.plan(i, YEAR, "LOCAL_BUDGET", 1_000L).path("id");
        Fixtures.disburse(TestTokens.submitter("BYT"), id, YEAR + "-02-01", 1L, Fixtures.reference())
                .then().statusCode(409).body("currentStatus", equalTo("PLANNED"));
    }

    @Test
    void theDateLiesInsideTheFiscalYearAndNotInTheFuture() {
        Initiative i = Fixtures.newInitiative("H3", "BYT", false);
        String id = Fixtures.approved(i, YEAR, "LOCAL_BUDGET", 1_000L);
        Fixtures.disburse(TestTokens.submitter("BYT"), id, (YEAR + 1) + "-01-01", 1L, Fixtures.reference())
                .then().statusCode(400).body("violations[0].field", equalTo("date"));
        Fixtures.disburse(TestTokens.submitter("BYT"), id, (YEAR - 1) + "-12-31", 1L, Fixtures.reference())
                .then().statusCode(400).body("violations[0].field", equalTo("date"));
        int thisYear = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        Fixtures.ensureFiscalYear(thisYear);
        String current = Fixtures.approved(i, thisYear, "LOCAL_BUDGET", 1_000L);
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1);
        if (tomorrow.getYear() == thisYear) {
            Fixtures.disburse(TestTokens.submitter("BYT"), current, tomorrow.toString(), 1L, Fixtures.reference())
                    .then().statusCode(400).body("violations[0].field", equalTo("date"))
                    .body("violations[0].message", containsString("future"));
        }
        given().auth().oauth2(TestTokens.submitter("BYT")).contentType(ContentType.JSON)
                .body(Map.of("date", "15/04/" + YEAR, "amount", 1, "paymentReference", "X"))
                .when().post("/api/v1/allocations/" + id + "/disbursements")
                .then().statusCode(400).body("violations[0].field", equalTo("date"));
        given().auth().oauth2(TestTokens.submitter("BYT")).contentType(ContentType.JSON)
                .body(Map.of("date", YEAR + "-04-15", "amount", 1.5, "paymentReference", "X"))
                .when().post("/api/v1/allocations/" + id + "/disbursements")
                .then().statusCode(400).body("violations[0].field", equalTo("amount"));
        given().auth().oauth2(TestTokens.submitter("BYT")).contentType(ContentType.JSON)
                .body(Map.of("date", YEAR + "-04-15", "amount", -5, "paymentReference", "X"))
                .when().post("/api/v1/allocations/" + id + "/disbursements")
                .then().statusCode(400).body("violations[0].field", equalTo("amount"));
    }

    @Test
    void aPaymentReferenceIsUniquePerAllocationAndARetryIsANoOp() {
        Initiative i = Fixtures.newInitiative("H5", "HNI", false);
        String id = Fixtures.approved(i, YEAR, "LOCAL_BUDGET", 10_000L);
        String ref = Fixtures.reference();
        String first = Fixtures.disburse(TestTokens.submitter("HNI"), id, YEAR + "-06-01", 4_000L, ref)
                .then().statusCode(201).extract().path("id");
        Fixtures.disburse(TestTokens.submitter("HNI"), id, YEAR + "-06-01", 4_000L, ref)
                .then().statusCode(200).body("id", equalTo(first)).body("allocation.disbursed", equalTo(4_000));
        Fixtures.disburse(TestTokens.submitter("HNI"), id, YEAR + "-06-01", 4_001L, ref)
                .then().statusCode(409).body("existingDisbursementId", equalTo(first));
        // the same reference on another allocation is another payment
        String other = Fixtures.approved(i, YEAR, "ODA", 10_000L);
        Fixtures.disburse(TestTokens.submitter("HNI"), other, YEAR + "-06-01", 4_000L, ref).then().statusCode(201);
    }

    @Test
    void aReversalIsANegativeEntryWithAReasonAndHappensOnce() {
        Initiative i = Fixtures.newInitiative("H1", "BTP", false);
        String id = Fixtures.approved(i, YEAR, "LOCAL_BUDGET", 10_000L);
        String ref = Fixtures.reference();
        String payment = Fixtures.disburse(TestTokens.submitter("BTP"), id, YEAR + "-07-01", 2_500L, ref)
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.submitter("BTP")).contentType(ContentType.JSON)
                .body(Map.of("date", YEAR + "-07-03")).when().post("/api/v1/disbursements/" + payment + "/reversal")
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
        given().auth().oauth2(TestTokens.submitter("BTP")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Trả lại", "date", YEAR + "-06-30"))
                .when().post("/api/v1/disbursements/" + payment + "/reversal")
                .then().statusCode(400).body("violations[0].field", equalTo("date"));
        String reversal = given().auth().oauth2(TestTokens.submitter("BTP")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Nhà thầu hoàn trả tạm ứng", "date", YEAR + "-07-03"))
                .when().post("/api/v1/disbursements/" + payment + "/reversal")
                .then().statusCode(201)
                .body("kind", equalTo("REVERSAL"))
                .body("amount", equalTo(-2_500))
                .body("reversesId", equalTo(payment))
                .body("paymentReference", equalTo(ref))
                .body("reason", equalTo("Nhà thầu hoàn trả tạm ứng"))
                .body("allocation.disbursed", equalTo(0))
                .extract().path("id");
        given().auth().oauth2(TestTokens.submitter("BTP")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Lần nữa", "date", YEAR + "-07-04"))
                .when().post("/api/v1/disbursements/" + payment + "/reversal")
                .then().statusCode(409).body("reversalId", equalTo(reversal));
        given().auth().oauth2(TestTokens.submitter("BTP")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Đảo bút toán đảo", "date", YEAR + "-07-04"))
                .when().post("/api/v1/disbursements/" + reversal + "/reversal")
                .then().statusCode(409);
        // the payment itself is unchanged
        given().auth().oauth2(TestTokens.viewer("BTP")).when().get("/api/v1/disbursements/" + payment)
                .then().statusCode(200).body("amount", equalTo(2_500)).body("kind", equalTo("PAYMENT"));
        given().auth().oauth2(TestTokens.viewer("BTP")).when().get("/api/v1/disbursements?allocationId=" + id + "&kind=REVERSAL")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(reversal));
    }

    @Test
    void disbursementsAreRecordedOnlyForTheCallersAgencies() {
        Initiative i = Fixtures.newInitiative("H4", "BKHCN-CDMST", false);
        String id = Fixtures.approved(i, YEAR, "LOCAL_BUDGET", 10_000L);
        Fixtures.disburse(TestTokens.submitter("BYT"), id, YEAR + "-05-01", 1L, Fixtures.reference())
                .then().statusCode(403).contentType("application/problem+json");
        Fixtures.disburse(TestTokens.viewer("BKHCN-CDMST"), id, YEAR + "-05-01", 1L, Fixtures.reference())
                .then().statusCode(403);
        Fixtures.disburse(TestTokens.submitter("BKHCN-CCDSQG"), id, YEAR + "-05-01", 1L, Fixtures.reference())
                .then().statusCode(403);
        // the lead agency's own submitter, and one of the ministry above it, may
        Fixtures.disburse(TestTokens.submitter("BKHCN-CDMST"), id, YEAR + "-05-01", 1L, Fixtures.reference())
                .then().statusCode(201);
        Fixtures.disburse(TestTokens.submitter("BKHCN"), id, YEAR + "-05-01", 1L, Fixtures.reference())
                .then().statusCode(201);
        given().auth().oauth2(TestTokens.viewer("BKHCN-CDMST")).when().get("/api/v1/allocations/" + id)
                .then().body("disbursed", equalTo(2));
        given().when().get("/api/v1/disbursements").then().statusCode(401);
    }

    @Test
    void concurrentDisbursementsNeverExceedTheApprovedAllocation() throws Exception {
        Initiative i = Fixtures.newInitiative("H6", "BKHCN", true);
        long approved = 10_000L;
        String id = Fixtures.approved(i, YEAR, "CENTRAL_BUDGET", approved);
        String token = TestTokens.submitter("BKHCN");
        int threads = 20;
        long each = 1_500L; // 20 × 1,500 = 30,000 asked for; only 6 fit into 10,000
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int n = 0; n < threads; n++) {
                String ref = "PAR-" + n + "-" + Fixtures.reference();
                answers.add(pool.submit(() -> Fixtures.disburse(token, id, YEAR + "-09-09", each, ref).statusCode()));
            }
            int created = 0;
            int overdrafts = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                if (status == 201) {
                    created++;
                } else if (status == 409) {
                    overdrafts++;
                } else {
                    throw new AssertionError("unexpected status " + status);
                }
            }
            assertEquals(6, created, "exactly the payments that fit were recorded");
            assertEquals(threads - 6, overdrafts);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(token).when().get("/api/v1/allocations/" + id)
                .then().statusCode(200).body("disbursed", equalTo(9_000)).body("remaining", equalTo(1_000));
        long sum = given().auth().oauth2(token).when().get("/api/v1/allocations/" + id + "/disbursements?size=500")
                .then().statusCode(200).body("total", equalTo(6))
                .extract().jsonPath().getList("items.amount", Long.class).stream().mapToLong(Long::longValue).sum();
        assertEquals(9_000L, sum, "the disbursements add up to the allocation's disbursed total");
    }
}
