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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import vn.nq57.e2e.Suite;
import vn.nq57.e2e.SuiteAccess;

/**
 * End-to-end latency, a benchmark (not a test): starts the real suite (Keycloak, Kafka, the three packaged services),
 * then posts measurements to kpi-service at a steady rate (open loop, 8 writers) and times each one until
 * initiative-service's SSE stream shows it, as a "measurement" change and as the indicator's re-evaluation ("kpi"
 * change, scorecard). With 2 replicas, a second initiative-service joins the same database and consumer group and a
 * subscriber on each replica is timed (issue #19 §1). Prints p50/p99.
 * Run: e2e/bench.sh [count] [rate per second] [replicas 1|2].
 */
public final class LatencyBench {

    private static final List<String> AGENCIES = List.of("BKHCN", "BKHCN-CDMST", "BKHCN-CCDSQG", "BKHCN-CSHTT");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        int replicas = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Suite suite = SuiteAccess.standalone();
        try {
            run(suite, count, rate, replicas);
        } finally {
            suite.close();
            System.exit(0);
        }
    }

    /** What one subscriber saw: each value's first 'measurement' and 'kpi' change. */
    record Seen(String where, Map<String, Long> measurement, Map<String, Long> kpi,
                HttpResponse<Stream<String>> stream) {
    }

    private static void run(Suite suite, int count, double rate, int replicas) throws Exception {
        String initiative = SuiteAccess.createInitiative(suite, "H4");
        String indicator = SuiteAccess.indicatorFor(suite, initiative);
        List<String> urls = new ArrayList<>(List.of(suite.url("initiative")));
        if (replicas > 1) {
            int port = Suite.CENTRAL.port("initiative") + 10;
            suite.startReplica(Suite.CENTRAL, "initiative", port);
            urls.add("http://127.0.0.1:" + port);
        }
        if (replicas > 1) {
            // the consumer group rebalances when the replica joins, and its JIT is cold: warm up untimed first
            for (int i = 0; i < 100; i++) {
                given().baseUri(suite.url("kpi")).auth().oauth2(suite.token("submitter.bkhcn"))
                        .contentType("application/json").body(Map.of("indicator", indicator, "period", "2020",
                                "agency", "BKHCN", "value", i)).when().post("/api/v1/measurements");
            }
            TimeUnit.SECONDS.sleep(20);
        }
        List<Seen> subscribers = new ArrayList<>();
        for (String url : urls) {
            subscribers.add(subscribe(suite, url, indicator));
        }
        List<String> slots = new ArrayList<>();
        for (int year = 2020; year <= java.time.Year.now().getValue(); year++) {
            for (String agency : AGENCIES) {
                slots.add(agency + " " + year);
            }
        }
        Object[] locks = slots.stream().map(s -> new Object()).toArray();
        Map<String, Long> sent = new ConcurrentHashMap<>();
        String token = suite.token("submitter.bkhcn");
        ExecutorService writers = Executors.newFixedThreadPool(8);
        long interval = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        System.out.printf("posting %d measurements at %.1f/s, %d replica(s) of initiative-service; load %s%n", count,
                rate, urls.size(), ProcessCpu.load());
        for (int i = 1; i <= count; i++) {
            String value = BigDecimal.valueOf(10_000 + i, 2).stripTrailingZeros().toPlainString();
            long wait = start + (i - 1) * interval - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int k = i % slots.size();
            String[] slot = slots.get(k).split(" ");
            int n = i;
            writers.submit(() -> {
                synchronized (locks[k]) {
                    sent.put(value, System.nanoTime());
                    int status = given().baseUri(suite.url("kpi")).auth().oauth2(token).contentType("application/json")
                            .body(Map.of("indicator", indicator, "period", slot[1], "agency", slot[0],
                                    "value", new BigDecimal(value)))
                            .when().post("/api/v1/measurements").statusCode();
                    if (status >= 300) {
                        System.out.println("measurement " + n + " answered " + status);
                    }
                }
            });
        }
        writers.shutdown();
        writers.awaitTermination(5, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  %d posts in %.1f s (%.0f/s)%n", count, seconds, count / seconds);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && subscribers.stream().anyMatch(s -> s.measurement().size() < count)) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        for (Seen s : subscribers) {
            s.stream().body().close();
            Latencies.report("POST measurement -> SSE 'measurement' change at " + s.where(), sent, s.measurement(), count);
            Latencies.report("POST measurement -> SSE 'kpi' change (scorecard re-evaluated) at " + s.where(), sent, s.kpi(), count);
        }
        System.out.println("load after: " + ProcessCpu.load());
        if (replicas > 1) {
            suite.stopReplica(Suite.CENTRAL, "initiative", Suite.CENTRAL.port("initiative") + 10);
        }
    }

    private static Seen subscribe(Suite suite, String url, String indicator) throws Exception {
        Map<String, Long> measurementSeen = new ConcurrentHashMap<>();
        Map<String, Long> kpiSeen = new ConcurrentHashMap<>();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(url + "/api/v1/scorecard/stream?system=H4"))
                        .header("Authorization", "Bearer " + suite.token("admin.bkhcn"))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        Thread reader = new Thread(() -> {
            try {
                stream.body().filter(l -> l.startsWith("data:")).forEach(l -> {
                    long now = System.nanoTime();
                    try {
                        JsonNode change = JSON.readTree(l.substring(5));
                        JsonNode data = change.path("data");
                        if ("measurement".equals(change.path("kind").asText())
                                && indicator.equals(data.path("indicatorCode").asText())) {
                            measurementSeen.putIfAbsent(new BigDecimal(data.path("value").asText())
                                    .stripTrailingZeros().toPlainString(), now);
                        } else if ("kpi".equals(change.path("kind").asText())
                                && indicator.equals(data.path("code").asText()) && data.hasNonNull("latestValue")) {
                            kpiSeen.putIfAbsent(new BigDecimal(data.path("latestValue").asText())
                                    .stripTrailingZeros().toPlainString(), now);
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
        return new Seen(url, measurementSeen, kpiSeen, stream);
    }

}
