package vn.nq57.e2e;

/** What the benchmark (another package) uses of the end-to-end flows. */
public final class SuiteAccess {

    private SuiteAccess() {
    }

    public static Suite standalone() throws Exception {
        return Suite.standalone();
    }

    public static String createInitiative(Suite suite, Suite.Node node, String system) {
        return Flows.createInitiative(suite, node, system);
    }

    public static String createInitiative(Suite suite, String system) {
        return Flows.createInitiative(suite, system);
    }

    /** An OPERATIONAL annual indicator of the initiative at an instance, once its kpi-service knows the initiative. */
    public static String indicatorFor(Suite suite, Suite.Node node, String initiative) {
        io.restassured.response.Response last = null;
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            last = Flows.createIndicator(suite, node, initiative);
            if (last.statusCode() == 201) {
                return last.path("code");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("no indicator: " + (last == null ? "" : last.statusCode() + " " + last.asString()));
    }

    /** An OPERATIONAL indicator of the initiative, once kpi-service knows the initiative; answers its code. */
    public static String indicatorFor(Suite suite, String initiative) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> Flows.createIndicator(suite, initiative), r -> r.statusCode() == 201).path("code");
    }
}
