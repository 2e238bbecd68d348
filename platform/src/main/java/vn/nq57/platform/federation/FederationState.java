package vn.nq57.platform.federation;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The {@code federation_state} rows of this instance: the forwarder's and the catalogue puller's cursor, last success,
 * failures and their reason. Kept in the service's own database, so a restart resumes where it stopped.
 */
@ApplicationScoped
public class FederationState {

    public static final String FORWARDER = "forwarder";
    public static final String CATALOGUE = "catalogue";

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    /** The failure counter of each job ({@code nq57_federation_forward_failures_total}, ..._catalog_...). */
    private static final Map<String, String> FAILURE_COUNTERS = Map.of(FORWARDER, "nq57.federation.forward.failures",
            CATALOGUE, "nq57.federation.catalog.failures");

    /** One state row as read. */
    public record State(String name, long position, OffsetDateTime lastAttemptAt, OffsetDateTime lastSuccessAt,
                        int consecutiveFailures, String lastError, OffsetDateTime lastErrorAt, long total,
                        long rejected) {
    }

    public State read(String name) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            ensure(name);
            Object[] r = (Object[]) em.createNativeQuery("""
                            SELECT position, last_attempt_at, last_success_at, consecutive_failures, last_error,
                                   last_error_at, total, rejected FROM federation_state WHERE name = ?1""")
                    .setParameter(1, name).getSingleResult();
            return new State(name, ((Number) r[0]).longValue(), time(r[1]), time(r[2]), ((Number) r[3]).intValue(),
                    (String) r[4], time(r[5]), ((Number) r[6]).longValue(), ((Number) r[7]).longValue());
        });
    }

    /** Records a successful round in the caller's transaction: new position, counts added, failures cleared. */
    public void succeeded(String name, long position, long count, long rejected) {
        ensure(name);
        em.createNativeQuery("""
                        UPDATE federation_state SET position = greatest(position, ?2), last_attempt_at = now(),
                            last_success_at = now(), consecutive_failures = 0, total = total + ?3,
                            rejected = rejected + ?4 WHERE name = ?1""")
                .setParameter(1, name).setParameter(2, position).setParameter(3, count).setParameter(4, rejected)
                .executeUpdate();
    }

    /** Records a failed round in a transaction of its own and counts it in the job's failure counter. */
    public void failed(String name, String error) {
        registry.counter(FAILURE_COUNTERS.getOrDefault(name, "nq57.federation." + name + ".failures")).increment();
        QuarkusTransaction.requiringNew().run(() -> {
            ensure(name);
            em.createNativeQuery("""
                            UPDATE federation_state SET last_attempt_at = now(), consecutive_failures = consecutive_failures + 1,
                                last_error = ?2, last_error_at = now() WHERE name = ?1""")
                    .setParameter(1, name).setParameter(2, error).executeUpdate();
        });
    }

    /** Moves a cursor back (or forward) on an operator's request. */
    public void reset(String name, long position) {
        ensure(name);
        em.createNativeQuery("UPDATE federation_state SET position = ?2 WHERE name = ?1")
                .setParameter(1, name).setParameter(2, position).executeUpdate();
    }

    private void ensure(String name) {
        em.createNativeQuery("INSERT INTO federation_state (name) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, name).executeUpdate();
    }

    static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }
}
