package vn.nq57.platform.agency;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import vn.nq57.platform.events.CloudEvent;

/**
 * Keeps {@code agency_replica} current from initiative-service's agency events ({@code nq57.agency.created.v1},
 * {@code nq57.agency.updated.v1}); an older version than the one held is skipped.
 */
@ApplicationScoped
public class AgencyReplicaUpdater {

    public static final String CREATED = "nq57.agency.created.v1";
    public static final String UPDATED = "nq57.agency.updated.v1";

    public static boolean handles(CloudEvent event) {
        return CREATED.equals(event.type()) || UPDATED.equals(event.type());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        JsonNode d = event.data();
        String code = d.get("code").asText().toUpperCase();
        AgencyReplica replica = AgencyReplica.findById(code);
        if (replica != null && replica.version > event.aggregateversion()) {
            return;
        }
        if (replica == null) {
            replica = new AgencyReplica();
            replica.code = code;
        }
        replica.id = java.util.UUID.fromString(d.get("id").asText());
        replica.nameVi = d.path("nameVi").asText(null);
        replica.nameEn = d.path("nameEn").isNull() ? null : d.path("nameEn").asText(null);
        replica.level = d.path("level").asText();
        replica.parentCode = d.path("parentCode").isNull() ? null : d.path("parentCode").asText(null);
        replica.version = event.aggregateversion();
        replica.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        replica.persist();
    }
}
