package vn.nq57.kpi.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A central instance as far as a ministry's forwarder sees it: a token endpoint (numbered tokens), an empty catalogue,
 * an event intake that refuses every event with central's reason while {@link #refusing} is set (else applies them),
 * and a probe instance whose state answers the failures a test asks for (a refused token, a 503, a refusal).
 */
public class StubCentral implements QuarkusTestResourceLifecycleManager {

    public static final String REASON = "central holds another value for this indicator, agency and period "
            + "(owned by central)";
    static volatile boolean refusing = true;
    static final AtomicInteger received = new AtomicInteger();
    /** Central's decisions about the ministry's conflicts, as /api/v1/federation/conflicts/decisions serves them. */
    static final java.util.List<ObjectNode> decisions = new java.util.concurrent.CopyOnWriteArrayList<>();

    static volatile int expiresIn = 300;
    /** Tokens the stub's token endpoint has issued. */
    static final AtomicInteger tokensIssued = new AtomicInteger();
    /** A token central no longer accepts: a probe call that carries it is answered 401. */
    static volatile String refusedToken;
    /** How many probe calls are answered 503 (a gateway while central restarts) before it answers again. */
    static final AtomicInteger unavailable = new AtomicInteger();
    /** The status of the other probe calls (200: the instance's state). */
    static volatile int probeStatus = 200;
    /** The bearer token of each probe call, in order. */
    static final java.util.List<String> probeTokens = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/token", ex -> answer(ex, "{\"access_token\":\"stub-token-" + tokensIssued.incrementAndGet()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}"));
        server.createContext("/api/v1/federation/instances/probe", this::probe);
        server.createContext("/api/v1/federation/catalog",
                ex -> answer(ex, "{\"items\":[],\"next\":0,\"more\":false}"));
        server.createContext("/api/v1/federation/events", this::events);
        server.createContext("/api/v1/federation/conflicts/decisions", ex -> {
            ArrayNode out = JSON.createArrayNode();
            decisions.forEach(out::add);
            answer(ex, out.toString());
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("nq57.federation.central-url", base, "nq57.federation.token-url", base + "/token",
                "nq57.federation.client-id", "nq57-federation-bkhcn",
                "nq57.federation.client-secret", "stub-secret-tests-only",
                "nq57.federation.forward-interval", "200ms", "nq57.federation.max-backoff", "1s",
                "nq57.federation.catalog-interval", "1s");
    }

    private void events(HttpExchange ex) throws IOException {
        JsonNode batch = JSON.readTree(ex.getRequestBody());
        ObjectNode out = JSON.createObjectNode();
        ArrayNode results = out.putArray("results");
        int n = 0;
        for (JsonNode e : batch.path("events")) {
            ObjectNode r = results.addObject();
            r.put("id", e.path("id").asText());
            r.put("type", e.path("type").asText());
            r.put("subject", e.path("subject").asText());
            r.put("status", refusing ? "REJECTED" : "APPLIED");
            if (refusing) {
                r.put("reason", REASON);
            }
            n++;
        }
        received.addAndGet(n);
        out.put("received", n);
        out.putObject("totals").put(refusing ? "REJECTED" : "APPLIED", n);
        answer(ex, out.toString());
    }

    /** GET /api/v1/federation/instances/probe: the state of an instance, or the failure the test asked for. */
    private void probe(HttpExchange ex) throws IOException {
        String token = String.valueOf(ex.getRequestHeaders().getFirst("Authorization")).replaceFirst("^Bearer ", "");
        probeTokens.add(token);
        if (token.equals(refusedToken)) {
            answer(ex, 401, "{\"status\":401,\"title\":\"Unauthorized\"}");
        } else if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(ex, 503, "upstream unavailable");
        } else if (probeStatus != 200) {
            answer(ex, probeStatus, "{\"status\":" + probeStatus + ",\"detail\":\"refused by the stub\"}");
        } else {
            answer(ex, "{\"id\":\"probe\",\"state\":\"FEDERATED\"}");
        }
    }

    /** Central keeps its own data for a refused event, with a reason (as a central admin would). */
    static void keepCentral(String eventId, String reason) {
        ObjectNode d = JSON.createObjectNode();
        d.put("eventId", eventId);
        d.put("origin", "bkhcn");
        d.put("status", "REJECTED");
        d.put("resolution", "KEEP_CENTRAL");
        d.put("resolvedBy", "central.admin");
        d.put("resolvedAt", java.time.OffsetDateTime.now().toString());
        d.put("note", reason);
        d.put("times", 1);
        decisions.add(d);
    }

    private static void answer(HttpExchange ex, String body) throws IOException {
        answer(ex, 200, body);
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
