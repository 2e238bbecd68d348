package vn.nq57.e2e.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a benchmark's phase (Linux {@code /proc}): the CPU seconds of each process of
 * the suite — a service by instance and name, Kafka, Keycloak, PostgreSQL (all its backends), this program — between
 * two snapshots. A process that ended between them is not counted.
 */
final class ProcessCpu {

    /** The machine's load average as /proc/loadavg says it ("?" when it cannot be read). */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static final double TICKS = 100.0; // USER_HZ on Linux

    private ProcessCpu() {
    }

    /** CPU ticks per process group now. */
    static Map<String, Long> snapshot() {
        Map<String, Long> ticks = new TreeMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long used = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
                    ticks.merge(name(p), used, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            });
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    /** The CPU seconds of each group between {@code before} and now, largest first, as one line. */
    static String since(Map<String, Long> before) {
        Map<String, Long> now = snapshot();
        StringBuilder line = new StringBuilder();
        double total = 0;
        java.util.List<Map.Entry<String, Double>> used = new java.util.ArrayList<>();
        for (Map.Entry<String, Long> e : now.entrySet()) {
            double seconds = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / TICKS;
            if (seconds >= 0.5 && !e.getKey().equals("other")) {
                used.add(Map.entry(e.getKey(), seconds));
            }
            total += Math.max(0, seconds);
        }
        used.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        line.append(String.format("CPU seconds %.0f:", total));
        used.forEach(e -> line.append(String.format(" %s %.0f,", e.getKey(), e.getValue())));
        return line.substring(0, line.length() - 1);
    }

    private static String name(Path proc) throws IOException {
        String cmd = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        if (cmd.contains("-service/target/quarkus-app/quarkus-run.jar")) {
            String env = new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8);
            String instance = "?";
            for (String kv : env.split("\0")) {
                if (kv.startsWith("NQ57_INSTANCE_ID=")) {
                    instance = kv.substring(kv.indexOf('=') + 1);
                }
            }
            String jar = cmd.substring(0, cmd.indexOf("-service/target/quarkus-app"));
            return instance + " " + jar.substring(jar.lastIndexOf('/') + 1);
        }
        if (cmd.contains("kafka")) {
            return "kafka";
        }
        if (cmd.contains("keycloak")) {
            return "keycloak";
        }
        if (cmd.startsWith("postgres")) {
            return "postgresql";
        }
        if (cmd.contains("vn.nq57.e2e.bench")) {
            return "bench";
        }
        return "other";
    }
}
