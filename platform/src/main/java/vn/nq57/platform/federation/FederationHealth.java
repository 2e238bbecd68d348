package vn.nq57.platform.federation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nq57.platform.events.EventInbox;

/** The federation health of this instance: a ministry's forwarder and catalogue pull, central's view per ministry. */
@ApplicationScoped
public class FederationHealth {

    @Inject
    Federation federation;

    @Inject
    FederationConfig config;

    @Inject
    FederationState state;

    @Inject
    FederationForwarder forwarder;

    @Inject
    CatalogPuller puller;

    @Inject
    EventInbox inbox;

    @Inject
    EntityManager em;

    /** The whole answer of {@code GET /api/v1/federation/health}. */
    @Schema(name = "FederationHealth", description = "An instance's federation state: its role, forwarder and catalogue pull (ministry) or its ministries (central)")
    public record View(String instance, String role, String centralUrl, boolean configured, Forwarder forwarder,
                       Catalogue catalogue, List<Origin> origins, long parkedAtCentral) {
    }

    /** A ministry's forwarder: events waiting for central and since when, the cursor, failures and why. */
    @Schema(name = "FederationForwarderHealth", description = "A ministry's forwarder: backlog, lag, cursor, last success and error")
    public record Forwarder(long pendingEvents, long lagSeconds, long cursor, OffsetDateTime lastSuccessAt,
                            OffsetDateTime lastAttemptAt, int consecutiveFailures, String lastError,
                            OffsetDateTime lastErrorAt, long forwarded, long rejected) {
    }

    /** A ministry's catalogue pull. */
    @Schema(name = "FederationCatalogueHealth", description = "A ministry's catalogue pull: cursor, last sync, last error")
    public record Catalogue(boolean active, long cursor, OffsetDateTime lastSyncAt, long lagSeconds,
                            int consecutiveFailures, String lastError, OffsetDateTime lastErrorAt, long applied) {
    }

    /** Central's view of one ministry. */
    @Schema(name = "FederationOriginHealth", description = "What central received from one ministry")
    public record Origin(String origin, OffsetDateTime firstReceivedAt, OffsetDateTime lastReceivedAt,
                         OffsetDateTime lastEventTime, Long lastLagMs, Long pendingAtOrigin, long received,
                         long applied, long duplicates, long superseded, long ignored, long parkedNow,
                         long rejected, String lastRejection, OffsetDateTime lastRejectionAt) {
    }

    public View view() {
        Forwarder fwd = null;
        Catalogue cat = null;
        if (federation.isMinistry()) {
            long[] lag = forwarder.lag();
            FederationState.State f = state.read(FederationState.FORWARDER);
            fwd = new Forwarder(lag[0], lag[1], f.position(), f.lastSuccessAt(), f.lastAttemptAt(),
                    f.consecutiveFailures(), f.lastError(), f.lastErrorAt(), f.total(), f.rejected());
            FederationState.State c = state.read(FederationState.CATALOGUE);
            long catalogueLag = c.lastSuccessAt() == null ? -1
                    : java.time.Duration.between(c.lastSuccessAt(), OffsetDateTime.now()).toSeconds();
            cat = new Catalogue(puller.active(), c.position(), c.lastSuccessAt(), catalogueLag,
                    c.consecutiveFailures(), c.lastError(), c.lastErrorAt(), c.total());
        }
        return new View(federation.instanceId(), federation.isMinistry() ? Federation.MINISTRY : Federation.CENTRAL,
                config.centralUrl().orElse(null), federation.isMinistry() && forwarderConfigured(), fwd, cat, origins(),
                inbox.parked(FederationReceiver.CONSUMER));
    }

    private boolean forwarderConfigured() {
        return config.centralUrl().isPresent() && config.tokenUrl().isPresent() && config.clientId().isPresent();
    }

    @SuppressWarnings("unchecked")
    private List<Origin> origins() {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) em.createNativeQuery("""
                SELECT o.origin, o.first_received_at, o.last_received_at, o.last_event_time, o.last_lag_ms,
                       o.pending_at_origin, o.received, o.applied, o.duplicates, o.superseded, o.ignored,
                       (SELECT count(*) FROM parked_event p WHERE p.consumer = 'federation'
                            AND p.aggregate_key LIKE o.origin || '/%'),
                       o.rejected, o.last_rejection, o.last_rejection_at
                FROM federation_origin o ORDER BY o.origin""").getResultList()).stream()
                .map(r -> new Origin((String) r[0], time(r[1]), time(r[2]), time(r[3]), number(r[4]), number(r[5]),
                        number(r[6]), number(r[7]), number(r[8]), number(r[9]), number(r[10]), number(r[11]),
                        number(r[12]), (String) r[13], time(r[14])))
                .toList());
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static OffsetDateTime time(Object value) {
        return FederationState.time(value);
    }
}
