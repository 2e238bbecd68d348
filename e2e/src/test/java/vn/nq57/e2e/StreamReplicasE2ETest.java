package vn.nq57.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #19 §1 with real processes: two replicas of central's initiative-service behind one database and one Kafka
 * consumer group (each consumes its share of the topic's partitions), a subscriber on each, a burst of
 * measurements at kpi-service: both subscribers see every change; one that disconnects and reconnects to its replica
 * with Last-Event-ID misses nothing and sees nothing twice; a replica shut down (as in a rolling update) ends its
 * streams, and its client resumes on the other replica without a gap.
 */
@ExtendWith(Suite.class)
class StreamReplicasE2ETest {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    private static final int REPLICA = Suite.CENTRAL.port("initiative") + 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Suite suite = Suite.get();

    @Test
    void everySubscriberOfEitherReplicaSeesEveryChangeAndAReconnectMissesNothing() throws Exception {
        suite.startReplica(Suite.CENTRAL, "initiative", REPLICA);
        String first = suite.url("initiative");
        String second = "http://127.0.0.1:" + REPLICA;
        try {
            String initiative = Flows.createInitiative(suite, "H1");
            Response indicator = await().atMost(EVENTUAL).until(() -> Flows.createIndicator(suite, initiative),
                    r -> r.statusCode() == 201);
            String code = indicator.path("code");
            try (Subscriber a = new Subscriber(first, null); Subscriber b = new Subscriber(second, null)) {
                Instant started = Instant.now();
                List<String> burst = write(code, 0, 40);
                Duration written = Duration.between(started, Instant.now());
                awaitSeen("the burst", code, burst, a, b);
                Suite.log("stream replicas: a burst of 40 values written in " + written.toMillis()
                        + " ms; the last seen on replica 1 after " + a.lastArrival(code, burst, started) + " ms, on replica 2 after "
                        + b.lastArrival(code, burst, started) + " ms");
                // the order is the log's (commit order at central, which Kafka's partitions may interleave differently
                // from the order of writing): the same on both replicas, each change once
                assertEquals(new ArrayList<>(a.details(code)), new ArrayList<>(b.details(code)),
                        "both replicas' subscribers see the same changes in the same order");
                assertEquals(burst.size(), a.count(code), "replica 1: every change once");
                assertEquals(burst.size(), b.count(code), "replica 2: every change once");

                // b disconnects; what is written meanwhile comes first when it reconnects with its Last-Event-ID
                String lastSeen = b.lastId();
                b.close();
                List<String> missed = write(code, 40, 10);
                try (Subscriber again = new Subscriber(second, lastSeen)) {
                    List<String> more = write(code, 50, 5);
                    List<String> expected = new ArrayList<>(missed);
                    expected.addAll(more);
                    awaitSeen("the missed and the live values", code, expected, again);
                    assertEquals(expected.size(), again.count(code), "the missed changes and the live ones, once each");
                    awaitSeen("the values written while replica 2's client was away", code, expected, a);
                    assertEquals(new ArrayList<>(a.details(code)).subList(burst.size(), burst.size() + expected.size()),
                            new ArrayList<>(again.details(code)), "in the log's order, as the connected client saw them");

                    // a rolling update stops replica 2: its streams end, the client resumes on replica 1
                    String resumeFrom = again.lastId();
                    suite.stopReplica(Suite.CENTRAL, "initiative", REPLICA);
                    await().atMost(Duration.ofSeconds(30)).until(again::ended);
                    List<String> duringRestart = write(code, 55, 5);
                    try (Subscriber moved = new Subscriber(first, resumeFrom)) {
                        awaitSeen("the values written during the restart", code, duringRestart, moved);
                        assertEquals(duringRestart.size(), moved.count(code), "resumed without a gap, nothing twice");
                    }
                }
                await().atMost(EVENTUAL).until(() -> a.details(code).size() >= 60);
                assertEquals(60, a.count(code), "replica 1's subscriber saw all 60 writes once");
            }
        } finally {
            suite.stopReplica(Suite.CENTRAL, "initiative", REPLICA);
        }
    }

    /**
     * Waits until each subscriber has seen every one of the values; if one has not within {@link #EVENTUAL}, the
     * failure names the values it misses and when the others arrived, so a slow path can be told from a lost change.
     */
    private static void awaitSeen(String what, String code, List<String> values, Subscriber... subscribers) {
        Instant since = Instant.now();
        try {
            await().atMost(EVENTUAL).until(() -> Stream.of(subscribers).allMatch(s -> s.details(code).containsAll(values)));
        } catch (ConditionTimeoutException late) {
            StringBuilder why = new StringBuilder(what + " not seen by every subscriber within " + EVENTUAL.toSeconds()
                    + " s of the last write:");
            for (Subscriber s : subscribers) {
                Map<String, Instant> at = s.arrivedAt(code);
                List<String> missing = values.stream().filter(v -> !at.containsKey(v)).toList();
                why.append("\n  ").append(s).append(" misses ").append(missing.size()).append(" of ").append(values.size())
                        .append(missing.isEmpty() ? "" : " " + missing).append("; the others arrived at (ms after the last write) ")
                        .append(values.stream().filter(at::containsKey)
                                .map(v -> String.valueOf(Duration.between(since, at.get(v)).toMillis())).toList())
                        .append(s.ended() ? "; its stream has ended" : "");
            }
            throw new AssertionError(why.toString(), late);
        }
    }

    /** {@code n} values of the indicator, each a different number, so each is a change of its own. */
    private List<String> write(String code, int from, int n) {
        List<String> details = new ArrayList<>();
        for (int k = from; k < from + n; k++) {
            String period = String.valueOf(2020 + k % 7);
            Response r = Flows.measurement(suite, code, period, k + 1);
            assertTrue(r.statusCode() == 201 || r.statusCode() == 200, r.asString());
            details.add(code + " " + period + " = " + (k + 1));
        }
        return details;
    }

    /** One client of the stream (central's admin of BKHCN), its events parsed as they come. */
    final class Subscriber implements AutoCloseable {
        private final List<JsonNode> changes = new CopyOnWriteArrayList<>();
        /** When each of {@link #changes} arrived. */
        private final List<Instant> arrivals = new CopyOnWriteArrayList<>();
        private final String base;
        private final List<String> ids = new CopyOnWriteArrayList<>();
        private final AtomicBoolean ended = new AtomicBoolean();
        private final HttpResponse<Stream<String>> response;

        Subscriber(String base, String lastEventId) throws Exception {
            this.base = base;
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1/scorecard/stream?system=H1"))
                    .header("Authorization", "Bearer " + suite.token("admin.bkhcn"))
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                b.header("Last-Event-ID", lastEventId);
            }
            response = HttpClient.newHttpClient().sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines())
                    .get(30, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            Thread reader = new Thread(this::read);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            String[] id = {null};
            try {
                response.body().forEach(line -> {
                    if (line.startsWith("id:")) {
                        id[0] = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        try {
                            JsonNode change = JSON.readTree(line.substring(5));
                            if (!"heartbeat".equals(change.path("kind").asText())) {
                                arrivals.add(Instant.now());
                                changes.add(change);
                                if (id[0] != null) {
                                    ids.add(id[0]);
                                }
                            }
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        id[0] = null;
                    }
                });
            } catch (java.io.UncheckedIOException closed) {
                // closed by the test
            } finally {
                ended.set(true);
            }
        }

        /** The measurement changes of the indicator, as "CODE period = value", in order of arrival, once each. */
        Set<String> details(String code) {
            return arrivedAt(code).keySet();
        }

        /** When the change of each value of the indicator ("CODE period = value") first arrived, in that order. */
        Map<String, Instant> arrivedAt(String code) {
            Map<String, Instant> out = new LinkedHashMap<>();
            for (int i = 0; i < changes.size(); i++) { // arrivals is added to first: it is never shorter
                JsonNode c = changes.get(i);
                String detail = c.path("detail").asText();
                if ("measurement".equals(c.path("kind").asText()) && detail.contains(code + " ")) {
                    out.putIfAbsent(detail.substring(detail.indexOf(code)), arrivals.get(i));
                }
            }
            return out;
        }

        /** Milliseconds from {@code since} to the arrival of the last of the values. */
        long lastArrival(String code, List<String> values, Instant since) {
            Map<String, Instant> at = arrivedAt(code);
            return values.stream().map(at::get).filter(java.util.Objects::nonNull)
                    .mapToLong(t -> Duration.between(since, t).toMillis()).max().orElse(-1);
        }

        @Override
        public String toString() {
            return "the subscriber on " + base;
        }

        long count(String code) {
            return changes.stream().filter(c -> "measurement".equals(c.path("kind").asText())
                    && c.path("detail").asText().contains(code + " ")).count();
        }

        String lastId() {
            return ids.get(ids.size() - 1);
        }

        boolean ended() {
            return ended.get();
        }

        @Override
        public void close() {
            response.body().close();
        }
    }
}
