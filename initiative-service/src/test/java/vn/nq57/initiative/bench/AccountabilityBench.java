package vn.nq57.initiative.bench;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.nq57.initiative.accountability.MailServer;
import vn.nq57.initiative.compliance.ComplianceService;
import vn.nq57.initiative.notification.MailJobs;
import vn.nq57.initiative.obligation.ObligationService;
import vn.nq57.initiative.warning.WarningService;
import vn.nq57.initiative.warning.WarningViews.EvaluationResult;
import vn.nq57.platform.period.Period;
import vn.nq57.platform.testing.TestEvents;

/**
 * The accountability benchmark (a program that prints figures, not a test): run with
 * {@code ./mvnw verify -pl initiative-service -Dtest=AccountabilityBench -Dnq57.bench=true}. It loads 2,000 indicators
 * each obliging 42 agencies (84,000 obligations, quarterly and monthly) with about half of their values reported,
 * then times the warnings' evaluation, the ranking, the replay of measurement events into the read model, and a daily
 * digest to 500 users through a real SMTP server. Its rows are removed at the end.
 */
@QuarkusTest
@TestProfile(AccountabilityBench.Profile.class)
@QuarkusTestResource(MailServer.class)
@EnabledIfSystemProperty(named = "nq57.bench", matches = "true")
class AccountabilityBench {

    static final int INDICATORS = 2_000;
    static final int AGENCIES = 42;
    static final int USERS = 500;

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String users = IntStream.range(0, USERS).mapToObj(i -> "BKHCN|viewer|bench.user" + i
                    + "|bench.user" + i + "@nq57.test|vi").collect(Collectors.joining(","));
            return Map.of("nq57.recipients.static", users);
        }
    }

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    WarningService warnings;

    @Inject
    ObligationService obligations;

    @Inject
    ComplianceService compliance;

    @Inject
    MailJobs mail;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Loader loader;

    @Test
    void figures() throws Exception {
        loader.clean();
        try {
            LocalDate today = Period.today(clock);
            EvaluationResult sample = time("evaluate (test data only)", () -> warnings.evaluate(today));
            System.out.printf("BENCH before load: %d causes, %d open%n", sample.causes(), sample.open());

            List<String> agencies = loader.agencies();
            long t0 = System.nanoTime();
            List<UUID> indicators = loader.indicators(agencies);
            int obliged = obligations.refreshDefaults(null);
            System.out.printf("BENCH load: %d indicators, %d obligations derived in %d ms%n", indicators.size(),
                    obliged, ms(t0));
            t0 = System.nanoTime();
            long values = loader.values(indicators, agencies, today);
            System.out.printf("BENCH load: %d reported values in %d ms%n", values, ms(t0));

            EvaluationResult first = time("evaluate (first, opens)", () -> warnings.evaluate(today));
            System.out.printf("BENCH evaluate first: %d causes, %d opened in %d ms (%.0f warnings/s)%n", first.causes(),
                    first.opened(), first.millis(), first.opened() * 1000.0 / Math.max(1, first.millis()));
            EvaluationResult steady = time("evaluate (steady)", () -> warnings.evaluate(today));
            System.out.printf("BENCH evaluate steady: %d causes, %d opened, %d resolved in %d ms%n", steady.causes(),
                    steady.opened(), steady.resolved(), steady.millis());
            time("ranking MINISTRY", () -> compliance.ranking("MINISTRY", today.getYear()));
            time("ranking PROVINCE", () -> compliance.ranking("PROVINCE", today.getYear()));

            // events replayed: measurement events into the read model, then the evaluation they trigger
            int events = 5_000;
            long before = loader.reportedCount();
            t0 = System.nanoTime();
            for (int i = 0; i < events; i++) {
                UUID ind = indicators.get(i % indicators.size());
                String agency = agencies.get((i / indicators.size()) % agencies.size());
                String id = UUID.randomUUID().toString();
                connector.source("kpi-events").send(java.util.List.of(TestEvents.json(TestEvents.event("nq57.measurement.recorded.v1",
                        id, 1, "central", Map.of("id", id, "indicatorId", ind.toString(), "period",
                                "2030Q1", "agency", agency, "value", 1,
                                "status", "SUBMITTED", "firstSubmittedAt", java.time.OffsetDateTime.now().toString(),
                                "version", 2)))));
            }
            while (loader.reportedCount() < before + events && ms(t0) < 300_000) {
                Thread.sleep(200);
            }
            long replay = ms(t0);
            System.out.printf("BENCH replay: %d measurement events applied to the read model in %d ms (%.0f events/s)%n",
                    events, replay, events * 1000.0 / replay);
            // then a replay that reports the values missing for 200 indicators of one agency: the warnings it resolves
            List<Map<String, Object>> missing = loader.missing(indicators.subList(0, 200), agencies.get(0), today);
            t0 = System.nanoTime();
            for (Map<String, Object> m : missing) {
                String id = UUID.randomUUID().toString();
                Map<String, Object> data = new HashMap<>(m);
                data.putAll(Map.of("id", id, "value", 1, "status", "SUBMITTED", "version", 3,
                        "firstSubmittedAt", java.time.OffsetDateTime.now().toString()));
                connector.source("kpi-events").send(java.util.List.of(TestEvents.json(TestEvents.event("nq57.measurement.recorded.v1",
                        id, 3, "central", data))));
            }
            while (loader.missing(indicators.subList(0, 200), agencies.get(0), today).size() > 0 && ms(t0) < 300_000) {
                Thread.sleep(200);
            }
            long replayed = ms(t0);
            EvaluationResult after = warnings.evaluate(today);
            System.out.printf("BENCH warnings from replay: %d events (the missing values of 200 obligations) in %d ms, "
                            + "then the evaluation resolved %d warnings in %d ms: %.0f warnings resolved per second of "
                            + "events replayed and evaluated%n", missing.size(), replayed, after.resolved(),
                    after.millis(), after.resolved() * 1000.0 / (replayed + after.millis()));

            // a digest to 500 users of BKHCN (static recipients) through GreenMail
            LocalDate day = LocalDate.of(2095, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
            t0 = System.nanoTime();
            int sent = mail.digest(day);
            System.out.printf("BENCH digest: %d mails sent in %d ms (%.0f mails/s)%n", sent, ms(t0), sent * 1000.0 / ms(t0));
        } finally {
            loader.clean();
            warnings.evaluate(Period.today(clock));
        }
    }

    static <T> T time(String what, java.util.concurrent.Callable<T> work) throws Exception {
        long t0 = System.nanoTime();
        T result = work.call();
        System.out.printf("BENCH %s: %d ms%n", what, ms(t0));
        return result;
    }

    static long ms(long t0) {
        return Math.max(1, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Loads and removes the benchmark's rows (codes BENCH-…) with set-based SQL. */
    @jakarta.enterprise.context.ApplicationScoped
    public static class Loader {

        @Inject
        EntityManager em;

        @Transactional
        public List<String> agencies() {
            @SuppressWarnings("unchecked")
            List<String> codes = em.createNativeQuery("SELECT code FROM agency WHERE level IN ('MINISTRY', 'PROVINCE') "
                    + "AND code ~ '^[A-Z]+$' ORDER BY level, code LIMIT " + AGENCIES).getResultList();
            return codes;
        }

        @Transactional
        public List<UUID> indicators(List<String> agencies) {
            String reporting = String.join(",", agencies);
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < INDICATORS; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                em.createNativeQuery("INSERT INTO kpi_status (indicator_id, code, name_vi, tier, system_code, "
                                + "frequency, direction, grace_days, reporting_agencies, status) VALUES (:id, :code, "
                                + "'Chỉ tiêu thử tải', 'STRATEGIC', 'H4', :f, 'HIGHER_IS_BETTER', 30, :r, 'GREY')")
                        .setParameter("id", id).setParameter("code", "BENCH-" + i)
                        .setParameter("f", i % 4 == 0 ? "MONTHLY" : "QUARTERLY").setParameter("r", reporting)
                        .executeUpdate();
            }
            return ids;
        }

        /** About half of the periods since 2025 reported, on time or late. */
        @Transactional
        public long values(List<UUID> indicators, List<String> agencies, LocalDate today) {
            return em.createNativeQuery("""
                    INSERT INTO reported_value (indicator_id, agency_code, period, status, first_submitted_at, version)
                    SELECT k.indicator_id, o.agency_code, p.period, 'SUBMITTED',
                           p.ends + (random() * 60)::int * interval '1 day', 1
                    FROM kpi_status k JOIN reporting_obligation o ON o.indicator_id = k.indicator_id
                    CROSS JOIN LATERAL (
                        SELECT CASE WHEN k.frequency = 'MONTHLY' THEN to_char(d, 'YYYY-MM')
                                    ELSE to_char(d, 'YYYY') || 'Q' || extract(quarter FROM d) END AS period,
                               (d + CASE WHEN k.frequency = 'MONTHLY' THEN interval '1 month' ELSE interval '3 months' END
                                  - interval '1 day')::timestamptz AS ends
                        FROM generate_series(DATE '2025-01-01', CAST(:today AS date) - interval '1 month',
                             CASE WHEN k.frequency = 'MONTHLY' THEN interval '1 month' ELSE interval '3 months' END) d
                    ) p
                    WHERE k.code LIKE 'BENCH-%' AND random() < 0.5
                    ON CONFLICT DO NOTHING""").setParameter("today", today.toString()).executeUpdate();
        }

        /** The values an agency has not reported for some indicators: indicatorId, agency and period of each. */
        @Transactional
        public List<Map<String, Object>> missing(List<UUID> indicators, String agency, LocalDate today) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT k.indicator_id, p.period FROM kpi_status k CROSS JOIN LATERAL (
                        SELECT CASE WHEN k.frequency = 'MONTHLY' THEN to_char(d, 'YYYY-MM')
                                    ELSE to_char(d, 'YYYY') || 'Q' || extract(quarter FROM d) END AS period
                        FROM generate_series(DATE '2025-01-01', CAST(:today AS date) - interval '4 months',
                             CASE WHEN k.frequency = 'MONTHLY' THEN interval '1 month' ELSE interval '3 months' END) d
                    ) p
                    WHERE k.indicator_id IN (:ids) AND NOT EXISTS (SELECT 1 FROM reported_value v
                        WHERE v.indicator_id = k.indicator_id AND v.agency_code = :agency AND v.period = p.period)""")
                    .setParameter("ids", indicators).setParameter("agency", agency)
                    .setParameter("today", today.toString()).getResultList();
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object[] r : rows) {
                out.add(Map.of("indicatorId", r[0].toString(), "agency", agency, "period", r[1]));
            }
            return out;
        }

        @Transactional
        public long reportedCount() {
            return ((Number) em.createNativeQuery("SELECT count(*) FROM reported_value v JOIN kpi_status k "
                    + "ON k.indicator_id = v.indicator_id WHERE k.code LIKE 'BENCH-%'").getSingleResult()).longValue();
        }

        @Transactional
        public void clean() {
            String bench = "(SELECT indicator_id FROM kpi_status WHERE code LIKE 'BENCH-%')";
            em.createNativeQuery("DELETE FROM notification_read WHERE warning_id IN (SELECT id FROM warning WHERE "
                    + "subject_id IN " + bench + ")").executeUpdate();
            em.createNativeQuery("DELETE FROM warning WHERE subject_id IN " + bench).executeUpdate();
            em.createNativeQuery("DELETE FROM reported_value WHERE indicator_id IN " + bench).executeUpdate();
            em.createNativeQuery("DELETE FROM reporting_obligation WHERE indicator_id IN " + bench).executeUpdate();
            em.createNativeQuery("DELETE FROM kpi_status WHERE code LIKE 'BENCH-%'").executeUpdate();
        }
    }
}
