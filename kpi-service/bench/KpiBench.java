import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The kpi-service benchmark (a program, not a test): run by bench/run.sh against the packaged service and its own
 * database. It prints
 * <ol>
 *   <li>batch ingest through POST /api/v1/measurements/batch in batches of 1,000 and 10,000 rows, against the same
 *       number of rows inserted into the same table by plain JDBC batched inserts and by COPY;</li>
 *   <li>single submissions (POST /api/v1/measurements) at a fixed offered rate from a loopback open-loop generator:
 *       achieved rate, p50/p99 latency measured from each request's scheduled time;</li>
 *   <li>the System scorecard's p50/p99 latency with 5 million measurements over 2,000 indicators.</li>
 * </ol>
 * Only the JDK and the PostgreSQL JDBC driver are needed: {@code java -cp postgresql.jar KpiBench.java [options]}.
 */
public class KpiBench {

    static final List<String> AGENCIES = List.of("BKHCN", "BKHCN-CDMST", "BKHCN-CCDSQG", "BKHCN-CSHTT", "BCA",
            "BCA-TTDLQG", "BTC", "BTC-TKQG", "BYT", "BYT-CNTT", "BQP", "BNG", "BNV", "BTP", "BCT", "BNNMT", "BXD",
            "BVHTTDL", "BGDDT", "BDTTG", "NHNN", "TTCP", "VAST", "VASS", "DHQGHN", "DHQGHCM", "VIETTEL", "VNPT", "HNI",
            "HCM", "DNG", "HPG", "CTO", "HUE", "QNH", "BNH", "NAN", "KHA", "DLK", "LCI", "HNI-SKHCN", "HCM-SKHCN");

    static String base = "http://127.0.0.1:18082";
    static String jdbc = "jdbc:postgresql://127.0.0.1:5432/nq57_kpi_bench?user=postgres";
    static Path key = Path.of("platform/src/test/resources/nq57-test-privateKey.pem");
    static int ingestRows = 100_000;
    static int[] rates = {200};
    static int seconds = 20;
    static int scorecardIndicators = 2_000;
    static int scorecardMonths = 60;
    static int scorecardRequests = 300;
    static int warmupSeconds = 10;
    static int ingestRounds = 3;
    /** The service's process id (from run.sh): CPU time is read from /proc, the machine being shared. */
    static long servicePid = -1;
    static java.util.Set<String> only = java.util.Set.of("ingest", "single", "scorecard");
    /** Ingest methods to time (api1k, api10k, jdbc, copy). */
    static List<String> methods = List.of("api1k", "api10k", "jdbc", "copy");
    /** Print each ingest method's top statements (needs pg_stat_statements preloaded in the server). */
    static boolean statements;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static String token;
    static final String RUN = Long.toString(System.currentTimeMillis() % 10_000_000, 36).toUpperCase(Locale.ROOT);

    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--base" -> base = args[i + 1];
                case "--jdbc" -> jdbc = args[i + 1];
                case "--key" -> key = Path.of(args[i + 1]);
                case "--ingest-rows" -> ingestRows = Integer.parseInt(args[i + 1]);
                case "--rate", "--rates" -> rates = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt)
                        .toArray();
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--scorecard-indicators" -> scorecardIndicators = Integer.parseInt(args[i + 1]);
                case "--scorecard-months" -> scorecardMonths = Integer.parseInt(args[i + 1]);
                case "--scorecard-requests" -> scorecardRequests = Integer.parseInt(args[i + 1]);
                case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(args[i + 1]);
                case "--ingest-rounds" -> ingestRounds = Integer.parseInt(args[i + 1]);
                case "--service-pid" -> servicePid = Long.parseLong(args[i + 1]);
                case "--only" -> only = java.util.Set.of(args[i + 1].split(","));
                case "--methods" -> methods = List.of(args[i + 1].split(","));
                case "--statements" -> statements = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        token = sign("bench.admin", "BCDTW", "central-admin");
        System.out.println("== kpi-service benchmark, run " + RUN + ", " + OffsetDateTime.now(ZoneOffset.UTC));
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu() + "), "
                + memory() + ", " + pgVersion() + "; load average " + load());
        Map<String, String> results = new java.util.LinkedHashMap<>();
        if (only.contains("ingest")) {
            ingest(results);
        }
        if (only.contains("single")) {
            for (int rate : rates) {
                single(results, rate);
            }
        }
        if (only.contains("scorecard")) {
            scorecard(results);
        }
        System.out.println();
        System.out.println("== summary (load average at the end: " + load() + "; the machine is shared)");
        results.forEach((k, v) -> System.out.printf("%-58s %s%n", k, v));
        cpuResults.forEach((k, v) -> System.out.printf("%-58s %s%n", k, v));
    }

    // ---------------------------------------------------------------- ingest

    /** Distinct (indicator, period, agency) keys over monthly indicators: enough for {@code rows}. */
    static List<String[]> keys(List<String> indicators, int rows) {
        List<String[]> keys = new ArrayList<>(rows);
        outer:
        for (int m = 0; ; m++) {
            String period = String.format("%d-%02d", 2020 + m / 12, m % 12 + 1);
            for (String indicator : indicators) {
                for (String agency : AGENCIES) {
                    keys.add(new String[]{indicator, period, agency});
                    if (keys.size() == rows) {
                        break outer;
                    }
                }
            }
        }
        return keys;
    }

    static List<String> createIndicators(String prefix, int n) throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String code = "B" + RUN + "-" + prefix + "-" + i;
            String body = """
                    {"code":"%s","nameVi":"Chỉ tiêu đo hiệu năng %s","unit":"COUNT","direction":"HIGHER_IS_BETTER",
                     "aggregation":"SUM","frequency":"MONTHLY","baseline":{"value":10,"period":"2019-12"},
                     "targets":[{"period":"2030","value":100000}],"tier":"STRATEGIC","system":"H2","ownerAgency":"BKHCN"}"""
                    .formatted(code, code);
            HttpResponse<String> r = post("/api/v1/indicators", "application/json", body);
            if (r.statusCode() != 201) {
                throw new IllegalStateException("indicator creation failed: " + r.statusCode() + " " + r.body());
            }
            codes.add(code);
        }
        return codes;
    }

    static void ingest(Map<String, String> results) throws Exception {
        // months from January 2020 up to this one only: a value of a later month lies in the future and is refused
        int months = (java.time.Year.now().getValue() - 2020) * 12 + java.time.LocalDate.now().getMonthValue() - 1;
        int perSet = (int) Math.ceil(ingestRows / (double) (AGENCIES.size() * months)) + 1;
        System.out.println();
        System.out.println("== batch ingest: " + ingestRows + " rows per method (" + perSet
                + " monthly indicators per method x months x " + AGENCIES.size() + " agencies)");
        // Warm-up (not measured): what the measured phases do, on fresh indicators (created through the API, then
        // filled in nine batches of 1,000 and one of 10,000), until the service's JIT compilers are quiet: the figures
        // are those of a service that has run a while. A cold one spends a core compiling for a minute or more, and
        // the first values of new indicators take paths that values of known ones do not.
        long warmStart = System.nanoTime();
        long warmMin = warmStart + 2L * warmupSeconds * 1_000_000_000L;
        long warmMax = warmStart + 12L * warmupSeconds * 1_000_000_000L;
        int warmRows = 0;
        int warmBatches = 0;
        double jitShare = -1;
        for (int set = 0; ; set++) {
            double jit0 = compilerSeconds();
            long t0 = System.nanoTime();
            List<String[]> warmKeys = keys(createIndicators("WARM" + set, perSet), 19_000);
            for (int from = 0; from < warmKeys.size(); warmBatches++) {
                int size = from == 9_000 ? 10_000 : 1000;
                postBatch(warmKeys.subList(from, from + size));
                from += size;
            }
            warmRows += warmKeys.size();
            jitShare = jit0 < 0 ? -1 : (compilerSeconds() - jit0) / ((System.nanoTime() - t0) / 1e9);
            long now = System.nanoTime();
            if (now >= warmMax || (now >= warmMin && jitShare < 0.05)) {
                break;
            }
        }
        System.out.printf("warm-up (not counted): %,d rows in %d batches, %.1f s; JIT compilers at the end: %s%n",
                warmRows, warmBatches, (System.nanoTime() - warmStart) / 1e9,
                jitShare < 0 ? "unknown" : String.format("%.0f%% of a core", jitShare * 100));
        // Rounds: each measures the four methods on fresh rows, in an order that turns by one each round, so that
        // whatever else the machine does falls on all of them alike; the figures are each method's median round.
        Map<String, List<Double>> rates = new java.util.LinkedHashMap<>();
        for (String m : methods) {
            rates.put(m, new ArrayList<>());
        }
        for (int round = 0; round < ingestRounds; round++) {
            System.out.printf("-- round %d of %d%n", round + 1, ingestRounds);
            for (int k = 0; k < methods.size(); k++) {
                String method = methods.get((k + round) % methods.size());
                List<String> set = createIndicators(method.toUpperCase() + "R" + round, perSet);
                settle();
                resetStatements();
                double rate = switch (method) {
                    case "api1k" -> timeBatches(keys(set, ingestRows), 1000);
                    case "api10k" -> timeBatches(keys(set, ingestRows), 10_000);
                    case "jdbc" -> jdbcInserts(ids(set), keys(set, ingestRows), 1000);
                    default -> copyRows(ids(set), keys(set, ingestRows), 10_000);
                };
                rates.get(method).add(rate);
                printStatements(ingestRows);
            }
        }
        if (methods.size() < 4) {
            rates.forEach((m, r) -> results.put("ingest: " + m + " (rows/s), rounds", r.stream().map(KpiBench::fmt)
                    .collect(java.util.stream.Collectors.joining(" / "))));
            return;
        }
        double api1k = median(rates.get("api1k"));
        double api10k = median(rates.get("api10k"));
        double plainJdbc = median(rates.get("jdbc"));
        double copy = median(rates.get("copy"));
        String of = ingestRounds > 1 ? " (median of " + ingestRounds + " rounds)" : "";
        results.put("ingest: API batches of 1,000 (rows/s)" + of, fmt(api1k));
        results.put("ingest: API batches of 10,000 (rows/s)" + of, fmt(api10k));
        results.put("ingest: plain JDBC batched INSERT, 1,000/commit (rows/s)" + of, fmt(plainJdbc));
        results.put("ingest: COPY, 10,000/commit (rows/s)" + of, fmt(copy));
        results.put("ingest: ratio API-1k / JDBC", pct(api1k / plainJdbc));
        results.put("ingest: ratio API-10k / JDBC", pct(api10k / plainJdbc));
        results.put("ingest: ratio API-1k / COPY", pct(api1k / copy));
        results.put("ingest: ratio API-10k / COPY", pct(api10k / copy));
        for (String m : methods) {
            results.put("ingest: rounds " + m + " (rows/s)", rates.get(m).stream().map(KpiBench::fmt)
                    .collect(java.util.stream.Collectors.joining(" / ")));
        }
    }

    static double timeBatches(List<String[]> keys, int size) throws Exception {
        double[] cpu0 = cpuSeconds();
        long start = System.nanoTime();
        for (int from = 0; from < keys.size(); from += size) {
            postBatch(keys.subList(from, Math.min(keys.size(), from + size)));
        }
        double secs = (System.nanoTime() - start) / 1e9;
        double[] cpu1 = cpuSeconds();
        double perSecond = keys.size() / secs;
        System.out.printf("API batches of %,d: %,d rows in %.2f s = %,.0f rows/s (load %s); CPU per 1,000 rows: "
                + "%s%n", size, keys.size(), secs, perSecond, load(), cpuText(cpu0, cpu1, keys.size() / 1000.0));
        cpuResults.put("CPU ms per 1,000 rows, API batches of " + String.format("%,d", size) + " (service + PostgreSQL)",
                cpuText(cpu0, cpu1, keys.size() / 1000.0));
        return perSecond;
    }

    static final Map<String, String> cpuResults = new java.util.LinkedHashMap<>();

    /**
     * CPU seconds used so far by the service process, by the PostgreSQL backends serving the bench database (other
     * than the one asking) and by the service's JIT compilers (part of the service's), from /proc: unlike rates, a
     * fair comparison on a shared machine. {-1, -1, -1} if unknown.
     */
    static double[] cpuSeconds() {
        if (servicePid < 0) {
            return new double[]{-1, -1, -1};
        }
        double service = procCpu(servicePid);
        double jit = compilerSeconds();
        double pg = 0;
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                     + "AND pid <> pg_backend_pid()")) {
            while (rs.next()) {
                pg += Math.max(0, procCpu(rs.getLong(1)));
            }
        } catch (Exception e) {
            pg = -1;
        }
        return new double[]{service, pg, jit};
    }

    static double procCpu(long pid) {
        try {
            return cpuSeconds(Path.of("/proc/" + pid + "/stat"));
        } catch (Exception e) {
            return -1;
        }
    }

    /** utime + stime of a /proc stat file (a process's or a thread's), in seconds (clock ticks of 1/100 s). */
    static double cpuSeconds(Path stat) throws IOException {
        String text = Files.readString(stat);
        String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    /** CPU seconds used so far by the service's JIT compiler threads (C1, C2), from /proc; -1 if unknown. */
    static double compilerSeconds() {
        if (servicePid < 0) {
            return -1;
        }
        double total = 0;
        try (var tasks = Files.list(Path.of("/proc/" + servicePid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        total += cpuSeconds(task.resolve("stat"));
                    }
                } catch (IOException gone) {
                    // a compiler thread that ended meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return total;
    }

    /** "service a ms + PostgreSQL b ms = c ms" per unit. */
    static String cpuText(double[] before, double[] after, double units) {
        if (before[0] < 0 || after[0] < 0 || before[1] < 0 || after[1] < 0) {
            return "unknown";
        }
        double service = (after[0] - before[0]) * 1000 / units;
        double pg = (after[1] - before[1]) * 1000 / units;
        String jit = before[2] < 0 || after[2] < 0 ? ""
                : String.format(" (of which JIT compilers %.1f)", (after[2] - before[2]) * 1000 / units);
        return String.format("service %.1f%s + PostgreSQL %.1f = %.1f ms", service, jit, pg, service + pg);
    }

    static void postBatch(List<String[]> rows) throws Exception {
        StringBuilder body = new StringBuilder(rows.size() * 90).append("{\"measurements\":[");
        for (int i = 0; i < rows.size(); i++) {
            String[] k = rows.get(i);
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"indicator\":\"").append(k[0]).append("\",\"period\":\"").append(k[1])
                    .append("\",\"agency\":\"").append(k[2]).append("\",\"value\":").append(i % 977 + 0.25)
                    .append('}');
        }
        body.append("]}");
        HttpResponse<String> r = post("/api/v1/measurements/batch", "application/json", body.toString(),
                "Idempotency-Key", UUID.randomUUID().toString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("batch failed: " + r.statusCode() + " " + r.body().substring(0,
                    Math.min(500, r.body().length())));
        }
    }

    static Map<String, UUID> ids(List<String> codes) throws Exception {
        Map<String, UUID> ids = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbc);
             PreparedStatement ps = c.prepareStatement("SELECT code, id FROM indicator WHERE code = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", codes.toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getObject(2, UUID.class));
                }
            }
        }
        return ids;
    }

    static LocalDate monthEnd(String period) {
        return java.time.YearMonth.parse(period).atEndOfMonth();
    }

    /** The ceiling: the same rows by plain JDBC batched inserts (pgjdbc rewrites them to multi-row INSERTs). */
    static double jdbcInserts(Map<String, UUID> ids, List<String[]> keys, int perCommit) throws Exception {
        Properties props = new Properties();
        props.setProperty("reWriteBatchedInserts", "true");
        try (Connection c = DriverManager.getConnection(jdbc, props)) {
            c.setAutoCommit(false);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO measurement (id, indicator_id, period, period_end, agency_code, value, status,
                        submitted_by, submitted_at, first_submitted_at, origin_instance, version, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'SUBMITTED', 'bench', ?, ?, 'central', 0, ?)""")) {
                for (int i = 0; i < keys.size(); i++) {
                    String[] k = keys.get(i);
                    ps.setObject(1, UUID.randomUUID());
                    ps.setObject(2, ids.get(k[0]));
                    ps.setString(3, k[1]);
                    ps.setObject(4, monthEnd(k[1]));
                    ps.setString(5, k[2]);
                    ps.setBigDecimal(6, new java.math.BigDecimal(i % 977 + 0.25));
                    ps.setObject(7, now);
                    ps.setObject(8, now);
                    ps.setObject(9, now);
                    ps.addBatch();
                    if ((i + 1) % perCommit == 0 || i + 1 == keys.size()) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf("plain JDBC batched INSERT: %,d rows in %.2f s = %,.0f rows/s%n", keys.size(), secs,
                    keys.size() / secs);
            return keys.size() / secs;
        }
    }

    static double copyRows(Map<String, UUID> ids, List<String[]> keys, int perCommit) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc)) {
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
            long start = System.nanoTime();
            for (int from = 0; from < keys.size(); from += perCommit) {
                StringBuilder sb = new StringBuilder(perCommit * 160);
                for (int i = from; i < Math.min(keys.size(), from + perCommit); i++) {
                    String[] k = keys.get(i);
                    sb.append(UUID.randomUUID()).append('\t').append(ids.get(k[0])).append('\t').append(k[1])
                            .append('\t').append(monthEnd(k[1])).append('\t').append(k[2]).append('\t')
                            .append(i % 977 + 0.25).append("\tSUBMITTED\tbench\t").append(now).append('\t')
                            .append(now).append("\tcentral\t0\t").append(now).append('\n');
                }
                copy.copyIn("COPY measurement (id, indicator_id, period, period_end, agency_code, value, status, "
                        + "submitted_by, submitted_at, first_submitted_at, origin_instance, version, created_at) "
                        + "FROM STDIN", new java.io.StringReader(sb.toString()));
                c.commit();
            }
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf("COPY: %,d rows in %.2f s = %,.0f rows/s%n", keys.size(), secs, keys.size() / secs);
            return keys.size() / secs;
        }
    }

    // ---------------------------------------------------------------- single submissions

    static void single(Map<String, String> results, int rate) throws Exception {
        int total = rate * seconds;
        int warm = rate * warmupSeconds;
        List<String> set = createIndicators("ONE" + rate, 20);
        List<String[]> keys = new ArrayList<>(keys(set, total + warm + 200));
        java.util.Collections.shuffle(keys, new java.util.Random(57));
        System.out.println();
        System.out.printf("== single submissions: offered %d/s for %d s (%,d requests, open loop) after %d s of "
                + "warm-up at that rate%n", rate, seconds, total, warmupSeconds);
        for (int i = 0; i < 200; i++) {
            postOne(keys.get(total + warm + i)).join();
        }
        if (warm > 0) {
            long[] w = openLoop(keys.subList(total, total + warm), rate, new AtomicInteger());
            System.out.printf("warm-up (not counted): %,d requests, p50 %.1f ms, p99 %.1f ms%n", w.length,
                    ms(pct(w, 50)), ms(pct(w, 99)));
        }
        AtomicInteger errors = new AtomicInteger();
        double[] cpu0 = cpuSeconds();
        long begin = System.nanoTime();
        long[] sorted = openLoop(keys.subList(0, total), rate, errors);
        long end = System.nanoTime();
        double[] cpu1 = cpuSeconds();
        System.out.println("CPU per request: " + cpuText(cpu0, cpu1, total));
        cpuResults.put("CPU ms per single submission @" + rate + "/s offered (service + PostgreSQL)",
                cpuText(cpu0, cpu1, total));
        double achieved = sorted.length / ((end - begin) / 1e9);
        System.out.printf("completed %,d, errors %d, achieved %.1f req/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                sorted.length, errors.get(), achieved, ms(pct(sorted, 50)), ms(pct(sorted, 99)),
                ms(sorted[sorted.length - 1]));
        String label = "single @" + rate + "/s offered: ";
        results.put(label + "achieved (req/s)", String.format("%.1f", achieved));
        results.put(label + "errors", Integer.toString(errors.get()));
        results.put(label + "latency p50 / p99 (ms)", String.format("%.1f / %.1f", ms(pct(sorted, 50)),
                ms(pct(sorted, 99))));
    }

    /** Posts one value per key at {@code rate}/s (open loop); latencies from each request's scheduled time. */
    static long[] openLoop(List<String[]> keys, int rate, AtomicInteger errors) throws Exception {
        int total = keys.size();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime() + 50_000_000L;
        long intervalNanos = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * intervalNanos;
            String[] k = keys.get(i);
            timer.schedule(() -> {
                postOne(k).whenComplete((r, e) -> {
                    latencies.add(System.nanoTime() - scheduled);
                    if (e != null || r.statusCode() != 201) {
                        errors.incrementAndGet();
                    }
                });
            }, scheduled - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        while (latencies.size() < total) {
            Thread.sleep(50);
            if (System.nanoTime() - start > (total / rate + 120) * 1_000_000_000L) {
                break;
            }
        }
        timer.shutdownNow();
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    static CompletableFuture<HttpResponse<String>> postOne(String[] k) {
        String body = "{\"indicator\":\"" + k[0] + "\",\"period\":\"" + k[1] + "\",\"agency\":\"" + k[2]
                + "\",\"value\":12.5}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/measurements"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------- scorecard at 5M

    static void scorecard(Map<String, String> results) throws Exception {
        int strategic = scorecardIndicators / 4;
        int initiatives = 100;
        long rows = (long) scorecardIndicators * scorecardMonths * AGENCIES.size();
        System.out.println();
        System.out.printf("== scorecard: System H3 with %,d indicators (%,d STRATEGIC, %,d OPERATIONAL over %d "
                + "initiatives), %,d measurements loaded by COPY%n", scorecardIndicators, strategic,
                scorecardIndicators - strategic, initiatives, rows);
        List<UUID> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc)) {
            c.setAutoCommit(false);
            UUID[] initiativeIds = new UUID[initiatives];
            for (int i = 0; i < initiatives; i++) {
                initiativeIds[i] = UUID.randomUUID();
            }
            try (PreparedStatement ind = c.prepareStatement("""
                    INSERT INTO indicator (id, code, name_vi, unit, direction, aggregation, frequency, baseline_value,
                        baseline_period, tier, system_code, initiative_id, owner_agency, reporting_agencies, grace_days,
                        created_by) VALUES (?, ?, ?, 'PERCENT', 'HIGHER_IS_BETTER', 'SUM', 'MONTHLY', 10, '2020-12', ?,
                        'H3', ?, 'BKHCN', '["BKHCN"]', 30, 'bench')""");
                 PreparedStatement target = c.prepareStatement(
                         "INSERT INTO indicator_target (indicator_id, period, value) VALUES (?, '2030', ?)")) {
                for (int i = 0; i < scorecardIndicators; i++) {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    boolean isStrategic = i < strategic;
                    ind.setObject(1, id);
                    ind.setString(2, "B" + RUN + "-SC-" + i);
                    ind.setString(3, "Chỉ tiêu thẻ điểm " + i);
                    ind.setString(4, isStrategic ? "STRATEGIC" : "OPERATIONAL");
                    ind.setObject(5, isStrategic ? null : initiativeIds[i % initiatives]);
                    ind.addBatch();
                    target.setObject(1, id);
                    target.setBigDecimal(2, java.math.BigDecimal.valueOf(30_000 + (i % 7) * 5_000));
                    target.addBatch();
                }
                ind.executeBatch();
                target.executeBatch();
            }
            c.commit();
            long start = System.nanoTime();
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            PipedOutputStream out = new PipedOutputStream();
            InputStream in = new PipedInputStream(out, 1 << 20);
            Thread producer = new Thread(() -> {
                try (Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8),
                        1 << 20)) {
                    String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
                    java.util.Random random = new java.util.Random(57);
                    for (int i = 0; i < ids.size(); i++) {
                        String id = ids.get(i).toString();
                        for (int m = 0; m < scorecardMonths; m++) {
                            String period = String.format("%d-%02d", 2021 + m / 12, m % 12 + 1);
                            String end = monthEnd(period).toString();
                            for (String agency : AGENCIES) {
                                w.write(UUID.randomUUID().toString());
                                w.write('\t');
                                w.write(id);
                                w.write('\t');
                                w.write(period);
                                w.write('\t');
                                w.write(end);
                                w.write('\t');
                                w.write(agency);
                                w.write('\t');
                                w.write(Integer.toString(m * 10 + random.nextInt(20)));
                                w.write("\tAPPROVED\tbench\t");
                                w.write(now);
                                w.write('\t');
                                w.write(now);
                                w.write("\tcentral\t0\t");
                                w.write(now);
                                w.write('\n');
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            producer.start();
            long copied = copy.copyIn("COPY measurement (id, indicator_id, period, period_end, agency_code, value, "
                    + "status, submitted_by, submitted_at, first_submitted_at, origin_instance, version, created_at) "
                    + "FROM STDIN", in);
            c.commit();
            producer.join();
            System.out.printf("loaded %,d measurements by COPY in %.1f s%n", copied, (System.nanoTime() - start) / 1e9);
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE measurement");
                s.execute("ANALYZE indicator");
            }
            c.commit();
            try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM measurement")) {
                rs.next();
                System.out.printf("measurement table now holds %,d rows%n", rs.getLong(1));
                results.put("scorecard: measurements in the table", String.format("%,d", rs.getLong(1)));
            }
        }
        long start = System.nanoTime();
        HttpResponse<String> rebuilt = post("/api/v1/evaluation/rebuild", "application/json", "");
        System.out.printf("rebuild of the maintained evaluation (one-off, after the COPY bypassed the API): %d in "
                + "%.1f s%n", rebuilt.statusCode(), (System.nanoTime() - start) / 1e9);
        if (rebuilt.statusCode() != 200) {
            throw new IllegalStateException(rebuilt.body());
        }
        long[] system = timeGets("/api/v1/evaluation/systems/H3", scorecardRequests);
        long[] plan = timeGets("/api/v1/evaluation/plan", scorecardRequests / 3);
        long[] one = timeGets("/api/v1/evaluation/indicators/" + "B" + RUN + "-SC-7", scorecardRequests / 3);
        HttpResponse<String> sample = get("/api/v1/evaluation/systems/H3");
        System.out.printf("System H3 scorecard: %,d bytes; p50 %.1f ms, p99 %.1f ms%n", sample.body().length(),
                ms(pct(system, 50)), ms(pct(system, 99)));
        System.out.printf("plan scorecard: p50 %.1f ms, p99 %.1f ms%n", ms(pct(plan, 50)), ms(pct(plan, 99)));
        System.out.printf("one indicator's evaluation (series, timeliness): p50 %.1f ms, p99 %.1f ms%n",
                ms(pct(one, 50)), ms(pct(one, 99)));
        results.put("scorecard: System H3 (2,000 indicators) p50 / p99 (ms)", String.format("%.1f / %.1f",
                ms(pct(system, 50)), ms(pct(system, 99))));
        results.put("scorecard: plan p50 / p99 (ms)", String.format("%.1f / %.1f", ms(pct(plan, 50)),
                ms(pct(plan, 99))));
        results.put("scorecard: one indicator p50 / p99 (ms)", String.format("%.1f / %.1f", ms(pct(one, 50)),
                ms(pct(one, 99))));
        // a write at 5M: the incremental maintenance keeps a submission bounded
        String code = "B" + RUN + "-SC-11";
        long[] writes = new long[100];
        for (int i = 0; i < writes.length; i++) {
            long t0 = System.nanoTime();
            String period = String.format("2026-%02d", 1 + i / AGENCIES.size());
            HttpResponse<String> r = postOne(new String[]{code, period, AGENCIES.get(i % AGENCIES.size())}).join();
            writes[i] = System.nanoTime() - t0;
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(r.body());
            }
        }
        Arrays.sort(writes);
        System.out.printf("single submission at 5M (sequential, new values of an indicator with 2,520): p50 %.1f ms, p99 %.1f ms%n",
                ms(pct(writes, 50)), ms(pct(writes, 99)));
        results.put("single at 5M rows, sequential p50 / p99 (ms)", String.format("%.1f / %.1f",
                ms(pct(writes, 50)), ms(pct(writes, 99))));
    }

    static long[] timeGets(String path, int n) throws Exception {
        // warm-up (JIT of the read path, not measured): as many requests as are measured, at least for warmupSeconds
        long warmUntil = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        for (int i = 0; i < n || System.nanoTime() < warmUntil; i++) {
            get(path);
        }
        double[] cpu0 = cpuSeconds();
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = get(path);
            t[i] = System.nanoTime() - t0;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
            }
        }
        cpuResults.put("CPU ms per GET " + path + " (service + PostgreSQL)", cpuText(cpu0, cpuSeconds(), n));
        Arrays.sort(t);
        return t;
    }

    // ---------------------------------------------------------------- helpers

    static HttpResponse<String> post(String path, String type, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An RS256 JWT shaped like Keycloak's, signed with the test-only key the bench instance trusts. */
    static String sign(String user, String agency, String role) throws Exception {
        String pem = Files.readString(key).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey privateKey = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"https://test.nq57.local/realms/nq57\",\"sub\":\"" + user
                + "\",\"preferred_username\":\"" + user + "\",\"agency\":\"" + agency
                + "\",\"realm_access\":{\"roles\":[\"" + role + "\"]},\"iat\":" + now + ",\"exp\":" + (now + 7200)
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String signingInput = enc.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + enc.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(privateKey);
        s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + enc.encodeToString(s.sign());
    }

    static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static String fmt(double v) {
        return String.format("%,.0f", v);
    }

    /**
     * Before each timed method: vacuum and analyse what the previous one wrote, then a checkpoint, so that no method
     * pays for another's autovacuum or checkpoint (each starts from the same state of the database).
     */
    static void resetStatements() throws Exception {
        if (!statements) {
            return;
        }
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** The statements of the bench database that took most time since {@link #resetStatements}, per 1,000 rows. */
    static void printStatements(int rows) throws Exception {
        if (!statements) {
            return;
        }
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement();
             var rs = s.executeQuery("""
                     SELECT calls, total_exec_time, rows, wal_bytes, shared_blks_hit + shared_blks_read,
                            left(regexp_replace(query, '\\s+', ' ', 'g'), 90)
                     FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                     ORDER BY total_exec_time DESC LIMIT 12""")) {
            System.out.println("   statements (per 1,000 rows: calls, ms, rows, WAL kB, buffers):");
            double k = rows / 1000.0;
            while (rs.next()) {
                System.out.printf("   %7.1f %7.2f %8.0f %7.0f %8.0f  %s%n", rs.getLong(1) / k, rs.getDouble(2) / k,
                        rs.getLong(3) / k, rs.getDouble(4) / 1024 / k, rs.getLong(5) / k, rs.getString(6));
            }
        }
    }

    static void settle() throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            // every table of the database, not only those the methods insert into: the API also updates aggregates,
            // evaluations and idempotency records, and a server may run without autovacuum (this machine's does)
            s.execute("VACUUM (ANALYZE)");
            s.execute("CHECKPOINT");
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String pct(double ratio) {
        return String.format("%.0f%%", ratio * 100);
    }

    static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        } catch (IOException e) {
            return "?";
        }
    }

    static String pgVersion() {
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement();
             var rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1);
        } catch (Exception e) {
            return "PostgreSQL ?";
        }
    }
}
