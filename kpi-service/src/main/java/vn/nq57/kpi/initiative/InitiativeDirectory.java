package vn.nq57.kpi.initiative;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place kpi-service asks about initiatives (it does not own them). It reads the {@code initiative_replica}
 * table. Until that replica is filled from {@code nq57.initiatives.v1} (a later issue), an unknown id is accepted:
 * {@link #check(UUID)} is where the "must exist" rule will slot in.
 */
@ApplicationScoped
public class InitiativeDirectory {

    /** What an OPERATIONAL indicator may learn about its initiative; empty while the replica does not know it. */
    public Optional<InitiativeReplica> find(UUID initiativeId) {
        return initiativeId == null ? Optional.empty() : InitiativeReplica.findByIdOptional(initiativeId);
    }

    /**
     * Validates a reference from an indicator to an initiative. Accepts any UUID for now; once the replica is fed by
     * events this refuses an unknown id (422).
     */
    public Optional<InitiativeReplica> check(UUID initiativeId) {
        return find(initiativeId);
    }
}
