package vn.nq57.initiative.scorecard;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.testing.TestTokens;

/**
 * The stream with several replicas (issue #19 §1): a change another replica commits to the log reaches this replica's
 * subscribers, each change carries its number as the event id, a client reconnecting with Last-Event-ID gets what it
 * missed in order, and a client asking for changes no longer kept is told to reload.
 */
@QuarkusTest
class ScorecardStreamTest {

    @TestHTTPResource("/api/v1/scorecard/stream")
    URL streamUrl;

    @Test
    void aChangeAnotherReplicaCommitsReachesThisReplicasSubscribersWithItsNumber() throws Exception {
        try (Subscription s = subscribe(null)) {
            String marker = "other-replica-" + UUID.randomUUID();
            long id = logAsAnotherReplica(marker);
            await().atMost(Duration.ofSeconds(10)).until(() -> s.data(marker) != null);
            assertEquals(String.valueOf(id), s.data(marker).id());
            assertEquals("measurement", JsonPath.from(s.data(marker).data()).getString("kind"));
        }
    }

    @Test
    void aClientReconnectingWithLastEventIdReceivesWhatItMissedInOrder() throws Exception {
        String run = UUID.randomUUID().toString();
        long first = logAsAnotherReplica(run + "-1");
        logAsAnotherReplica(run + "-2");
        logAsAnotherReplica(run + "-3");
        try (Subscription s = subscribe(String.valueOf(first))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> s.data(run + "-3") != null);
            logAsAnotherReplica(run + "-4");
            await().atMost(Duration.ofSeconds(10)).until(() -> s.data(run + "-4") != null);
            List<String> ours = s.events.stream().map(Event::data).filter(d -> d.contains(run))
                    .map(d -> JsonPath.from(d).getString("detail")).toList();
            assertEquals(List.of(run + "-2", run + "-3", run + "-4"), ours, "missed changes first, once, in order");
            List<Long> ids = s.events.stream().filter(e -> e.id() != null).map(e -> Long.parseLong(e.id())).toList();
            List<Long> sorted = new ArrayList<>(ids);
            sorted.sort(null);
            assertEquals(sorted, ids, "ids rise");
            assertEquals(ids.stream().distinct().count(), ids.size(), "no change twice");
        }
    }

    @Test
    void aClientAskingForChangesNoLongerKeptIsToldToReload() throws Exception {
        long first = logAsAnotherReplica("pruned-" + UUID.randomUUID());
        long second = logAsAnotherReplica("kept-" + UUID.randomUUID());
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM scorecard_change WHERE id <= " + first);
            st.executeUpdate("UPDATE scorecard_change_retention SET pruned_upto = greatest(pruned_upto, " + first + ")");
        }
        try (Subscription s = subscribe(String.valueOf(first - 1))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !s.events.isEmpty());
            Event reload = s.events.get(0);
            assertEquals("reload", JsonPath.from(reload.data()).getString("kind"));
            assertTrue(Long.parseLong(reload.id()) >= second, "the reload carries an id to resume from");
        }
    }

    @Test
    void aLastEventIdThatIsNotANumberIsA400() {
        given().auth().oauth2(TestTokens.centralAdmin()).header("Last-Event-ID", "abc")
                .when().get("/api/v1/scorecard/stream")
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** What another replica's {@link ScorecardChangeLog} does: lock, number, insert, notify, commit. */
    private static long logAsAnotherReplica(String detail) throws Exception {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + ScorecardChangeLog.LOCK + ")");
            }
            long id;
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO scorecard_change (id, kind, body)
                    VALUES (nextval('scorecard_change_seq'), 'measurement', jsonb_build_object('kind', 'measurement',
                            'agency', 'BKHCN', 'system', 'H1', 'detail', ?::text, 'at', now()))
                    RETURNING id""")) {
                st.setString(1, detail);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("NOTIFY " + ScorecardChangeLog.CHANNEL);
            }
            c.commit();
            return id;
        }
    }

    private static Connection connect() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
    }

    record Event(String id, String data) {
    }

    /** A central admin's stream, read line by line into events (id and data). */
    private Subscription subscribe(String lastEventId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(streamUrl.toString()))
                .header("Authorization", "Bearer " + TestTokens.centralAdmin()).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.util.stream.Stream<String>> r = HttpClient.newHttpClient()
                .sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode());
        Subscription s = new Subscription(r);
        Thread reader = new Thread(s::read);
        reader.setDaemon(true);
        reader.start();
        return s;
    }

    static final class Subscription implements AutoCloseable {
        final List<Event> events = new CopyOnWriteArrayList<>();
        private final HttpResponse<java.util.stream.Stream<String>> response;

        Subscription(HttpResponse<java.util.stream.Stream<String>> response) {
            this.response = response;
        }

        void read() {
            String[] id = {null};
            StringBuilder data = new StringBuilder();
            try {
                response.body().forEach(line -> {
                    if (line.startsWith("id:")) {
                        id[0] = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5));
                    } else if (line.isEmpty() && data.length() > 0) {
                        if (!data.toString().contains("\"heartbeat\"")) {
                            events.add(new Event(id[0], data.toString()));
                        }
                        id[0] = null;
                        data.setLength(0);
                    }
                });
            } catch (java.io.UncheckedIOException closedByTheTest) {
                // the test closes the stream when it has seen what it waited for
            }
        }

        Event data(String marker) {
            return events.stream().filter(e -> e.data().contains(marker)).findFirst().orElse(null);
        }

        @Override
        public void close() {
            response.body().close();
        }
    }
}
