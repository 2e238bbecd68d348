package vn.nq57.initiative.federation;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.nq57.initiative.agency.Agency;
import vn.nq57.initiative.agency.AgencyTree;
import vn.nq57.initiative.agency.AgencyViews.AgencyView;
import vn.nq57.initiative.catalogue.CatalogueViews.PhaseView;
import vn.nq57.initiative.catalogue.CatalogueViews.SystemView;
import vn.nq57.initiative.catalogue.PlanPhase;
import vn.nq57.initiative.catalogue.PlanSystem;
import vn.nq57.initiative.plan.Initiative;
import vn.nq57.initiative.plan.InitiativeViews.InitiativeEventData;
import vn.nq57.platform.federation.CatalogFeed;
import vn.nq57.platform.federation.Federation;
import vn.nq57.platform.period.Period;

/**
 * Central's catalogue of initiative-service, in change-stamp order: Systems, phases, agencies (all of them) and the
 * initiatives the asking ministry leads or coordinates (lead or a coordinating agency within the subtree of the
 * token's agency), each with its full state (the data of this service's own events: {@code SystemView},
 * {@code PhaseView}, {@code AgencyView}, {@code InitiativeEventData}). Rows the asking ministry owns are left out; a
 * central admin (no instance) gets everything. A page scans at most {@code limit} changes, so {@code next} moves
 * past what was left out and {@code more} says whether the scan was cut short.
 */
@ApplicationScoped
public class InitiativeCatalogSource implements CatalogFeed.Source {

    public static final String SYSTEM = "system";
    public static final String PHASE = "phase";
    public static final String AGENCY = "agency";
    public static final String INITIATIVE = "initiative";
    /** An answer this instance gave to an obstacle the asking ministry owns (the asked agency is here). */
    public static final String OBSTACLE_ANSWER = "obstacle-answer";

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    Federation federation;

    @Inject
    AgencyTree tree;

    @Inject
    ObjectMapper mapper;

    private record Change(String kind, String id, long seq, String origin) {
    }

    @Override
    @Transactional
    public CatalogFeed.Page changes(long since, int limit, CatalogFeed.Peer peer) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT kind, id, seq, origin FROM (
                            SELECT 'system' AS kind, code AS id, change_seq AS seq, origin FROM plan_system WHERE change_seq > ?1
                            UNION ALL SELECT 'phase', code, change_seq, origin FROM plan_phase WHERE change_seq > ?1
                            UNION ALL SELECT 'agency', CAST(id AS text), change_seq, origin FROM agency WHERE change_seq > ?1
                            UNION ALL SELECT 'initiative', CAST(id AS text), change_seq, origin FROM initiative
                                WHERE change_seq > ?1
                            UNION ALL SELECT 'obstacle-answer', CAST(id AS text), change_seq, origin FROM obstacle
                                WHERE change_seq > ?1 AND answer_origin IS NOT NULL) c
                        ORDER BY seq LIMIT ?2""")
                .setParameter(1, since).setParameter(2, limit).getResultList();
        List<Change> scanned = rows.stream().map(r -> new Change((String) r[0], (String) r[1],
                ((Number) r[2]).longValue(), (String) r[3])).toList();
        String asking = peer == null ? null : peer.instance();
        List<Change> kept = scanned.stream().filter(c -> c.kind().equals(OBSTACLE_ANSWER)
                ? asking != null && asking.equals(c.origin())
                : asking == null || !asking.equals(c.origin())).toList();
        Map<String, Object> data = new HashMap<>();
        data.putAll(systems(ids(kept, SYSTEM)));
        data.putAll(phases(ids(kept, PHASE)));
        data.putAll(agencies(ids(kept, AGENCY)));
        data.putAll(initiatives(ids(kept, INITIATIVE), asking, peer == null ? null : peer.agency()));
        data.putAll(answers(ids(kept, OBSTACLE_ANSWER)));
        List<CatalogFeed.Item> items = new ArrayList<>();
        for (Change c : kept) {
            Object d = data.get(c.kind() + ":" + c.id());
            if (d != null) {
                String origin = c.kind().equals(OBSTACLE_ANSWER) ? federation.instanceId()
                        : federation.originOf(c.origin());
                items.add(new CatalogFeed.Item(c.kind(), c.id(), version(d), c.seq(), origin, mapper.valueToTree(d)));
            }
        }
        long next = scanned.isEmpty() ? since : scanned.get(scanned.size() - 1).seq();
        return new CatalogFeed.Page(items, next, scanned.size() == limit);
    }

    private static List<String> ids(List<Change> changes, String kind) {
        return changes.stream().filter(c -> c.kind().equals(kind)).map(Change::id).toList();
    }

    private Map<String, Object> systems(List<String> codes) {
        return codes.isEmpty() ? Map.of() : PlanSystem.<PlanSystem>list("code in ?1", codes).stream()
                .collect(Collectors.toMap(s -> SYSTEM + ":" + s.code, s -> SystemView.of(s, federation.originOf(s.origin))));
    }

    private Map<String, Object> phases(List<String> codes) {
        return codes.isEmpty() ? Map.of() : PlanPhase.<PlanPhase>list("code in ?1", codes).stream()
                .collect(Collectors.toMap(p -> PHASE + ":" + p.code, p -> PhaseView.of(p, federation.originOf(p.origin))));
    }

    private Map<String, Object> agencies(List<String> ids) {
        return ids.isEmpty() ? Map.of() : Agency.<Agency>list("from Agency a left join fetch a.parent where a.id in ?1",
                        uuids(ids)).stream()
                .collect(Collectors.toMap(a -> AGENCY + ":" + a.id, AgencyView::of));
    }

    /**
     * The initiatives among {@code ids} a ministry asking ({@code instance}) for {@code agency} leads or coordinates
     * (lead or a coordinating agency within the agency's subtree); all of them when no instance asks.
     */
    private Map<String, Object> initiatives(List<String> ids, String instance, String agency) {
        if (ids.isEmpty() || (instance != null && agency == null)) {
            return Map.of();
        }
        List<Initiative> found = instance == null
                ? Initiative.<Initiative>list("from Initiative i join fetch i.leadAgency where i.id in ?1", uuids(ids))
                : Initiative.<Initiative>list("from Initiative i join fetch i.leadAgency where i.id in ?1 and "
                        + "(i.leadAgency.code in ?2 or exists (select 1 from Initiative j join j.coordinators c "
                        + "where j = i and c.code in ?2))", uuids(ids), tree.subtree(agency));
        LocalDate today = Period.today(clock);
        return found.stream().collect(Collectors.toMap(i -> INITIATIVE + ":" + i.id,
                i -> InitiativeEventData.of(i, today)));
    }

    /** The answers this instance wrote on other instances' obstacles. */
    private Map<String, Object> answers(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, answer, answered_by, answered_at, answer_origin "
                + "FROM obstacle WHERE id IN (:ids) AND answer IS NOT NULL").setParameter("ids", uuids(ids))
                .getResultList();
        Map<String, Object> out = new HashMap<>();
        for (Object[] r : rows) {
            Map<String, Object> d = new HashMap<>();
            d.put("id", r[0].toString());
            d.put("answer", r[1]);
            d.put("answeredBy", r[2]);
            d.put("answeredAt", r[3] == null ? null : r[3].toString());
            d.put("answeredByInstance", r[4]);
            out.put(OBSTACLE_ANSWER + ":" + r[0], d);
        }
        return out;
    }

    private static List<UUID> uuids(List<String> ids) {
        return ids.stream().map(UUID::fromString).toList();
    }

    private static long version(Object data) {
        if (data instanceof AgencyView a) {
            return a.version();
        }
        return data instanceof InitiativeEventData i ? i.version() : 0;
    }
}
