package vn.nq57.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import java.util.Set;
import vn.nq57.platform.agency.AgencyReplicaUpdater;
import vn.nq57.platform.federation.Federation;

/**
 * The consumer of initiative-service's topic ({@code nq57.initiatives.v1}) in a service that replicates initiatives:
 * agency events keep the platform's agency replica (and so the scopes) current, initiative events go to
 * {@link #applyInitiative}; other events of the topic (outputs, obstacles) are ignored. A subclass wires its
 * {@code @Incoming} channel to {@link EventInbox#receive(EventConsumer, String)}.
 */
public abstract class InitiativeTopicConsumer implements EventConsumer {

    /** The initiative events that carry an initiative's replicated facts (id, code, system, lead agency, status, key). */
    public static final Set<String> INITIATIVE_EVENTS = Set.of("nq57.initiative.created.v1",
            "nq57.initiative.updated.v1", "nq57.initiative.status-changed.v1");

    @Inject
    protected EventInbox inbox;

    @Inject
    AgencyReplicaUpdater agencies;

    @Inject
    Federation federation;

    @Override
    public void apply(CloudEvent event) {
        if (AgencyReplicaUpdater.handles(event)) {
            agencies.apply(event);
        } else if (INITIATIVE_EVENTS.contains(event.type())) {
            applyInitiative(event.data(), event.aggregateversion(), federation.originColumn(event.origininstance()));
        }
    }

    /**
     * Applies an initiative's facts at {@code version}; skip it when the replica holds a newer version. {@code origin}
     * is the owning instance as an origin column holds it: null for this instance's own initiatives (and for events
     * without an origin), else the ministry instance that owns it.
     */
    protected abstract void applyInitiative(JsonNode data, long version, String origin);
}
