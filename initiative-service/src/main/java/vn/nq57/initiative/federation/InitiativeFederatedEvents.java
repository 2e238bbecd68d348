package vn.nq57.initiative.federation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.nq57.initiative.events.InitiativeEvents;
import vn.nq57.initiative.scorecard.ScorecardFeed;
import vn.nq57.platform.events.CloudEvent;
import vn.nq57.platform.events.EventRefused;
import vn.nq57.platform.federation.FederatedEventHandler;
import vn.nq57.platform.federation.Federation;
import vn.nq57.platform.outbox.Outbox;

/**
 * Central's side of the up direction for initiative-service: a ministry's initiatives (created, updated,
 * status-changed, with their outputs and milestones), outputs (added, updated, delivered) and obstacles (filed,
 * answered, resolved, closed) are written with the ministry as their origin and announced again on central's
 * {@code nq57.initiatives.v1} (the same types and data), so central's kpi-service and budget-service replicas and
 * the scorecard include them (its live stream announces the change). A change to a row central or another ministry owns, an output of an initiative the
 * ministry does not own, an initiative code another instance already uses, or data that cannot be read are refused;
 * a reference to something central does not know yet (an agency, a System, the initiative of an output or obstacle)
 * waits (parked and retried).
 */
@ApplicationScoped
public class InitiativeFederatedEvents implements FederatedEventHandler {

    static final Set<String> INITIATIVE = Set.of(InitiativeEvents.INITIATIVE_CREATED,
            InitiativeEvents.INITIATIVE_UPDATED, InitiativeEvents.INITIATIVE_STATUS_CHANGED);
    static final Set<String> OUTPUT = Set.of(InitiativeEvents.OUTPUT_ADDED, InitiativeEvents.OUTPUT_UPDATED,
            InitiativeEvents.OUTPUT_DELIVERED);
    static final Set<String> OBSTACLE = Set.of(InitiativeEvents.OBSTACLE_FILED, InitiativeEvents.OBSTACLE_ANSWERED,
            InitiativeEvents.OBSTACLE_RESOLVED, InitiativeEvents.OBSTACLE_CLOSED);

    @Inject
    Replicas replicas;

    @Inject
    Federation federation;

    @Inject
    Outbox outbox;

    @Inject
    ScorecardFeed scorecard;

    @Override
    public boolean handles(String eventType) {
        return INITIATIVE.contains(eventType) || OUTPUT.contains(eventType) || OBSTACLE.contains(eventType);
    }

    @Override
    public void apply(CloudEvent event) {
        String origin = event.origininstance();
        JsonNode d = event.data();
        if (d == null || !d.isObject()) {
            throw new EventRefused("event " + event.id() + " carries no data");
        }
        String aggregateType;
        try {
            if (INITIATIVE.contains(event.type())) {
                aggregateType = "initiative";
                initiative(d, origin, event.aggregateversion());
            } else if (OUTPUT.contains(event.type())) {
                aggregateType = "output";
                output(d, origin);
            } else {
                aggregateType = "obstacle";
                UUID id = UUID.fromString(d.path("id").asText());
                requireOwnedBy(replicas.owner("obstacle", id), origin, "obstacle " + id);
                replicas.upsertObstacle(d, origin, event.aggregateversion());
            }
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            throw new EventRefused("event " + event.id() + " (" + event.type() + ") has data that cannot be read: "
                    + e.getMessage());
        }
        outbox.publish(InitiativeEvents.TOPIC, event.type(), aggregateType, event.subject(), event.aggregateversion(),
                d, origin);
        UUID initiative = UUID.fromString(d.path(aggregateType.equals("initiative") ? "id" : "initiativeId").asText());
        scorecard.replicaChanged(aggregateType, initiative, event.type() + " from " + origin, d);
    }

    private void initiative(JsonNode d, String origin, long version) {
        UUID id = UUID.fromString(d.path("id").asText());
        String code = d.path("code").asText();
        requireOwnedBy(replicas.owner("initiative", id), origin, "initiative " + code);
        Optional<String> clash = replicas.codeClash(code, id);
        if (clash.isPresent()) {
            throw new EventRefused(clash.get() + "; instance '" + origin + "' must choose another code");
        }
        replicas.upsertInitiative(d, origin, version);
        // after the upsert, which parks an initiative led by an agency not known here yet; a refusal rolls it back
        federation.requireWithinSender(origin, List.of(d.path("leadAgencyCode").asText()));
    }

    private void output(JsonNode d, String origin) {
        UUID id = UUID.fromString(d.path("id").asText());
        UUID initiative = UUID.fromString(d.path("initiativeId").asText());
        Optional<Replicas.Owner> owner = replicas.owner("initiative", initiative);
        if (owner.isEmpty()) {
            throw new IllegalStateException("output " + id + " is of initiative " + initiative
                    + ", which is not known here yet");
        }
        requireOwnedBy(owner, origin, "initiative " + initiative + " (of output " + id + ")");
        requireOwnedBy(replicas.owner("initiative_output", id), origin, "output " + id);
        replicas.upsertOutput(d, initiative, origin, null);
    }

    /** Refuses a change to a row that exists here and is owned by central (null) or another instance. */
    private static void requireOwnedBy(Optional<Replicas.Owner> row, String origin, String what) {
        if (row.isPresent() && !origin.equals(row.get().origin())) {
            String owner = row.get().origin() == null ? "this central instance" : "instance '" + row.get().origin() + "'";
            throw new EventRefused(what + " is owned by " + owner + "; instance '" + origin + "' cannot change it");
        }
    }
}
