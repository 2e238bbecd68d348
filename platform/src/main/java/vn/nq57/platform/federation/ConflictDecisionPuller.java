package vn.nq57.platform.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * (ministry) Central's decisions about this instance's refused writes flow back: while conflicts are open here, the
 * decisions central took since the last one seen are pulled (with the federation token, confined to this instance)
 * and each still-open conflict is resolved as central decided, with its reason. Runs at the catalogue's interval.
 */
@ApplicationScoped
public class ConflictDecisionPuller {

    static final String STATE = "decisions";
    private static final Logger LOG = Logger.getLogger(ConflictDecisionPuller.class);

    @Inject
    Federation federation;

    @Inject
    CentralClient central;

    @Inject
    FederationState state;

    @Inject
    FederationConflicts conflicts;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Scheduled(every = "${nq57.federation.catalog-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (!federation.isMinistry() || !central.configured()) {
            return;
        }
        try {
            pull();
        } catch (RuntimeException e) {
            LOG.warnf("Pulling central's decisions failed (retried at the next round): %s", e.getMessage());
        }
    }

    /** Pulls and applies central's new decisions; answers how many conflicts it resolved here. */
    @ActivateRequestContext
    public int pull() {
        boolean open = QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                        "SELECT 1 FROM federation_conflict WHERE origin = ?1 AND resolved_at IS NULL LIMIT 1")
                .setParameter(1, federation.instanceId()).getResultList().isEmpty());
        if (!open) {
            return 0;
        }
        int resolved = 0;
        long after = QuarkusTransaction.requiringNew().call(() -> state.read(STATE).position());
        while (true) {
            JsonNode page;
            try {
                long from = after;
                page = central.call("reading conflict decisions", api -> api.conflictDecisions(from, 200));
            } catch (RuntimeException e) {
                state.failed(STATE, e.getMessage());
                throw e;
            }
            if (!page.isArray() || page.isEmpty()) {
                return resolved;
            }
            long cursor = after;
            int applied = 0;
            for (JsonNode d : page) {
                FederationConflicts.View decision = mapper.convertValue(d, FederationConflicts.View.class);
                if (decision.resolvedAt() != null) {
                    cursor = Math.max(cursor, decision.resolvedAt().toInstant().toEpochMilli());
                }
                if (QuarkusTransaction.requiringNew().call(() -> conflicts.decidedByCentral(decision))) {
                    applied++;
                }
            }
            long next = cursor;
            int count = applied;
            QuarkusTransaction.requiringNew().run(() -> state.succeeded(STATE, next, count, 0));
            resolved += applied;
            if (next <= after || page.size() < 200) {
                return resolved;
            }
            after = next;
        }
    }
}
