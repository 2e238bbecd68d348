package vn.nq57.kpi.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import vn.nq57.kpi.events.KpiEvents;
import vn.nq57.kpi.indicator.Indicator;
import vn.nq57.kpi.indicator.IndicatorService;
import vn.nq57.kpi.indicator.IndicatorViews.IndicatorView;
import vn.nq57.platform.agency.ReplicaAgencyHierarchy;
import vn.nq57.platform.federation.CatalogFeed;
import vn.nq57.platform.federation.Federation;
import vn.nq57.platform.outbox.Outbox;

/**
 * Indicators in the national catalogue (DESIGN.md §3 Federation). Central's {@link CatalogFeed.Source}: every indicator
 * changed after the cursor, in stamp order, as the API shows it (with its targets), leaving out those the asking
 * ministry owns and the OPERATIONAL indicators that do not concern its agencies (neither its owner, a reporting agency,
 * nor its initiative's lead agency is in the ministry's agency subtree). A ministry's {@link CatalogFeed.Sink}: upserts
 * the indicator read-only with the item's origin, re-evaluates it, and re-announces it on the local topic (the
 * scorecard of the ministry's initiative-service replicates indicators).
 */
@vn.nq57.platform.jdbc.Jdbc("the catalogue feed's page binds arrays and typed nulls (the ministry's agency subtree) "
        + "that a native query through Hibernate cannot")
@ApplicationScoped
public class IndicatorCatalog implements CatalogFeed.Source, CatalogFeed.Sink {

    public static final String KIND = "indicator";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Federation federation;

    @Inject
    ReplicaAgencyHierarchy agencies;

    @Inject
    IndicatorReplicas replicas;

    @Inject
    Outbox outbox;

    @Inject
    IndicatorService indicators;

    private static final Logger LOG = Logger.getLogger(IndicatorCatalog.class);

    /**
     * One changed row: its stamp; whether it is not the peer's own (never served back to its owner) and within the
     * peer's part of the catalogue; whether it is a tombstone; its code, origin and version (for what is served
     * without the row's data).
     */
    private record Change(UUID id, long seq, boolean notOwn, boolean inScope, boolean deleted, String code,
                          String origin, long version) {
    }

    @Override
    @Transactional
    public CatalogFeed.Page changes(long since, int limit, CatalogFeed.Peer peer) {
        // Long method: most of its length is its SQL.
        // a ministry gets the OPERATIONAL indicators of its agencies; a central admin reading the feed gets them all
        Set<String> scope = peer.instance() == null || peer.agency() == null ? null : agencies.subtree(peer.agency());
        List<Change> changes = new ArrayList<>();
        em.unwrap(Session.class).doWork(c -> {
            try (var ps = c.prepareStatement("""
                    SELECT i.id, i.change_seq, (?::text IS NULL OR i.origin IS DISTINCT FROM ?),
                           (i.tier = 'STRATEGIC' OR ?::text[] IS NULL OR i.owner_agency = ANY(?::text[])
                                OR jsonb_exists_any(i.reporting_agencies, ?::text[])
                                OR r.lead_agency_code = ANY(?::text[])),
                           false, i.code, i.origin, i.version
                    FROM indicator i LEFT JOIN initiative_replica r ON r.id = i.initiative_id
                    WHERE i.change_seq > ?
                    UNION ALL
                    SELECT t.id, t.change_seq, (?::text IS NULL OR t.origin IS DISTINCT FROM ?), true, true, t.code,
                           t.origin, t.version
                    FROM indicator_tombstone t WHERE t.change_seq > ?
                    ORDER BY 2 LIMIT ?""")) {
                var codes = scope == null ? null : c.createArrayOf("text", scope.toArray());
                ps.setString(1, peer.instance());
                ps.setString(2, peer.instance());
                ps.setArray(3, codes);
                ps.setArray(4, codes);
                ps.setArray(5, codes);
                ps.setArray(6, codes);
                ps.setLong(7, since);
                ps.setString(8, peer.instance());
                ps.setString(9, peer.instance());
                ps.setLong(10, since);
                ps.setInt(11, limit);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        changes.add(new Change(rs.getObject(1, UUID.class), rs.getLong(2), rs.getBoolean(3),
                                rs.getBoolean(4), rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getLong(8)));
                    }
                }
            }
        });
        List<UUID> served = changes.stream().filter(c -> c.notOwn() && c.inScope() && !c.deleted()).map(Change::id)
                .toList();
        Map<UUID, Indicator> rows = new HashMap<>();
        if (!served.isEmpty()) {
            em.createQuery("select distinct i from Indicator i left join fetch i.targets where i.id in :ids",
                    Indicator.class).setParameter("ids", served).getResultList().forEach(i -> rows.put(i.id, i));
        }
        List<CatalogFeed.Item> items = new ArrayList<>(changes.size());
        for (Change change : changes) {
            if (!change.notOwn()) {
                continue;
            }
            if (change.deleted() || !change.inScope()) {
                // a tombstone, or an indicator outside the peer's part of the catalogue (it may have been inside
                // before its agencies changed): id and code only, so that a peer holding a replica drops it
                items.add(new CatalogFeed.Item(KIND, change.id().toString(), change.version(), change.seq(),
                        federation.originOf(change.origin()), mapper.createObjectNode()
                        .put("id", change.id().toString()).put("code", change.code())
                        .put(change.deleted() ? "deleted" : "withdrawn", true)));
                continue;
            }
            Indicator i = rows.get(change.id());
            if (i != null) {
                items.add(new CatalogFeed.Item(KIND, i.id.toString(), i.version, change.seq(),
                        federation.originOf(i.origin), mapper.valueToTree(IndicatorView.of(i))));
            }
        }
        long next = changes.isEmpty() ? since : changes.get(changes.size() - 1).seq();
        return new CatalogFeed.Page(items, next, changes.size() == limit);
    }

    @Override
    public void apply(CatalogFeed.Item item) {
        String origin = federation.originColumn(item.origin());
        if (!KIND.equals(item.kind()) || origin == null) {
            return;
        }
        JsonNode data = item.data();
        UUID id = UUID.fromString(item.id());
        if (data.path("deleted").asBoolean(false) || data.path("withdrawn").asBoolean(false)) {
            forget(id, origin, item);
            return;
        }
        Optional<UUID> clash = replicas.codeTakenBy(data.path("code").asText(), id);
        if (clash.isPresent()) {
            throw new IllegalStateException("catalogue indicator " + data.path("code").asText() + " (" + id
                    + ") has the code of local indicator " + clash.get() + "; rename or remove the local one");
        }
        Optional<IndicatorReplicas.Current> before = replicas.upsert(data, origin);
        outbox.publish(KpiEvents.TOPIC, before.isPresent() ? KpiEvents.INDICATOR_UPDATED : KpiEvents.INDICATOR_CREATED,
                "indicator", id, item.version(), data, item.origin());
    }

    /**
     * A tombstone, or an indicator no longer in this ministry's part of the catalogue: removes its replica and
     * announces the deletion locally (the scorecard replicates indicators). A replica that holds values reported here
     * is kept (its values stay; a warning is logged): central deletes an indicator only while it has no values, so
     * they can only be this ministry's own, and they keep their indicator.
     */
    private void forget(UUID id, String origin, CatalogFeed.Item item) {
        Optional<IndicatorReplicas.Current> current = replicas.current(id);
        if (current.isEmpty() || !origin.equals(current.get().origin())) {
            return;
        }
        if (indicators.hasMeasurements(id)) {
            LOG.warnf("indicator %s was %s at %s but holds values here; its replica is kept", current.get().code(),
                    item.data().path("deleted").asBoolean(false) ? "deleted" : "withdrawn from this instance",
                    item.origin());
            return;
        }
        replicas.delete(id);
        outbox.publish(KpiEvents.TOPIC, KpiEvents.INDICATOR_DELETED, "indicator", id, item.version(), item.data(),
                item.origin());
    }
}
