package vn.nq57.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A fault injector between a ministry service and its counterpart at central: it passes calls through, or plays the
 * network faults federation must survive on the event posts — central unreachable, a batch delivered twice, a batch's
 * events reordered, an answer lost after central applied the batch (the forwarder dies waiting for it).
 */
final class FederationProxy implements AutoCloseable {

    enum Mode { PASS, DOWN, TWICE, REVERSE, APPLY_THEN_HANG }

    /** One event post as central saw it. */
    record Delivery(Mode mode, JsonNode request, JsonNode answer) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENTS = "/api/v1/federation/events";

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String target;
    private volatile Mode mode = Mode.PASS;
    private volatile boolean once;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch applied = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(1);

    FederationProxy(int port, String target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Plays {@code mode} on event posts until changed. */
    void mode(Mode mode) {
        this.once = false;
        this.applied = new CountDownLatch(1);
        this.release = new CountDownLatch(1);
        this.mode = mode;
    }

    /** Plays {@code mode} on the next event post, then passes again. */
    void once(Mode mode) {
        mode(mode);
        this.once = true;
    }

    /** For APPLY_THEN_HANG: waits until central has applied a batch whose answer the proxy now holds back. */
    boolean awaitAppliedAndHeld(Duration timeout) throws InterruptedException {
        return applied.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets a held call end (its caller is gone by then). */
    void releaseHeld() {
        release.countDown();
    }

    List<Delivery> deliveries() {
        return deliveries;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean events = "POST".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getPath().equals(EVENTS);
            Mode playing = events ? mode : Mode.PASS;
            if (events && once && playing != Mode.PASS) {
                mode = Mode.PASS;
            }
            switch (playing) {
                case DOWN -> answer(exchange, 503, "{\"title\":\"central unreachable (fault injected)\"}");
                case TWICE -> {
                    HttpResponse<String> first = pass(exchange, body);
                    HttpResponse<String> second = pass(exchange, body);
                    record(Mode.PASS, body, first);
                    record(Mode.TWICE, body, second);
                    answer(exchange, first.statusCode(), first.body());
                }
                case REVERSE -> {
                    ObjectNode batch = (ObjectNode) JSON.readTree(body);
                    ArrayNode reversed = JSON.createArrayNode();
                    List<JsonNode> list = new java.util.ArrayList<>();
                    batch.withArray("events").forEach(list::add);
                    java.util.Collections.reverse(list);
                    list.forEach(reversed::add);
                    batch.set("events", reversed);
                    byte[] changed = JSON.writeValueAsBytes(batch);
                    HttpResponse<String> r = pass(exchange, changed);
                    record(Mode.REVERSE, changed, r);
                    answer(exchange, r.statusCode(), r.body());
                }
                case APPLY_THEN_HANG -> {
                    HttpResponse<String> r = pass(exchange, body);
                    record(Mode.APPLY_THEN_HANG, body, r);
                    applied.countDown();
                    release.await(5, TimeUnit.MINUTES);
                    answer(exchange, 503, "{}");
                }
                default -> {
                    HttpResponse<String> r = pass(exchange, body);
                    if (events) {
                        record(Mode.PASS, body, r);
                    }
                    answer(exchange, r.statusCode(), r.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.net.ConnectException e) {
            try {
                answer(exchange, 502, "{\"title\":\"central not reachable\"}");
            } catch (IOException ignored) {
                // the caller is gone
            }
        } catch (IOException | RuntimeException e) {
            Suite.log("federation proxy: " + e);
        }
    }

    private HttpResponse<String> pass(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                .timeout(Duration.ofSeconds(60));
        for (String header : List.of("Authorization", "Content-Type", "Accept", "X-NQ57-Pending",
                "X-NQ57-Oldest-Pending-Seconds")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        request.method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void record(Mode mode, byte[] request, HttpResponse<String> response) throws IOException {
        deliveries.add(new Delivery(mode, JSON.readTree(request),
                response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body())));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
