package vn.nq57.initiative.scorecard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.nq57.initiative.scorecard.ScorecardViews.ScorecardChange;

/**
 * Writes each scorecard change to the stream's log ({@code scorecard_change}) in the transaction that makes it, so it
 * exists exactly when the change is committed (never for a rolled-back write, once for an event applied once). The
 * changes of a transaction are written together just before it commits, under an advisory lock held to the commit:
 * the log's numbers then follow commit order, and a reader that has seen number n has seen every change before it.
 * {@code NOTIFY} wakes every replica's {@link ScorecardStream} when the transaction commits.
 */
@vn.nq57.platform.jdbc.Jdbc("the change log is written on the transaction's connection at its end (beforeCompletion), after Hibernate has flushed")
@ApplicationScoped
public class ScorecardChangeLog {

    /** The advisory lock that orders the log (held from drawing numbers to the commit). */
    static final long LOCK = 5757030L;
    static final String CHANNEL = "nq57_scorecard";
    private static final Object PENDING = new Object();

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "nq57.stream.retention", defaultValue = "24h")
    java.time.Duration retention;

    void onChange(@Observes ScorecardChange change) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            QuarkusTransaction.requiringNew().run(() -> write(List.of(change)));
            return;
        }
        @SuppressWarnings("unchecked")
        List<ScorecardChange> pending = (List<ScorecardChange>) transactions.getResource(PENDING);
        if (pending == null) {
            List<ScorecardChange> changes = new ArrayList<>();
            transactions.putResource(PENDING, changes);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        write(changes);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            pending = changes;
        }
        pending.add(change);
    }

    /**
     * Forgets the changes older than {@code nq57.stream.retention} (24 h by default) and remembers up to which number:
     * a client asking for those is told to reload.
     */
    @Scheduled(every = "${nq57.stream.prune-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void prune() {
        em.createNativeQuery("""
                        WITH gone AS (DELETE FROM scorecard_change WHERE at < now() - cast(?1 AS interval) RETURNING id)
                        UPDATE scorecard_change_retention
                        SET pruned_upto = greatest(pruned_upto, (SELECT coalesce(max(id), 0) FROM gone))""")
                .setParameter(1, retention.toSeconds() + " seconds").executeUpdate();
    }

    /**
     * JDBC on the transaction's connection (a handle opened and closed here: the session has already flushed when the
     * transaction completes, so the EntityManager is not used this late).
     */
    private void write(List<ScorecardChange> changes) {
        String array;
        try {
            array = json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scorecard change could not be written as JSON", e);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)");
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO scorecard_change (id, kind, body, at)
                     SELECT nextval('scorecard_change_seq'), ch ->> 'kind', ch, now()
                     FROM jsonb_array_elements(cast(? AS jsonb)) WITH ORDINALITY AS t(ch, n)
                     ORDER BY n""");
             PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, '')")) {
            lock.setLong(1, LOCK);
            lock.execute();
            insert.setString(1, array);
            insert.executeUpdate();
            notify.setString(1, CHANNEL);
            notify.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("the scorecard change log could not be written: " + e.getMessage(), e);
        }
    }
}
