package vn.nq57.budget.initiative;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.nq57.platform.events.InitiativeTopicConsumer;

/**
 * Takes in initiative-service's events ({@code nq57.initiatives.v1}) through the platform's inbox (each event once,
 * parked and retried when it cannot be applied): agency events keep the agency replica (scope), initiative events the
 * initiative replica (System, lead agency, status, key flag). Other events on the topic are ignored.
 */
@ApplicationScoped
public class InitiativeFeed extends InitiativeTopicConsumer {

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
    protected void applyInitiative(JsonNode data, long version, String origin) {
        initiatives.applyEvent(data, version); // the replica does not keep the owner: allocations carry their own origin
    }
}
