package vn.nq57.portal.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The portal's world in one small in-process HTTP server: a stub OpenID Connect provider at {@code /realms/nq57}
 * ({@link StubOidc}) and the three services at {@code /initiative}, {@code /kpi} and {@code /budget}
 * ({@link StubServices}), answering what the real services answered (fixtures). Tests steer it and read what it saw
 * through {@code /_stub/...} ({@link Stub}), over HTTP, so nothing depends on which class loader holds which class.
 *
 * <p>Under the {@link KpiServiceIsDown} profile, kpi-service's URL is a port where nothing listens.
 */
@WithTestResource(value = StubServer.class, scope = TestResourceScope.GLOBAL)
public class StubServer implements QuarkusTestResourceLifecycleManager {

    /** The REST clients' read timeout in the tests (the real default is 4 s). */
    public static final int READ_TIMEOUT_MS = 1500;

    private HttpServer server;
    private ExecutorService executor;
    private String profile;
    private StubOidc oidc;
    private StubServices services;

    @Override
    public void setContext(Context context) {
        profile = context.testProfile();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stub-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        oidc = new StubOidc(base + StubOidc.REALM);
        services = new StubServices(oidc);
        server.createContext(StubOidc.REALM + "/", exchange -> guarded(exchange, () -> oidc.handle(exchange)));
        for (String service : StubServices.SERVICES) {
            server.createContext("/" + service + "/",
                    exchange -> guarded(exchange, () -> services.handle(exchange, service)));
        }
        server.createContext("/_stub/", exchange -> guarded(exchange, () -> control(exchange)));
        server.start();

        Map<String, String> config = new LinkedHashMap<>();
        config.put("nq57.test.stub-url", base);
        config.put("quarkus.oidc.auth-server-url", base + StubOidc.REALM);
        config.put("quarkus.rest-client.initiative.url", base + "/initiative");
        config.put("quarkus.rest-client.kpi.url", KpiServiceIsDown.class.getName().equals(profile)
                ? "http://127.0.0.1:" + closedPort() : base + "/kpi");
        config.put("quarkus.rest-client.budget.url", base + "/budget");
        config.put("quarkus.rest-client.stream.url", base + "/initiative");
        config.put("quarkus.rest-client.read-timeout", String.valueOf(READ_TIMEOUT_MS));
        return config;
    }

    @Override
    public void stop() {
        if (services != null) {
            services.releaseHangingCalls();
        }
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void control(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        switch (path) {
            case "/_stub/reset" -> {
                services.reset();
                oidc.reset();
                send(exchange, 204, null, (String) null);
            }
            case "/_stub/fault" -> {
                services.fault(q.get("service"), StubServices.Fault.valueOf(q.get("mode")));
                send(exchange, 204, null, (String) null);
            }
            case "/_stub/lifespan" -> {
                oidc.lifespans(Integer.parseInt(q.get("access")), Integer.parseInt(q.get("refresh")));
                send(exchange, 204, null, (String) null);
            }
            case "/_stub/calls" -> send(exchange, 200, "application/json", Json.write(services.calls()));
            case "/_stub/issued" -> send(exchange, 200, "application/json", Json.write(oidc.issued()));
            case "/_stub/logouts" -> send(exchange, 200, "application/json", Json.write(oidc.logouts()));
            default -> send(exchange, 404, "text/plain", "no such control: " + path);
        }
    }

    interface Handler {
        void handle() throws IOException;
    }

    private static void guarded(HttpExchange exchange, Handler handler) {
        try {
            handler.handle();
        } catch (IOException e) {
            // the client went away (e.g. the portal gave up on a hanging call): nothing to answer
        } catch (RuntimeException e) {
            try {
                send(exchange, 500, "text/plain", "stub failure: " + e);
            } catch (IOException | RuntimeException ignored) {
                // headers already sent
            }
        } finally {
            exchange.close();
        }
    }

    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        send(exchange, status, type, bytes);
    }

    static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        send(exchange, 302, null, (String) null);
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(name, value);
        }
        return out;
    }

    static Map<String, String> form(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return query(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A port nothing listens on (bound, then released): connecting to it is refused. */
    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
