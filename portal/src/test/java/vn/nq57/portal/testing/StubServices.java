package vn.nq57.portal.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.nq57.portal.testing.Stub.Call;

/**
 * initiative-service, kpi-service and budget-service as the portal sees them: the GET endpoints its REST clients call,
 * answering JSON recorded from the real services ({@code src/test/resources/fixtures/<service>/}), 404 with the
 * services' problem+json for anything not recorded. Every call must carry {@code Authorization: Bearer} with a valid
 * access token this provider issued (else 401, as the services answer). A test can make one service answer 403 or 503
 * or hang; every call is recorded with the user whose token it carried.
 */
final class StubServices {

    static final List<String> SERVICES = List.of("initiative", "kpi", "budget");

    enum Fault { NONE, FORBIDDEN, UNAVAILABLE, HANG }

    private record Route(String service, Pattern path, Function<Request, String> fixture) {
    }

    private record Request(Matcher m, Map<String, String> q) {
        String g(int i) {
            return m.group(i);
        }
    }

    /** The endpoints of api/*.java and the fixture that answers each (null: 404). */
    private static final List<Route> ROUTES = List.of(
            route("initiative", "/api/v1/scorecard", r -> "scorecard"),
            route("initiative", "/api/v1/scorecard/systems/([^/]+)", r -> "scorecard-systems-" + r.g(1)),
            route("initiative", "/api/v1/scorecard/agencies/([^/]+)", r -> "scorecard-agencies-" + r.g(1)),
            route("initiative", "/api/v1/scorecard/initiatives/([^/]+)", r -> "scorecard-initiatives-" + r.g(1)),
            route("initiative", "/api/v1/initiatives/([^/]+)/transitions", r -> "initiatives-" + r.g(1) + "-transitions"),
            route("initiative", "/api/v1/initiatives/([^/]+)/similar", r -> "initiatives-" + r.g(1) + "-similar"),
            route("initiative", "/api/v1/initiatives/([^/]+)", r -> "initiatives-" + r.g(1)),
            route("initiative", "/api/v1/initiatives", r -> r.q().containsKey("leadAgency") ? null
                    : r.q().containsKey("system") ? "initiatives-system-" + r.q().get("system") : "initiatives"),
            route("initiative", "/api/v1/obstacles", r -> "obstacles"),
            route("initiative", "/api/v1/agencies/tree", r -> "agencies-tree"),
            route("kpi", "/api/v1/indicators", r -> r.q().containsKey("ownerAgency")
                    ? "indicators-owner-" + r.q().get("ownerAgency")
                    : !"STRATEGIC".equals(r.q().get("tier")) ? null
                    : r.q().containsKey("system") ? "indicators-strategic-" + r.q().get("system")
                    : "indicators-strategic"),
            route("kpi", "/api/v1/indicators/([^/]+)", r -> "indicators-" + r.g(1)),
            route("kpi", "/api/v1/evaluation/indicators/([^/]+)", r -> r.q().containsKey("agency") ? null
                    : "evaluation-indicators-" + r.g(1)),
            route("kpi", "/api/v1/evaluation/initiatives/([^/]+)", r -> "evaluation-initiatives-" + r.g(1)),
            route("kpi", "/api/v1/measurements", r -> "measurements-" + r.q().get("indicator")),
            route("initiative", "/api/v1/federation/conflicts", r -> "federation-conflicts"),
            route("kpi", "/api/v1/federation/conflicts", r -> "federation-conflicts"),
            route("budget", "/api/v1/federation/conflicts", r -> "federation-conflicts"),
            route("initiative", "/api/v1/federation/instances", r -> "federation-instances"),
            route("kpi", "/api/v1/federation/instances", r -> "federation-instances"),
            route("budget", "/api/v1/federation/instances", r -> "federation-instances"),
            route("initiative", "/api/v1/federation/handover", r -> "federation-handover"),
            route("kpi", "/api/v1/federation/handover", r -> "federation-handover"),
            route("budget", "/api/v1/federation/handover", r -> "federation-handover"),
            route("kpi", "/api/v1/federation/records/([^/]+)", r -> "federation-records-" + r.g(1)),
            route("kpi", "/api/v1/measurements/([0-9a-f-]{36})/history", r -> "measurement-history-" + r.g(1)),
            route("kpi", "/api/v1/measurements/([0-9a-f-]{36})", r -> "measurement-" + r.g(1)),
            route("budget", "/api/v1/fiscal-years", r -> "fiscal-years"),
            route("budget", "/api/v1/reports/(\\d{4})/([a-z-]+)", r -> "reports-" + r.g(1) + "-" + r.g(2)),
            route("budget", "/api/v1/allocations", r -> "allocations-" + r.q().get("initiativeId")));

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9-]+");

    private final StubOidc oidc;
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch hanging = new CountDownLatch(1);

    StubServices(StubOidc oidc) {
        this.oidc = oidc;
    }

    void reset() {
        faults.clear();
        calls.clear();
        releaseHangingCalls();
    }

    void fault(String service, Fault fault) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("no such service: " + service);
        }
        faults.put(service, fault);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    void releaseHangingCalls() {
        CountDownLatch old = hanging;
        hanging = new CountDownLatch(1);
        old.countDown();
    }

    void handle(HttpExchange exchange, String service) throws IOException {
        String path = exchange.getRequestURI().getRawPath().substring(service.length() + 1);
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
        String user = token == null ? null : oidc.userOf(token);
        if (user == null) {
            record(service, exchange, path, rawQuery, null, token, 401);
            StubServer.send(exchange, 401, "application/problem+json", fixture("problem-unauthorized"));
            return;
        }
        switch (faults.getOrDefault(service, Fault.NONE)) {
            case FORBIDDEN -> {
                record(service, exchange, path, rawQuery, user, token, 403);
                StubServer.send(exchange, 403, "application/problem+json", fixture("problem-forbidden"));
                return;
            }
            case UNAVAILABLE -> {
                record(service, exchange, path, rawQuery, user, token, 503);
                StubServer.send(exchange, 503, "text/plain", "Service Unavailable");
                return;
            }
            case HANG -> {
                record(service, exchange, path, rawQuery, user, token, 0);
                CountDownLatch latch = hanging;
                try {
                    latch.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                StubServer.send(exchange, 503, "text/plain", "Service Unavailable");
                return;
            }
            default -> {
                // answer normally
            }
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            record(service, exchange, path, rawQuery, user, token, 405);
            StubServer.send(exchange, 405, null, (String) null);
            return;
        }
        byte[] body = answer(service, path, StubServer.query(rawQuery));
        int status = body == null ? 404 : 200;
        record(service, exchange, path, rawQuery, user, token, status);
        if (body == null) {
            StubServer.send(exchange, 404, "application/problem+json", fixture("problem-not-found"));
        } else {
            StubServer.send(exchange, 200, "application/json", body);
        }
    }

    private void record(String service, HttpExchange exchange, String path, String query, String user, String token,
                        int status) {
        calls.add(new Call(service, exchange.getRequestMethod(), path, query, user, token, status));
    }

    private static byte[] answer(String service, String path, Map<String, String> q) {
        for (Route route : ROUTES) {
            Matcher m = route.path().matcher(path);
            if (route.service().equals(service) && m.matches()) {
                String name = route.fixture().apply(new Request(m, q));
                return name == null || !SAFE_NAME.matcher(name).matches() ? null : fixture(service + "/" + name);
            }
        }
        return null;
    }

    /** A recorded answer, or null when none was recorded. */
    static byte[] fixture(String name) {
        try (InputStream in = StubServices.class.getResourceAsStream("/fixtures/" + name + ".json")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Route route(String service, String path, Function<Request, String> fixture) {
        return new Route(service, Pattern.compile(path), fixture);
    }
}
