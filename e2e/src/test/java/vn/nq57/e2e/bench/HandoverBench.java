package vn.nq57.e2e.bench;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import vn.nq57.e2e.Suite;
import vn.nq57.e2e.SuiteAccess;

/**
 * Hand-over figures, a benchmark (not a test): central's kpi-service holds {@code N} values of BKHCN's agencies
 * (monthly, 2000–2025, on indicators made for the run), each with a history row and an audit entry; then
 * <ol>
 * <li>a central admin commissions bkhcn's kpi-service: the switch (one transaction at central), and the time until
 * bkhcn has pulled every row and central marks it FEDERATED — the window in which the moving values are refused at
 * both ends — with the rate in rows per second;</li>
 * <li>bkhcn's kpi database is emptied and the service started again: the time until it has rebuilt itself from
 * central (service start included).</li>
 * </ol>
 * Run: {@code e2e/bench-handover.sh [values=100000]}.
 */
public final class HandoverBench {

    private static final String[] AGENCIES = {"BKHCN", "BKHCN-CDMST", "BKHCN-CCDSQG", "BKHCN-CSHTT"};
    private static final int MONTHS = 26 * 12;

    public static void main(String[] args) throws Exception {
        int values = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Suite suite = SuiteAccess.standalone();
        try {
            suite.startMinistries(Map.of());
            new HandoverBench(suite).run(values);
        } finally {
            suite.close();
        }
    }

    private final Suite suite;

    private HandoverBench(Suite suite) {
        this.suite = suite;
    }

    private void run(int values) throws Exception {
        Instant s0 = Instant.now();
        long rows = seed(values);
        say("central holds " + rows + " rows for BKHCN (values, their history and audit entries), seeded in "
                + Duration.between(s0, Instant.now()).toSeconds() + " s");
        String admin = suite.token("central.admin");
        // bkhcn knows the indicators before the hand-over starts (its pull brings the catalogue up to date anyway)
        await(Duration.ofMinutes(5), () -> given().baseUri(suite.url(Suite.BKHCN, "kpi"))
                .auth().oauth2(suite.token("viewer.bkhcn")).when().get("/api/v1/indicators/BENCH-0001").statusCode() == 200);
        String load = ProcessCpu.load();
        Instant t0 = Instant.now();
        JsonPath started = given().baseUri(suite.url(Suite.CENTRAL, "kpi")).auth().oauth2(admin)
                .contentType(ContentType.JSON).body(Map.of("agency", "BKHCN"))
                .when().post("/api/v1/federation/instances/bkhcn/commission").then().statusCode(200).extract().jsonPath();
        long switchMs = Duration.between(t0, Instant.now()).toMillis();
        await(Duration.ofMinutes(30), () -> "FEDERATED".equals(given().baseUri(suite.url(Suite.CENTRAL, "kpi"))
                .auth().oauth2(admin).when().get("/api/v1/federation/instances/bkhcn").then().extract().path("state")));
        long handoverMs = Duration.between(t0, Instant.now()).toMillis();
        JsonPath progress = progress();
        long written = progress.getLong("applied");
        say("switch at central: " + started.getMap("switched") + " in " + switchMs + " ms (the commissioning call)");
        say(String.format("hand-over: %d rows written at bkhcn in %.1f s = %.0f rows/s (%s); writes for the moving values "
                        + "refused at both ends for those %.1f s", written, handoverMs / 1000.0, written * 1000.0 / handoverMs,
                kinds(progress), handoverMs / 1000.0));

        say("memory: " + peak(Suite.BKHCN) + "; " + peak(Suite.CENTRAL) + " (each service runs with -Xmx256m: the rows "
                + "stream through in pages, never the whole backlog in memory)");
        suite.stopService(Suite.BKHCN, "kpi");
        suite.emptyDatabase(Suite.BKHCN, "kpi");
        Instant r0 = Instant.now();
        suite.startService(Suite.BKHCN, "kpi");
        suite.awaitReady(Suite.BKHCN, "kpi", Duration.ofMinutes(3));
        long readyMs = Duration.between(r0, Instant.now()).toMillis();
        await(Duration.ofMinutes(30), () -> progress().getBoolean("complete"));
        long rebuildMs = Duration.between(r0, Instant.now()).toMillis();
        JsonPath rebuilt = progress();
        say(String.format("rebuild of bkhcn's kpi-service from central on an empty database: %d rows in %.1f s "
                        + "(%.1f s of it the service's start and migrations) = %.0f rows/s after start (%s)",
                rebuilt.getLong("applied"), rebuildMs / 1000.0, readyMs / 1000.0,
                rebuilt.getLong("applied") * 1000.0 / Math.max(1, rebuildMs - readyMs), kinds(rebuilt)));
        say("memory: " + peak(Suite.BKHCN) + " during its rebuild");
        say("machine: " + Runtime.getRuntime().availableProcessors() + " cores, load before the hand-over " + load
                + ", after " + ProcessCpu.load());
    }

    /** The peak resident memory (VmHWM) of an instance's kpi-service since it started, and its resident memory now. */
    private String peak(Suite.Node node) {
        try {
            String status = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", String.valueOf(
                    suite.pid(node, "kpi")), "status"));
            return node.id() + " kpi-service peak RSS " + field(status, "VmHWM") + ", now " + field(status, "VmRSS");
        } catch (java.io.IOException e) {
            return node.id() + " kpi-service: " + e.getMessage();
        }
    }

    private static String field(String status, String name) {
        return status.lines().filter(l -> l.startsWith(name + ":")).findFirst()
                .map(l -> l.substring(name.length() + 1).trim()).orElse("?");
    }

    /** Indicators for the run, then the values, a history row and an audit entry each, by SQL at central. */
    private long seed(int values) throws Exception {
        int indicators = (values + MONTHS * AGENCIES.length - 1) / (MONTHS * AGENCIES.length);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/"
                + Suite.CENTRAL.database("kpi"), "postgres", ""); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO indicator (id, code, name_vi, name_en, unit, direction, aggregation, frequency, tier,
                        system_code, owner_agency, reporting_agencies, origin_instance, version, created_by)
                    SELECT gen_random_uuid(), 'BENCH-' || lpad(g::text, 4, '0'), 'Chỉ số đo thử ' || g, 'Bench ' || g,
                        unit, direction, aggregation, 'MONTHLY', 'STRATEGIC', system_code, owner_agency,
                        reporting_agencies, 'central', 0, 'bench'
                    FROM (SELECT * FROM indicator WHERE tier = 'STRATEGIC' ORDER BY code LIMIT 1) i,
                         generate_series(1, %d) g""".formatted(indicators));
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO measurement (id, indicator_id, period, period_end, agency_code, value, status,
                        submitted_by, submitted_at, first_submitted_at, origin_instance, version, recorded_by,
                        recorded_by_agency)
                    SELECT gen_random_uuid(), i.id, to_char(d, 'YYYY-MM'),
                        CAST(d + interval '1 month' - interval '1 day' AS date), a,
                        round(CAST(random() * 100 AS numeric), 2), 'SUBMITTED', 'bench', now(), now(), 'central', 0,
                        'bench', a
                    FROM (SELECT id FROM indicator WHERE created_by = 'bench') i,
                         generate_series(DATE '2000-01-01', DATE '2025-12-01', interval '1 month') d,
                         unnest(?) a
                    LIMIT ?""")) {
                ps.setArray(1, c.createArrayOf("varchar", AGENCIES));
                ps.setInt(2, values);
                ps.executeUpdate();
            }
            s.execute("""
                    INSERT INTO measurement_history (measurement_id, action, new_value, new_status, actor, actor_agency,
                        occurred_at, version)
                    SELECT id, 'RECORDED', value, status, 'bench', agency_code, submitted_at, 0
                    FROM measurement WHERE submitted_by = 'bench'""");
            s.execute("""
                    INSERT INTO audit_log (id, occurred_at, subject, agency, action, entity_type, entity_id, changes)
                    SELECT gen_random_uuid(), submitted_at, 'bench', agency_code, 'measurement.recorded', 'measurement',
                        CAST(id AS text), '{}'
                    FROM measurement WHERE submitted_by = 'bench'""");
            s.execute("ANALYZE");
            try (ResultSet r = s.executeQuery("SELECT count(*) * 3 FROM measurement WHERE submitted_by = 'bench'")) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private JsonPath progress() {
        return given().baseUri(suite.url(Suite.BKHCN, "kpi")).auth().oauth2(suite.token("admin.bkhcn"))
                .when().get("/api/v1/federation/handover").then().statusCode(200).extract().jsonPath();
    }

    private static String kinds(JsonPath progress) {
        StringBuilder b = new StringBuilder();
        for (Map<String, Object> k : progress.<Map<String, Object>>getList("kinds")) {
            b.append(b.length() == 0 ? "" : ", ").append(k.get("kind")).append(' ').append(k.get("applied"));
        }
        return b + (progress.getLong("kept") > 0 ? "; kept out " + progress.getLong("kept") : "");
    }

    private static void await(Duration timeout, java.util.concurrent.Callable<Boolean> done) throws Exception {
        Instant end = Instant.now().plus(timeout);
        while (!Boolean.TRUE.equals(done.call())) {
            if (Instant.now().isAfter(end)) {
                throw new IllegalStateException("not done within " + timeout);
            }
            Thread.sleep(250);
        }
    }

    private static void say(String line) {
        System.out.println("[handover-bench] " + line);
    }
}
