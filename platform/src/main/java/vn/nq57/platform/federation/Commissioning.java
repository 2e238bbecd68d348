package vn.nq57.platform.federation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nq57.platform.audit.AuditTrail;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.error.ProblemTypes;
import vn.nq57.platform.security.AgencyHierarchy;
import vn.nq57.platform.security.Caller;

/**
 * Central's side of the federation lifecycle (issue #20). A central admin commissions a ministry instance for an
 * agency: in one transaction every row central owns for that agency and the agencies below it becomes the
 * ministry's ({@code origin}), so central refuses writes for them from that moment (409 {@code read-only-replica},
 * also for new records of those agencies), and the ministry's instance pulls its rows and reports when it holds them
 * ({@code COMMISSIONING} → {@code FEDERATED}). Retiring gives every row the ministry owns back to central and refuses
 * the instance's events from then on. Each step is audited.
 */
@ApplicationScoped
public class Commissioning {

    /** Takes writes for agencies of commissioned ministries (shared) and the switch (exclusive) in turn. */
    static final long LOCK_KEY = 5_757_020L;

    @Schema(name = "FederatedInstanceState", description = "Where a ministry instance stands at central")
    public enum State { NOT_FEDERATED, COMMISSIONING, FEDERATED, RETIRED }

    @Schema(name = "FederatedInstance", description = "A ministry instance as central sees it, in this service")
    public record View(String instance, String agency, State state, OffsetDateTime since,
                       @Schema(description = "Who started the commissioning") String startedBy,
                       OffsetDateTime startedAt,
                       @Schema(description = "Rows per kind that became the ministry's when it was commissioned")
                       Map<String, Integer> switched,
                       @Schema(description = "When the ministry reported it holds its rows") OffsetDateTime completedAt,
                       @Schema(description = "Rows per kind the ministry reported it wrote")
                       Map<String, Long> transferred,
                       @Schema(description = "Rows per kind the ministry owns here now") Map<String, Long> owned,
                       OffsetDateTime retiredAt, String retiredBy,
                       @Schema(description = "Rows per kind that became central's again at retirement")
                       Map<String, Integer> returned,
                       @Schema(description = "The kinds of rows the ministry pulls, in order") List<String> kinds) {
    }

    @Schema(name = "CommissionRequest", description = "The agency a ministry instance reports for")
    public record Request(@jakarta.validation.constraints.NotBlank
                          @jakarta.validation.constraints.Size(max = 50)
                          @Schema(example = "BKHCN") String agency) {
    }

    @Schema(name = "HandoverReport", description = "What a ministry instance wrote of its rows")
    public record Report(@Schema(description = "When the commissioning started (its startedAt, as central gave it)")
                         @jakarta.validation.constraints.NotNull OffsetDateTime startedAt,
                         @jakarta.validation.constraints.NotNull Map<String, Long> written) {
    }

    @Inject
    EntityManager em;

    @Inject
    HandoverRows rows;

    @Inject
    Federation federation;

    @Inject
    AgencyHierarchy hierarchy;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper mapper;

    /** Every ministry instance central commissioned or retired. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<View> list() {
        List<String> ids = em.createNativeQuery("SELECT instance FROM federation_instance ORDER BY instance")
                .getResultList();
        List<View> views = new ArrayList<>();
        for (String id : ids) {
            views.add(view(id));
        }
        return views;
    }

    /** One instance; NOT_FEDERATED when central never commissioned it. */
    @Transactional
    public View view(String instance) {
        List<?> found = em.createNativeQuery("""
                        SELECT agency, state, since, started_by, started_at, switched, completed_at, transferred,
                               retired_at, retired_by, returned
                        FROM federation_instance WHERE instance = ?1""").setParameter(1, instance).getResultList();
        List<String> kinds = rows.kinds().stream().map(Handover.Kind::name).toList();
        if (found.isEmpty()) {
            return new View(instance, null, State.NOT_FEDERATED, null, null, null, Map.of(), null, Map.of(),
                    rows.counts(instance), null, null, Map.of(), kinds);
        }
        Object[] r = (Object[]) found.get(0);
        return new View(instance, (String) r[0], State.valueOf((String) r[1]), FederationState.time(r[2]), (String) r[3], FederationState.time(r[4]),
                json(r[5], new TypeReference<Map<String, Integer>>() { }), FederationState.time(r[6]),
                json(r[7], new TypeReference<Map<String, Long>>() { }), rows.counts(instance), FederationState.time(r[8]),
                (String) r[9], json(r[10], new TypeReference<Map<String, Integer>>() { }), kinds);
    }

    /**
     * Makes the rows of {@code agency}'s subtree that central owns the ministry's and marks the instance
     * COMMISSIONING. Again for an instance that is commissioning or federated: the rows of the subtree central still
     * owns (none, unless some were written in between) move too, and the ministry pulls again.
     */
    @Transactional
    public View commission(String instance, Request request) {
        requireCentral();
        String agency = request.agency().trim().toUpperCase(Locale.ROOT);
        if (instance.equals(federation.instanceId()) || Federation.CENTRAL.equals(instance)) {
            throw ApiException.badRequest("instance", "name a ministry instance, not central");
        }
        Set<String> subtree = hierarchy.subtree(agency);
        if (subtree.isEmpty()) {
            throw ApiException.badRequest("agency", "no agency " + agency + " is known here");
        }
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY).getSingleResult();
        View before = view(instance);
        for (View other : list()) {
            if (!other.instance().equals(instance) && other.state() != State.RETIRED
                    && (subtree.contains(other.agency()) || hierarchy.isWithin(agency, other.agency()))) {
                throw ApiException.conflict("agency " + agency + " overlaps " + other.agency() + ", which instance '"
                        + other.instance() + "' reports for");
            }
        }
        if (before.state() != State.NOT_FEDERATED && before.state() != State.RETIRED
                && !agency.equals(before.agency())) {
            throw ApiException.conflict("instance '" + instance + "' reports for " + before.agency()
                    + "; retire it before commissioning it for " + agency);
        }
        Map<String, Integer> switched = rows.switchOwner(instance, List.copyOf(subtree));
        em.createNativeQuery("""
                        INSERT INTO federation_instance (instance, agency, state, since, started_at, started_by, switched)
                        VALUES (?1, ?2, 'COMMISSIONING', now(), now(), ?3, ?4)
                        ON CONFLICT (instance) DO UPDATE SET agency = excluded.agency, state = 'COMMISSIONING',
                            since = now(), started_at = now(), started_by = excluded.started_by,
                            switched = excluded.switched, completed_at = NULL, transferred = NULL,
                            retired_at = NULL, retired_by = NULL, returned = NULL""")
                .setParameter(1, instance).setParameter(2, agency).setParameter(3, caller.subject())
                .setParameter(4, write(switched)).executeUpdate();
        // the origin agency the receiver confines the instance to is the one commissioned
        em.createNativeQuery("""
                        INSERT INTO federation_origin (origin, agency) VALUES (?1, ?2)
                        ON CONFLICT (origin) DO UPDATE SET agency = excluded.agency""")
                .setParameter(1, instance).setParameter(2, agency).executeUpdate();
        View after = view(instance);
        audit.record("federation.commissioned", "instance", instance, before, after);
        return after;
    }

    /** The ministry reports it holds its rows: COMMISSIONING → FEDERATED (a report for an older run is ignored). */
    @Transactional
    public View report(String instance, Report report) {
        requireCentral();
        View before = view(instance);
        if (before.state() == State.NOT_FEDERATED || before.state() == State.RETIRED) {
            throw ApiException.conflict("instance '" + instance + "' is " + before.state() + " here");
        }
        int n = em.createNativeQuery("""
                        UPDATE federation_instance SET state = 'FEDERATED', completed_at = now(), transferred = ?2,
                            since = CASE WHEN state = 'COMMISSIONING' THEN now() ELSE since END
                        WHERE instance = ?1 AND started_at = ?3""")
                .setParameter(1, instance).setParameter(2, write(report.written()))
                .setParameter(3, report.startedAt()).executeUpdate();
        if (n == 0) {
            throw ApiException.conflict("the commissioning of '" + instance + "' started at " + before.startedAt()
                    + ", not " + report.startedAt() + "; pull again");
        }
        View after = view(instance);
        audit.record("federation.handover.completed", "instance", instance, before, after);
        return after;
    }

    /**
     * Retires a ministry instance: every row it owns here is central's own again (writable here), its events are
     * refused from now on. Refused while the instance reported events it has not sent yet, unless {@code force}.
     */
    @Transactional
    public View retire(String instance, boolean force) {
        requireCentral();
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY).getSingleResult();
        View before = view(instance);
        if (before.state() == State.RETIRED) {
            return before;
        }
        List<?> pending = em.createNativeQuery("SELECT pending_at_origin FROM federation_origin WHERE origin = ?1")
                .setParameter(1, instance).getResultList();
        long waiting = pending.isEmpty() || pending.get(0) == null ? 0 : ((Number) pending.get(0)).longValue();
        if (waiting > 0 && !force) {
            throw new ApiException(409, ProblemTypes.CONFLICT, "Events still to come",
                    "instance '" + instance + "' reported " + waiting + " events it has not sent yet; stop its writes, "
                            + "let it send them (its /federation/health shows 0 pending) or retire with force=true",
                    List.of()).with("pending", waiting);
        }
        Map<String, Integer> returned = rows.takeBack(instance, federation.instanceId());
        String agency = before.agency() != null ? before.agency() : federation.originAgency(instance).orElse("?");
        em.createNativeQuery("""
                        INSERT INTO federation_instance (instance, agency, state, since, started_by, retired_at,
                            retired_by, returned)
                        VALUES (?1, ?2, 'RETIRED', now(), ?3, now(), ?3, ?4)
                        ON CONFLICT (instance) DO UPDATE SET state = 'RETIRED', since = now(), retired_at = now(),
                            retired_by = excluded.retired_by, returned = excluded.returned""")
                .setParameter(1, instance).setParameter(2, agency).setParameter(3, caller.subject())
                .setParameter(4, write(returned)).executeUpdate();
        View after = view(instance);
        audit.record("federation.retired", "instance", instance, before, after);
        return after;
    }

    /** True when central has retired {@code instance} (its events are refused). */
    public boolean retired(String instance) {
        return !em.createNativeQuery("SELECT 1 FROM federation_instance WHERE instance = ?1 AND state = 'RETIRED'")
                .setParameter(1, instance).getResultList().isEmpty();
    }

    /**
     * At central, the commissioned ministry instance that writes for {@code agency} (it lies in that instance's part of
     * the tree), if any: central refuses local writes for it. The first call in a transaction takes a shared lock held
     * to commit, so a commissioning waits for writes in flight and no write slips in after it. Empty at a ministry.
     */
    public Optional<String> ownerOf(String agency) {
        if (federation.isMinistry() || agency == null) {
            return Optional.empty();
        }
        em.createNativeQuery("SELECT pg_advisory_xact_lock_shared(?1)").setParameter(1, LOCK_KEY).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> owners = em.createNativeQuery("""
                        SELECT instance, agency FROM federation_instance WHERE state IN ('COMMISSIONING', 'FEDERATED')""")
                .getResultList();
        String code = agency.toUpperCase(Locale.ROOT);
        return owners.stream().filter(o -> hierarchy.isWithin(code, (String) o[1])).map(o -> (String) o[0]).findFirst();
    }

    /** Refuses (409 {@code read-only-replica}) a local write at central for an agency a ministry instance writes for. */
    public void requireAgencyWritable(String agency, String what) {
        ownerOf(agency).ifPresent(owner -> {
            throw readOnlyAgency(agency, what, owner);
        });
    }

    /** The problem for a write for an agency a ministry instance writes for. */
    public ApiException readOnlyAgency(String agency, String what, String owner) {
        return new ApiException(409, ProblemTypes.READ_ONLY_REPLICA, "Read-only replica", what + " for agency "
                + agency.toUpperCase(Locale.ROOT) + " is written at the '" + owner + "' instance, which reports for it "
                + "since it was commissioned; central holds a read-only copy", List.of()).with("owner", owner);
    }

    private void requireCentral() {
        if (federation.isMinistry()) {
            throw ApiException.conflict("this is a ministry instance; central commissions and retires instances");
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T json(Object text, TypeReference<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readValue((String) text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
