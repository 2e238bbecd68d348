package vn.nq57.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The loader's "sample: ..." lines: each part's progress, what was skipped and why, and the counts at the end. */
final class Report {

    interface Part {
        void run() throws Exception;
    }

    private final Map<String, String> counts = new LinkedHashMap<>();
    private final List<String> skipped = new ArrayList<>();

    /** Runs a part of the sample; when it fails, says so and goes on with the next part. */
    void part(String name, Part body) {
        long t0 = System.nanoTime();
        System.out.println("sample: " + name + " ...");
        try {
            body.run();
            System.out.printf("sample: %s done (%.1f s)%n", name, (System.nanoTime() - t0) / 1e9);
        } catch (Exception e) {
            skipped.add(name + ": " + e.getMessage());
            System.out.println("sample: " + name + " FAILED, skipped the rest of it: " + e.getMessage());
        }
    }

    void count(String what, String summary) {
        counts.put(what, summary);
    }

    boolean nothingCounted() {
        return counts.isEmpty();
    }

    /** Something skipped, listed at the end only. */
    void skipped(String what) {
        skipped.add(what);
    }

    /** A request the service refused: listed at the end and said now. */
    void skip(String what, Reply<?> r) {
        String msg = what + " → HTTP " + r.status() + " " + r.method() + " " + r.path() + ": " + abbreviate(r.raw());
        skipped.add(msg);
        System.out.println("sample: skipped: " + msg);
    }

    void print(long t0) {
        System.out.printf("sample: done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        counts.forEach((k, v) -> System.out.println("sample:   " + k + ": " + v));
        if (skipped.isEmpty()) {
            System.out.println("sample: nothing skipped");
        } else {
            System.out.println("sample: SKIPPED (" + skipped.size() + "):");
            skipped.forEach(s -> System.out.println("sample:   - " + s));
        }
    }

    static void expect(Reply<?> r, String what, int... statuses) {
        for (int s : statuses) if (r.status() == s) return;
        throw new IllegalStateException(what + " → HTTP " + r.status() + ": " + abbreviate(r.raw()));
    }

    static String abbreviate(String s) {
        if (s == null) return "";
        s = s.replaceAll("\\s+", " ");
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}
