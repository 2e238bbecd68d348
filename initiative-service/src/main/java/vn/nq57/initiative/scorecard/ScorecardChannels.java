package vn.nq57.initiative.scorecard;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.nq57.platform.events.EventInbox;

/** Wires the topics of kpi-service and budget-service to the scorecard feed through the platform's inbox. */
@ApplicationScoped
public class ScorecardChannels {

    @Inject
    EventInbox inbox;

    @Inject
    ScorecardFeed feed;

    @Incoming("kpi-events")
    @Blocking(ordered = true)
    public void kpi(String payload) {
        inbox.receive(feed, payload);
    }

    @Incoming("budget-events")
    @Blocking(ordered = true)
    public void budget(String payload) {
        inbox.receive(feed, payload);
    }
}
