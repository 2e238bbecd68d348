package vn.nq57.e2e.bench;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.nq57.e2e.Suite;
import vn.nq57.e2e.SuiteAccess;

/**
 * The soak program of issue #19 §4 (not a test): the one-machine suite (central: Kafka, Keycloak, the three services)
 * under mixed load for a while — values written at 20/s, lists and scorecards read at 10/s, 50 subscribers of the live
 * stream, a CSV upload every minute — printing every minute each process's RSS and its heap after the last GC, and at
 * the end the errors and whether every subscriber received every written value's change exactly once.
 * Run: {@code e2e/bench-soak.sh [minutes=30]}.
 */
public final class SoakBench {

    private static final List<String> AGENCIES = List.of("BKHCN", "BKHCN-CDMST", "BKHCN-CCDSQG", "BKHCN-CSHTT");
    private static final List<String> SERVICES = List.of("initiative", "kpi", "budget");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Suite suite = SuiteAccess.standalone();
        try {
            new SoakBench(suite).run(Duration.ofMinutes(minutes));
        } finally {
            suite.close();
            System.exit(0);
        }
    }

    private final Suite suite;
    private final List<String> slots = new ArrayList<>();
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private final AtomicLong written = new AtomicLong();
    private final Set<String> writtenDetails = ConcurrentHashMap.newKeySet();

    private SoakBench(Suite suite) {
        this.suite = suite;
        for (int year = 2020; year <= java.time.Year.now().getValue(); year++) {
            for (String agency : AGENCIES) {
                slots.add(agency + " " + year);
            }
        }
    }

    private void run(Duration duration) throws Exception {
        String initiative = SuiteAccess.createInitiative(suite, "H4");
        String indicator = SuiteAccess.indicatorFor(suite, initiative);
        String uploaded = SuiteAccess.indicatorFor(suite, initiative);
        System.out.printf("soak %s: %d cores, load %s; values to %s at 20/s, CSV uploads to %s every minute%n",
                duration, Runtime.getRuntime().availableProcessors(), ProcessCpu.load(), indicator, uploaded);

        List<Subscriber> subscribers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            subscribers.add(new Subscriber(suite.url("initiative") + "/api/v1/scorecard/stream?system=H4",
                    suite.token("central.admin"), indicator));
        }
        ScheduledExecutorService load = Executors.newScheduledThreadPool(6);
        AtomicLong n = new AtomicLong();
        load.scheduleAtFixedRate(() -> write(indicator, n.getAndIncrement()), 0, 50, TimeUnit.MILLISECONDS);
        load.scheduleAtFixedRate(() -> read(initiative, indicator), 0, 100, TimeUnit.MILLISECONDS);
        AtomicLong uploads = new AtomicLong();
        load.scheduleAtFixedRate(() -> upload(uploaded, uploads.getAndIncrement()), 5, 60, TimeUnit.SECONDS);

        long end = System.nanoTime() + duration.toNanos();
        int minute = 0;
        print(minute, subscribers);
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(60_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            print(++minute, subscribers);
        }
        load.shutdown();
        load.awaitTermination(30, TimeUnit.SECONDS);
        Thread.sleep(10_000); // the last changes reach the subscribers
        long expected = writtenDetails.size();
        int exact = 0;
        for (Subscriber s : subscribers) {
            if (s.details.size() == expected && s.received.get() == expected && s.details.containsAll(writtenDetails)) {
                exact++;
            } else {
                System.out.printf("subscriber %d: %d distinct of %d written, %d received (%d lost, %d twice)%n",
                        subscribers.indexOf(s), s.details.size(), expected, s.received.get(),
                        expected - s.details.stream().filter(writtenDetails::contains).count(),
                        s.received.get() - s.details.size());
            }
            s.close();
        }
        System.out.printf("end: %d values written (%d accepted), %d uploads; %d of %d subscribers received every "
                        + "change exactly once; errors %s; load %s%n", n.get(), written.get(), uploads.get(), exact,
                subscribers.size(), errors.isEmpty() ? "none" : errors, ProcessCpu.load());
    }

    private void write(String indicator, long k) {
        try {
            String[] slot = slots.get((int) (k % slots.size())).split(" ");
            Response r = given().baseUri(suite.url("kpi")).auth().oauth2(suite.token("submitter.bkhcn"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("indicator", indicator, "period", slot[1], "agency", slot[0], "value", k + 1))
                    .when().post("/api/v1/measurements").then().extract().response();
            if (r.statusCode() == 200 || r.statusCode() == 201) {
                written.incrementAndGet();
                writtenDetails.add(indicator + " " + slot[1] + " = " + (k + 1));
            } else {
                error("write " + r.statusCode());
            }
        } catch (RuntimeException e) {
            error("write " + e.getClass().getSimpleName());
        }
    }

    private void read(String initiative, String indicator) {
        try {
            int a = given().baseUri(suite.url("kpi")).auth().oauth2(suite.token("viewer.bkhcn"))
                    .queryParam("indicator", indicator).queryParam("size", 50)
                    .when().get("/api/v1/measurements").statusCode();
            int b = given().baseUri(suite.url("initiative")).auth().oauth2(suite.token("viewer.bkhcn"))
                    .when().get("/api/v1/scorecard/systems/H4").statusCode();
            int c = given().baseUri(suite.url("initiative")).auth().oauth2(suite.token("viewer.bkhcn"))
                    .when().get("/api/v1/scorecard/initiatives/" + initiative).statusCode();
            for (int status : new int[] {a, b, c}) {
                if (status != 200) {
                    error("read " + status);
                }
            }
        } catch (RuntimeException e) {
            error("read " + e.getClass().getSimpleName());
        }
    }

    /** A CSV of every slot of the indicator with new values (each upload updates all of them). */
    private void upload(String indicator, long round) {
        try {
            StringBuilder csv = new StringBuilder("indicator,period,agency,value\n");
            for (String slot : slots) {
                String[] s = slot.split(" ");
                csv.append(indicator).append(',').append(s[1]).append(',').append(s[0]).append(',')
                        .append(round * 100 + slots.indexOf(slot)).append('\n');
            }
            Response r = given().baseUri(suite.url("kpi")).auth().oauth2(suite.token("admin.bkhcn"))
                    .contentType("text/csv").body(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .when().post("/api/v1/measurements/batch").then().extract().response();
            if (r.statusCode() != 200) {
                error("upload " + r.statusCode());
            }
        } catch (RuntimeException e) {
            error("upload " + e.getClass().getSimpleName());
        }
    }

    private void error(String what) {
        errors.computeIfAbsent(what, w -> new AtomicInteger()).incrementAndGet();
    }

    private void print(int minute, List<Subscriber> subscribers) {
        StringBuilder line = new StringBuilder(String.format("min %2d: written %d, load %s", minute, written.get(),
                ProcessCpu.load().split(" ")[0]));
        for (String service : SERVICES) {
            line.append(String.format("; %s RSS %d MB heap-after-GC %s MB", service,
                    rssMb(suite.pid(Suite.CENTRAL, service)), liveHeapMb(service)));
        }
        long min = subscribers.stream().mapToLong(s -> s.details.size()).min().orElse(0);
        line.append("; subscribers ").append(subscribers.stream().filter(s -> !s.ended).count()).append(" open, ")
                .append(min).append(" changes at least");
        System.out.println(line);
    }

    private static long rssMb(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static final Pattern LIVE = Pattern.compile("(?m)^jvm_gc_live_data_size_bytes(?:\\{[^}]*})? ([0-9.E+]+)");

    private String liveHeapMb(String service) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    suite.managementUrl(Suite.CENTRAL, service) + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = LIVE.matcher(r.body());
            return m.find() ? String.valueOf((long) (Double.parseDouble(m.group(1)) / 1_048_576)) : "?";
        } catch (Exception e) {
            return "?";
        }
    }

    /** One subscriber: the distinct single-value changes of the soak's indicator, and how many arrived in all. */
    static final class Subscriber implements AutoCloseable {
        final Set<String> details = ConcurrentHashMap.newKeySet();
        final AtomicLong received = new AtomicLong();
        volatile boolean ended;
        private final HttpResponse<java.util.stream.Stream<String>> response;

        Subscriber(String url, String token, String indicator) throws Exception {
            response = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
            Thread reader = new Thread(() -> {
                try {
                    response.body().forEach(line -> {
                        if (!line.startsWith("data:")) {
                            return;
                        }
                        try {
                            JsonNode c = JSON.readTree(line.substring(5));
                            String detail = c.path("detail").asText("");
                            int at = detail.indexOf(indicator + " ");
                            if ("measurement".equals(c.path("kind").asText()) && at >= 0) {
                                received.incrementAndGet();
                                details.add(detail.substring(at));
                            }
                        } catch (java.io.IOException e) {
                            // not a change
                        }
                    });
                } catch (java.io.UncheckedIOException closed) {
                    // closed at the end
                } finally {
                    ended = true;
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        @Override
        public void close() {
            response.body().close();
        }
    }
}
