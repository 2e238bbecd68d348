package vn.nq57.budget.initiative;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.nq57.platform.agency.AgencyReplicaUpdater;
import vn.nq57.platform.events.CloudEvent;
import vn.nq57.platform.events.EventConsumer;
import vn.nq57.platform.events.EventInbox;

/**
 * Takes in initiative-service's events ({@code nq57.initiatives.v1}) through the platform's inbox (each event once,
 * parked and retried when it cannot be applied): agency events keep the agency replica (scope), initiative events the
 * initiative replica (System, lead agency, status, key flag). Other events on the topic are ignored.
 */
@ApplicationScoped
public class InitiativeFeed implements EventConsumer {

    static final Set<String> INITIATIVE_EVENTS = Set.of("nq57.initiative.created.v1", "nq57.initiative.updated.v1",
            "nq57.initiative.status-changed.v1");

    @Inject
    EventInbox inbox;

    @Inject
    AgencyReplicaUpdater agencies;

    @Inject
    InitiativeDirectory initiatives;

    @Incoming("initiative-events")
    @Blocking(ordered = true)
    public void receive(String payload) {
        inbox.receive(this, payload);
    }

    @Override
    public String name() {
        return "budget-service-initiatives";
    }

    @Override
    public void apply(CloudEvent event) {
        if (AgencyReplicaUpdater.handles(event)) {
            agencies.apply(event);
        } else if (INITIATIVE_EVENTS.contains(event.type())) {
            initiatives.applyEvent(event.data(), event.aggregateversion());
        }
    }
}
