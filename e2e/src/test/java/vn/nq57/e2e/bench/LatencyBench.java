package vn.nq57.e2e.bench;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import vn.nq57.e2e.Suite;
import vn.nq57.e2e.SuiteAccess;

/**
 * End-to-end latency, a benchmark (not a test): starts the real suite (Keycloak, Kafka, the three packaged services),
 * then posts measurements to kpi-service at a steady rate and times each one until initiative-service's SSE stream
 * shows it, as a "measurement" change and as the indicator's re-evaluation ("kpi" change, scorecard). Prints p50/p99.
 * Run: e2e/bench.sh [count] [rate per second].
 */
public final class LatencyBench {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        Suite suite = SuiteAccess.standalone();
        try {
            run(suite, count, rate);
        } finally {
            suite.close();
        }
    }

    private static void run(Suite suite, int count, double rate) throws Exception {
        ObjectMapper json = new ObjectMapper();
        String initiative = SuiteAccess.createInitiative(suite, "H4");
        String indicator = SuiteAccess.indicatorFor(suite, initiative);
        Map<String, Long> sent = new ConcurrentHashMap<>();
        Map<String, Long> measurementSeen = new ConcurrentHashMap<>();
        Map<String, Long> kpiSeen = new ConcurrentHashMap<>();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(suite.url("initiative") + "/api/v1/scorecard/stream?system=H4"))
                        .header("Authorization", "Bearer " + suite.token("admin.bkhcn"))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        Thread reader = new Thread(() -> {
            try {
                stream.body().filter(l -> l.startsWith("data:")).forEach(l -> {
                    long now = System.nanoTime();
                    try {
                        JsonNode change = json.readTree(l.substring(5));
                        JsonNode data = change.path("data");
                        if ("measurement".equals(change.path("kind").asText()) && indicator.equals(data.path("indicatorCode").asText())) {
                            measurementSeen.putIfAbsent(new BigDecimal(data.path("value").asText()).stripTrailingZeros().toPlainString(), now);
                        } else if ("kpi".equals(change.path("kind").asText()) && indicator.equals(data.path("code").asText())
                                && data.hasNonNull("latestValue")) {
                            kpiSeen.putIfAbsent(new BigDecimal(data.path("latestValue").asText()).stripTrailingZeros().toPlainString(), now);
                        }
                    } catch (Exception ignored) {
                        // heartbeats and other changes
                    }
                });
            } catch (java.io.UncheckedIOException closed) {
                // end of the run
            }
        });
        reader.setDaemon(true);
        reader.start();
        String token = suite.token("submitter.bkhcn");
        long interval = (long) (1_000_000_000L / rate);
        long next = System.nanoTime();
        System.out.printf("posting %d measurements at %.1f/s%n", count, rate);
        for (int i = 1; i <= count; i++) {
            String value = BigDecimal.valueOf(10_000 + i, 2).stripTrailingZeros().toPlainString();
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            next += interval;
            sent.put(value, System.nanoTime());
            int status = given().baseUri(suite.url("kpi")).auth().oauth2(token).contentType("application/json")
                    .body(Map.of("indicator", indicator, "period", "2025", "agency", "BKHCN", "value", new BigDecimal(value)))
                    .when().post("/api/v1/measurements").statusCode();
            if (status >= 300) {
                System.out.println("measurement " + i + " answered " + status);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && (measurementSeen.size() < count || kpiSeen.size() < count)) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        stream.body().close();
        report("POST measurement -> SSE 'measurement' change", sent, measurementSeen, count);
        report("POST measurement -> SSE 'kpi' change (scorecard re-evaluated)", sent, kpiSeen, count);
    }

    private static void report(String what, Map<String, Long> sent, Map<String, Long> seen, int count) {
        List<Double> ms = new ArrayList<>();
        sent.forEach((value, t0) -> {
            Long t1 = seen.get(value);
            if (t1 != null) {
                ms.add((t1 - t0) / 1e6);
            }
        });
        Collections.sort(ms);
        if (ms.isEmpty()) {
            System.out.printf("%s: none seen of %d%n", what, count);
            return;
        }
        System.out.printf("%s: seen %d of %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, ms.size(), count,
                ms.get((int) Math.floor(0.50 * (ms.size() - 1))), ms.get((int) Math.floor(0.99 * (ms.size() - 1))),
                ms.get(ms.size() - 1));
    }
}
