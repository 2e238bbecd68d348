package vn.nq57.initiative.scorecard;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.nq57.platform.events.EventInbox;

/**
 * Wires the topics of kpi-service and budget-service to the scorecard feed through the platform's inbox, a poll's
 * records at a time ({@code batch=true}): a catch-up of thousands of events commits once per poll, not once per event.
 */
@ApplicationScoped
public class ScorecardChannels {

    @Inject
    EventInbox inbox;

    @Inject
    ScorecardFeed feed;

    /** The events of one poll, applied together (one transaction) unless one of them needs to go alone. */
    @Incoming("kpi-events")
    @Blocking(ordered = true)
    public void kpi(List<String> payloads) {
        inbox.receiveAll(feed, payloads);
    }

    @Incoming("budget-events")
    @Blocking(ordered = true)
    public void budget(List<String> payloads) {
        inbox.receiveAll(feed, payloads);
    }
}
