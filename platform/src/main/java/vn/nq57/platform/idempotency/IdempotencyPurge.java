package vn.nq57.platform.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;

/** Forgets expired idempotency keys (24 h by default, {@code nq57.idempotency.ttl}). */
@ApplicationScoped
public class IdempotencyPurge {

    @Inject
    EntityManager em;

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        em.createNativeQuery("DELETE FROM idempotency_key WHERE expires_at < ?1")
                .setParameter(1, OffsetDateTime.now()).executeUpdate();
    }
}
