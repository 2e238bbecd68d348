package vn.nq57.e2e.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The benchmarks' one way to print a latency distribution: from when each item was sent to when it was seen. */
final class Latencies {

    private Latencies() {
    }

    /** Prints "what: seen n of count, p50, p99, max" in milliseconds for the items of {@code sent} seen. */
    static void report(String what, Map<String, Long> sent, Map<String, Long> seen, int count) {
        List<Double> ms = new ArrayList<>();
        sent.forEach((key, t0) -> {
            Long t1 = seen.get(key);
            if (t1 != null) {
                ms.add((t1 - t0) / 1e6);
            }
        });
        Collections.sort(ms);
        if (ms.isEmpty()) {
            System.out.printf("%s: none seen of %d%n", what, count);
            return;
        }
        System.out.printf("%s: seen %d of %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, ms.size(), count,
                ms.get((int) Math.floor(0.50 * (ms.size() - 1))), ms.get((int) Math.floor(0.99 * (ms.size() - 1))),
                ms.get(ms.size() - 1));
    }
}
