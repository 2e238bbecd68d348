package vn.nq57.e2e.bench;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.nq57.e2e.Suite;
import vn.nq57.e2e.SuiteAccess;

/**
 * Federation figures, a benchmark (not a test): starts central and the two ministry instances like the e2e tests,
 * then at bkhcn's kpi-service
 * <ol>
 * <li>records measurements at a steady rate and times each until central's kpi-service lists it (that version):
 * the lag from a ministry write to its visibility at central, p50/p99;</li>
 * <li>stops central's kpi-service for an outage while bkhcn keeps writing at the same rate, starts it again and times
 * how long the forwarder takes to deliver the backlog: catch-up throughput in events per second.</li>
 * </ol>
 * Run: {@code e2e/bench-federation.sh [writes=300] [rate/s=10] [outage seconds=600] [events straight to central=0]
 * [alone]}: with {@code alone}, every service but central's kpi-service is stopped while it applies, and central's
 * scorecard consumes what it announced afterwards, timed on its own.
 */
public final class FederationBench {

    private static final List<String> AGENCIES = List.of("BKHCN", "BKHCN-CDMST", "BKHCN-CCDSQG", "BKHCN-CSHTT");

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        int outage = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        int apply = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        boolean alone = args.length > 4 && "alone".equals(args[4]);
        Suite suite = SuiteAccess.standalone();
        try {
            suite.startMinistries(Map.of());
            FederationBench bench = new FederationBench(suite);
            bench.run(count, rate, outage);
            if (apply > 0) {
                bench.applyAtCentral(apply, alone);
            }
        } finally {
            suite.close();
            System.exit(0);
        }
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final Suite suite;
    private final List<String> slots = new ArrayList<>();
    /** When each value of the lag phase was answered by the ministry (its write committed), by key. */
    private final Map<String, Long> answered = new ConcurrentHashMap<>();
    private String indicator;
    private String initiative;

    private FederationBench(Suite suite) {
        this.suite = suite;
        // the plan's horizon: 2020 to the current year (a value of a year not begun is refused)
        for (int year = 2020; year <= java.time.Year.now().getValue(); year++) {
            for (String agency : AGENCIES) {
                slots.add(agency + " " + year);
            }
        }
    }

    private void run(int count, double rate, int outage) throws Exception {
        initiative = SuiteAccess.createInitiative(suite, Suite.BKHCN, "H4");
        indicator = SuiteAccess.indicatorFor(suite, Suite.BKHCN, initiative);
        System.out.printf("machine: %d cores, load %s; bkhcn kpi-service -> central kpi-service, indicator %s%n",
                Runtime.getRuntime().availableProcessors(), ProcessCpu.load(), indicator);

        if (count <= 0) {
            return;
        }
        // warm-up: the nine services have just started and compile their hot paths; the lag is measured after it
        write(Math.max(20, (int) rate * 10), rate, 0, null);
        Thread.sleep(5_000);
        // 1. lag at a steady load
        Map<String, Long> cpu = ProcessCpu.snapshot();
        Map<String, Long> sent = new ConcurrentHashMap<>();
        answered.clear();
        Map<String, Long> seen = new ConcurrentHashMap<>();
        AtomicBoolean polling = new AtomicBoolean(true);
        Thread poller = new Thread(() -> poll(seen, polling));
        poller.setDaemon(true);
        poller.start();
        write(count, rate, 0, sent);
        long deadline = System.currentTimeMillis() + 60_000;
        while (!seen.keySet().containsAll(sent.keySet()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        polling.set(false);
        Latencies.report("ministry write -> visible at central (" + count + " at " + rate + "/s), from the request",
                sent, seen, sent.size());
        Latencies.report("ministry write -> visible at central, from the write's answer (after its commit)", answered,
                seen, sent.size());
        System.out.println("  " + ProcessCpu.since(cpu));

        // 2. catch-up after an outage of central
        if (outage > 0) {
            suite.stopService(Suite.CENTRAL, "kpi");
            System.out.printf("central kpi-service stopped; bkhcn writes for %d s at %.0f/s%n", outage, rate);
            int written = write((int) (outage * rate), rate, count, null);
            long backlog = pending();
            System.out.printf("outage over: %d writes accepted at bkhcn, %d events waiting in its outbox; load %s%n",
                    written, backlog, ProcessCpu.load());
            suite.startService(Suite.CENTRAL, "kpi");
            suite.awaitReady(Suite.CENTRAL, "kpi", Duration.ofSeconds(180));
            long t0 = System.nanoTime();
            long left = backlog;
            while (left > 0) {
                Thread.sleep(250);
                left = pending();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("catch-up: %d events delivered in %.1f s after central was ready: %.0f events/s; load %s%n",
                    backlog, seconds, backlog / seconds, ProcessCpu.load());
        }
    }

    /**
     * Central's apply rate, alone (issue #19 §2): {@code total} value events posted straight to central's kpi-service
     * as bkhcn's forwarder posts them (its client's token, batches of 500, one after the other), for a new indicator
     * of bkhcn's: 28 values (4 agencies x 7 years) each changed {@code total / 28} times, so every event is applied.
     * Prints events applied per second and checks that central ends with each value's last version.
     */
    private void applyAtCentral(int total, boolean alone) throws Exception {
        String code = SuiteAccess.indicatorFor(suite, Suite.BKHCN, initiative);
        String indicatorId = null;
        long deadline = System.currentTimeMillis() + 120_000;
        while (indicatorId == null && System.currentTimeMillis() < deadline) {
            indicatorId = given().baseUri(suite.url(Suite.CENTRAL, "kpi")).auth().oauth2(suite.token("central.admin"))
                    .queryParam("q", code).when().get("/api/v1/indicators").then().extract().path("items[0].id");
            Thread.sleep(500);
        }
        if (indicatorId == null) {
            throw new IllegalStateException("central does not know indicator " + code);
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            ids.add(java.util.UUID.randomUUID().toString());
        }
        List<Map<String, Object>> events = new ArrayList<>(total);
        for (int n = 0; n < total; n++) {
            int k = n % slots.size();
            long version = n / slots.size();
            String[] slot = slots.get(k).split(" ");
            String now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString();
            Map<String, Object> d = new java.util.LinkedHashMap<>();
            d.put("id", ids.get(k));
            d.put("indicatorId", indicatorId);
            d.put("indicatorCode", code);
            d.put("period", slot[1]);
            d.put("agency", slot[0]);
            d.put("value", n);
            d.put("status", "SUBMITTED");
            d.put("actor", "submitter.bkhcn");
            d.put("at", now);
            d.put("originInstance", "bkhcn");
            d.put("origin", "bkhcn");
            d.put("version", version);
            d.put("submittedBy", "submitter.bkhcn");
            d.put("submittedAt", now);
            d.put("firstSubmittedAt", now);
            Map<String, Object> e = new java.util.LinkedHashMap<>();
            e.put("specversion", "1.0");
            e.put("id", java.util.UUID.randomUUID().toString());
            e.put("source", "/instances/bkhcn/kpi-service");
            e.put("type", "nq57.measurement.recorded.v1");
            e.put("subject", ids.get(k));
            e.put("time", now);
            e.put("datacontenttype", "application/json");
            e.put("aggregatetype", "measurement");
            e.put("aggregateversion", version);
            e.put("origininstance", "bkhcn");
            e.put("data", d);
            events.add(e);
        }
        long scorecardBefore = alone ? scorecardConsumed() : 0;
        if (alone) {
            // central's kpi-service with the machine to itself (and PostgreSQL, Kafka, Keycloak): the scorecard
            // (central's initiative-service) consumes the re-announced events afterwards, timed on its own
            for (Suite.Node node : Suite.MINISTRIES) {
                for (String service : Suite.PORTS.keySet()) {
                    suite.stopService(node, service);
                }
            }
            suite.stopService(Suite.CENTRAL, "initiative");
            suite.stopService(Suite.CENTRAL, "budget");
            System.out.println("central apply alone: every service but central's kpi-service stopped");
        }
        java.time.OffsetDateTime announcedFrom = java.time.OffsetDateTime.now();
        // the batches' bodies are written before the clock starts, so that this program takes little of the machine
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < total; from += 500) {
            bodies.add(json.writeValueAsString(Map.of("events", events.subList(from, Math.min(total, from + 500)))));
        }
        events.clear();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI uri = java.net.URI.create(suite.url(Suite.CENTRAL, "kpi") + "/api/v1/federation/events");
        String token = clientToken();
        long tokenAt = System.currentTimeMillis();
        Map<String, Integer> totals = new java.util.TreeMap<>();
        System.out.printf("central apply: %d events for %d values of %s in batches of 500; load %s%n", total,
                slots.size(), code, ProcessCpu.load());
        Map<String, Long> cpu = ProcessCpu.snapshot();
        long t0 = System.nanoTime();
        for (String body : bodies) {
            if (System.currentTimeMillis() - tokenAt > 60_000) {
                token = clientToken();
                tokenAt = System.currentTimeMillis();
            }
            java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("central answered " + r.statusCode() + ": " + r.body());
            }
            json.readTree(r.body()).path("totals").fields()
                    .forEachRemaining(t -> totals.merge(t.getKey(), t.getValue().asInt(), Integer::sum));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("central apply: %d events in %.1f s = %.0f events/s applied at central %s; load %s%n", total,
                seconds, total / seconds, totals, ProcessCpu.load());
        System.out.println("  " + ProcessCpu.since(cpu));
        JsonPath held = given().baseUri(suite.url(Suite.CENTRAL, "kpi")).auth().oauth2(suite.token("central.admin"))
                .queryParam("indicator", code).queryParam("size", 100).when().get("/api/v1/measurements")
                .then().statusCode(200).extract().jsonPath();
        int last = 0;
        for (int k = 0; k < slots.size(); k++) {
            int lastN = total - 1 - ((total - 1 - k) % slots.size());
            Object value = held.get("items.find { it.id == '" + ids.get(k) + "' }.value");
            if (value != null && ((Number) value).intValue() == lastN) {
                last++;
            }
        }
        System.out.printf("central holds the last version of %d of %d values%n", last, slots.size());
        if (alone) {
            long announced = announcedSince(announcedFrom);
            Map<String, Long> before = ProcessCpu.snapshot();
            long s0 = System.nanoTime();
            suite.startService(Suite.CENTRAL, "initiative");
            suite.awaitReady(Suite.CENTRAL, "initiative", Duration.ofSeconds(180));
            double ready = (System.nanoTime() - s0) / 1e9;
            long consumed = 0;
            while (consumed < announced) {
                Thread.sleep(250);
                consumed = scorecardConsumed() - scorecardBefore;
            }
            double took = (System.nanoTime() - s0) / 1e9;
            System.out.printf("scorecard catch-up: central's initiative-service consumed the %d events central "
                    + "announced meanwhile in %.1f s (%.1f s of it its start) = %.0f events/s after start; load %s%n",
                    announced, took, ready, announced / (took - ready), ProcessCpu.load());
            System.out.println("  " + ProcessCpu.since(before));
        }
    }

    /** Events central's kpi-service put on its topic since {@code from} (re-announced values, evaluations). */
    private static long announcedSince(java.time.OffsetDateTime from) throws java.sql.SQLException {
        return count(Suite.CENTRAL.database("kpi"), "SELECT count(*) FROM outbox WHERE topic LIKE '%nq57.kpi.v1' "
                + "AND created_at >= ?", from);
    }

    /** Events central's scorecard has taken in so far. */
    private static long scorecardConsumed() throws java.sql.SQLException {
        return count(Suite.CENTRAL.database("initiative"), "SELECT count(*) FROM processed_event "
                + "WHERE consumer = 'scorecard'", null);
    }

    private static long count(String database, String sql, Object parameter) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database,
                "postgres", ""); java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setObject(1, parameter);
            }
            try (java.sql.ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private String clientToken() throws Exception {
        return new vn.nq57.client.KeycloakTokens(suite.issuer(), "nq57-federation-bkhcn",
                "local-dev-only-federation-bkhcn").clientToken();
    }

    /**
     * Writes {@code n} values at {@code rate} per second, open loop (8 writers, so a slow answer does not slow the
     * rate); returns how many were accepted.
     */
    private int write(int n, double rate, int offset, Map<String, Long> sent) throws InterruptedException {
        long start = System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.net.URI writeUri = java.net.URI.create(suite.url(Suite.BKHCN, "kpi") + "/api/v1/measurements");
        // one slot is written by one writer at a time (the same value's versions in order)
        Object[] locks = new Object[slots.size()];
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
        for (int i = 0; i < n; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            int k = i;
            writers.submit(() -> {
                int s = (offset + k) % slots.size();
                String[] slot = slots.get(s).split(" ");
                synchronized (locks[s]) {
                    long t0 = System.nanoTime();
                    try {
                        java.net.http.HttpResponse<String> r = HTTP.send(java.net.http.HttpRequest.newBuilder(writeUri)
                                        .header("Authorization", "Bearer " + suite.token("submitter.bkhcn"))
                                        .header("Content-Type", "application/json")
                                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                                                Map.of("indicator", indicator, "period", slot[1], "agency", slot[0],
                                                        "value", offset + k)))).build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200 || r.statusCode() == 201) {
                            accepted.incrementAndGet();
                            if (sent != null) {
                                com.fasterxml.jackson.databind.JsonNode m = JSON.readTree(r.body());
                                String key = m.path("id").asText() + "@" + m.path("version").asLong();
                                answered.put(key, System.nanoTime());
                                sent.put(key, t0);
                            }
                        } else {
                            System.out.printf("write %d refused: %d %s%n", k, r.statusCode(), r.body());
                        }
                    } catch (java.io.IOException | InterruptedException e) {
                        System.out.printf("write %d failed: %s%n", k, e);
                    }
                }
            });
        }
        writers.shutdown();
        writers.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  %d writes in %.1f s (%.0f/s)%n", n, seconds, n / seconds);
        return accepted.get();
    }

    /**
     * Lists central's values of the indicator every 100 ms and notes when each version first shows: a value listed at
     * version v shows every version up to v (the bench's client is java.net.http, as light as the forwarder's, so that
     * the figures are the suite's, not the bench's).
     */
    private void poll(Map<String, Long> seen, AtomicBoolean polling) {
        Map<String, Long> highest = new java.util.HashMap<>();
        while (polling.get()) {
            try {
                for (int page = 0; page < 2; page++) {
                    java.net.http.HttpResponse<String> r = HTTP.send(java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create(suite.url(Suite.CENTRAL, "kpi") + "/api/v1/measurements?indicator="
                                            + indicator + "&size=500&page=" + page))
                            .header("Authorization", "Bearer " + suite.token("central.admin")).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                    long now = System.nanoTime();
                    com.fasterxml.jackson.databind.JsonNode items = r.statusCode() == 200
                            ? JSON.readTree(r.body()).path("items") : null;
                    if (items == null || items.isEmpty()) {
                        break;
                    }
                    for (com.fasterxml.jackson.databind.JsonNode m : items) {
                        String id = m.path("id").asText();
                        long version = m.path("version").asLong();
                        for (long v = highest.getOrDefault(id, 0L) + 1; v <= version; v++) {
                            seen.putIfAbsent(id + "@" + v, now);
                        }
                        highest.merge(id, version, Math::max);
                    }
                }
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            } catch (java.io.IOException | RuntimeException e) {
                // central not answering this round
            }
        }
    }

    private long pending() {
        return given().baseUri(suite.url(Suite.BKHCN, "kpi")).auth().oauth2(suite.token("admin.bkhcn"))
                .when().get("/api/v1/federation/health").then().statusCode(200).extract()
                .jsonPath().getLong("forwarder.pendingEvents");
    }

}
