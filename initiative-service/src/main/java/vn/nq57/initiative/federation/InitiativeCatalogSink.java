package vn.nq57.initiative.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.nq57.initiative.events.InitiativeEvents;
import vn.nq57.platform.federation.CatalogFeed;
import vn.nq57.platform.federation.Federation;
import vn.nq57.platform.outbox.Outbox;

/**
 * A ministry's side of the down direction: Systems, phases, agencies and the initiatives it leads or coordinates are
 * written as read-only replicas (origin = the item's origin). Agencies and initiatives are announced again on the
 * local {@code nq57.initiatives.v1} with the types and data this service emits for its own writes, so the
 * ministry's kpi-service and budget-service keep their replicas; the outbox does not forward them to central.
 * An initiative whose id or code this ministry already uses for one of its own is left as it is (logged).
 */
@ApplicationScoped
public class InitiativeCatalogSink implements CatalogFeed.Sink {

    private static final Logger LOG = Logger.getLogger(InitiativeCatalogSink.class);

    @Inject
    Federation federation;

    @Inject
    Replicas replicas;

    @Inject
    Outbox outbox;

    @Inject
    vn.nq57.initiative.obstacle.ObstacleService obstacles;

    @Override
    public void apply(CatalogFeed.Item item) {
        if (item.origin() == null || federation.instanceId().equals(item.origin())) {
            return;
        }
        String origin = federation.originColumn(item.origin());
        switch (item.kind()) {
            case InitiativeCatalogSource.SYSTEM -> replicas.upsertSystem(item.data(), origin);
            case InitiativeCatalogSource.PHASE -> replicas.upsertPhase(item.data(), origin);
            case InitiativeCatalogSource.AGENCY -> {
                boolean created = replicas.upsertAgency(item.data(), origin, item.version());
                announce(item, created ? InitiativeEvents.AGENCY_CREATED : InitiativeEvents.AGENCY_UPDATED);
            }
            case InitiativeCatalogSource.INITIATIVE -> initiative(item, origin);
            case InitiativeCatalogSource.OBSTACLE_ANSWER -> obstacles.answeredElsewhere(UUID.fromString(item.id()),
                    item.data().path("answer").asText(null), item.data().path("answeredBy").asText(null),
                    item.data().hasNonNull("answeredAt")
                            ? java.time.OffsetDateTime.parse(item.data().path("answeredAt").asText()) : null,
                    item.origin());
            default -> {
                // indicators are kpi-service's
            }
        }
    }

    private void initiative(CatalogFeed.Item item, String origin) {
        UUID id = UUID.fromString(item.id());
        Optional<Replicas.Owner> owner = replicas.owner("initiative", id);
        String code = item.data().path("code").asText();
        if (owner.isPresent() && federation.owns(owner.get().origin())) {
            LOG.warnf("Catalogue: initiative %s (%s) from %s left out: this instance owns a row with its id", code, id,
                    item.origin());
            return;
        }
        Optional<String> clash = replicas.codeClash(code, id);
        if (clash.isPresent()) {
            LOG.warnf("Catalogue: initiative %s (%s) from %s left out: %s", code, id, item.origin(), clash.get());
            return;
        }
        boolean created = replicas.upsertInitiative(item.data(), origin, item.version());
        announce(item, created ? InitiativeEvents.INITIATIVE_CREATED : InitiativeEvents.INITIATIVE_UPDATED);
    }

    private void announce(CatalogFeed.Item item, String type) {
        outbox.publish(InitiativeEvents.TOPIC, type, item.kind(), item.id(), item.version(), item.data(),
                item.origin());
    }
}
