package vn.nq57.kpi.initiative;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import vn.nq57.platform.error.ApiException;

/**
 * The one place kpi-service asks about initiatives (it does not own them): the {@code initiative_replica} table, fed
 * from initiative-service's {@code nq57.initiatives.v1} events by {@link InitiativeFeed}. An indicator may only name
 * an initiative the replica knows and that is not cancelled.
 */
@ApplicationScoped
public class InitiativeDirectory {

    @Inject
    EntityManager em;

    /** What an OPERATIONAL indicator may learn about its initiative; empty while the replica does not know it. */
    public Optional<InitiativeReplica> find(UUID initiativeId) {
        return initiativeId == null ? Optional.empty() : InitiativeReplica.findByIdOptional(initiativeId);
    }

    /** Validates a reference from an indicator to an initiative: unknown or cancelled is 422 naming the field. */
    public Optional<InitiativeReplica> check(UUID initiativeId) {
        InitiativeReplica known = find(initiativeId).orElseThrow(() -> ApiException.unprocessable("initiative "
                + initiativeId + " is not known here (initiative-service publishes each initiative; a new one arrives "
                + "within seconds)").with("field", "initiativeId"));
        if ("CANCELLED".equals(known.status)) {
            throw ApiException.unprocessable("initiative " + known.code + " is cancelled; no new indicators for it")
                    .with("field", "initiativeId");
        }
        return Optional.of(known);
    }

    /**
     * Applies an initiative event's facts; an event older than the one applied last is skipped. {@code origin} is the
     * instance that owns the initiative (null for this instance's own, as in every origin column).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(JsonNode d, long version, String origin) {
        UUID id = UUID.fromString(d.get("id").asText());
        InitiativeReplica r = em.find(InitiativeReplica.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r != null && r.version > version) {
            return;
        }
        if (r == null) {
            r = new InitiativeReplica();
            r.id = id;
        }
        r.code = upper(d.path("code").asText(r.code));
        r.systemCode = upper(d.path("system").asText(r.systemCode));
        r.titleVi = d.path("titleVi").asText(r.titleVi == null ? "" : r.titleVi);
        r.leadAgencyCode = upper(d.path("leadAgencyCode").asText(r.leadAgencyCode));
        r.status = d.hasNonNull("status") ? upper(d.get("status").asText()) : r.status;
        r.key = d.path("key").asBoolean(r.key);
        r.version = version;
        r.origin = origin;
        r.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        r.persist();
    }

    private static String upper(String s) {
        return s == null ? null : s.trim().toUpperCase(Locale.ROOT);
    }
}
