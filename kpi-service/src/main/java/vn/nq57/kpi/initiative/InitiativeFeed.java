package vn.nq57.kpi.initiative;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.nq57.platform.events.InitiativeTopicConsumer;

/**
 * Takes in initiative-service's events ({@code nq57.initiatives.v1}) through the platform's inbox: agency events keep
 * the agency replica (scope), initiative events the initiative replica that OPERATIONAL indicators point at.
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
        return "kpi-service-initiatives";
    }

    @Override
    protected void applyInitiative(JsonNode data, long version, String origin) {
        initiatives.apply(data, version, origin);
    }
}
