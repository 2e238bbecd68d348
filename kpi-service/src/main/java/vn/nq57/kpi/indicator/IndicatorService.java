package vn.nq57.kpi.indicator;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.nq57.kpi.evaluation.EvaluationMaintainer;
import vn.nq57.kpi.events.KpiEvents;
import vn.nq57.kpi.indicator.IndicatorViews.IndicatorEventData;
import vn.nq57.kpi.indicator.IndicatorViews.IndicatorRequest;
import vn.nq57.kpi.indicator.IndicatorViews.IndicatorSummary;
import vn.nq57.kpi.indicator.IndicatorViews.IndicatorView;
import vn.nq57.kpi.indicator.IndicatorViews.TargetRequest;
import vn.nq57.kpi.initiative.InitiativeDirectory;
import vn.nq57.kpi.initiative.InitiativeReplica;
import vn.nq57.platform.paging.Conditions;
import vn.nq57.platform.period.Frequency;
import vn.nq57.platform.period.Period;
import vn.nq57.platform.InstanceConfig;
import vn.nq57.platform.agency.ReplicaAgencyHierarchy;
import vn.nq57.platform.audit.AuditTrail;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.federation.Federation;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.outbox.Outbox;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.AgencyAccess;
import vn.nq57.platform.security.Caller;
import vn.nq57.platform.security.Roles;

/** The rules of indicators: who may write them, what makes one consistent, their events and audit. */
@ApplicationScoped
public class IndicatorService {

    public static final int DEFAULT_GRACE_DAYS = 30;
    public static final BigDecimal DEFAULT_TOLERANCE = BigDecimal.TEN;

    @Inject
    AgencyAccess access;

    @Inject
    Caller caller;

    @Inject
    ReplicaAgencyHierarchy agencies;

    @Inject
    InitiativeDirectory initiatives;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    InstanceConfig instance;

    @Inject
    EvaluationMaintainer evaluation;

    @Inject
    EntityManager em;

    @Inject
    Federation federation;

    @Inject
    vn.nq57.platform.federation.OriginFilter origins;

    /** Filters of the indicator list; null means "any". */
    public record Filter(String system, Tier tier, UUID initiativeId, String ownerAgency, Frequency frequency,
                         String text, String origin) {
    }

    public Page<IndicatorSummary> list(Filter f, PageRequest page) {
        Conditions c = new Conditions()
                .code("i.systemCode = :system", "system", f.system())
                .and("i.tier = :tier", "tier", f.tier())
                .and("i.initiativeId = :initiative", "initiative", f.initiativeId())
                .code("i.ownerAgency = :owner", "owner", f.ownerAgency())
                .and("i.frequency = :frequency", "frequency", f.frequency())
                .search("i.searchText like :q", "q", f.text())
                .origin(origins.parse(f.origin()), "i.origin");
        long total = Indicator.count("from Indicator i where " + c.where(), c.params());
        List<IndicatorSummary> items = Indicator.<Indicator>find("from Indicator i where " + c.where(),
                Sort.by("i.code"), c.params()).page(page.page, page.size).list().stream().map(IndicatorSummary::of)
                .toList();
        return Page.of(items, page, total);
    }

    public Indicator get(UUID id) {
        Indicator i = Indicator.findById(id);
        if (i == null) {
            throw ApiException.notFound("Indicator", id);
        }
        return i;
    }

    public Indicator getByCode(String code) {
        return byCode(code).orElseThrow(() -> ApiException.notFound("Indicator", code));
    }

    public Optional<Indicator> byCode(String code) {
        return Indicator.<Indicator>find("code", code.trim().toUpperCase(Locale.ROOT)).firstResultOptional();
    }

    public Indicator byIdOrCode(String idOrCode) {
        try {
            return get(UUID.fromString(idOrCode));
        } catch (IllegalArgumentException notUuid) {
            return getByCode(idOrCode);
        }
    }

    @Transactional
    public IndicatorView create(IndicatorRequest request) {
        String code = request.code().trim().toUpperCase(Locale.ROOT);
        Indicator i = new Indicator();
        i.id = UUID.randomUUID();
        i.code = code;
        i.originInstance = instance.id();
        i.createdBy = caller.subject();
        i.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        i.updatedAt = i.createdAt;
        apply(i, request);
        requireCatalogueWritable(i);
        requireWriter(i);
        if (Indicator.count("code", code) > 0) {
            throw ApiException.conflict("indicator " + code + " already exists");
        }
        i.persist();
        em.flush();
        evaluation.refresh(Set.of(i.id));
        IndicatorView view = IndicatorView.of(i);
        audit.record("indicator.created", "indicator", i.id, null, view);
        outbox.publish(KpiEvents.TOPIC, KpiEvents.INDICATOR_CREATED, "indicator", i.id, i.version,
                IndicatorEventData.of(i));
        return view;
    }

    @Transactional
    public IndicatorView update(UUID id, String ifMatch, IndicatorRequest request) {
        Indicator i = get(id);
        requireLocal(i);
        ETags.require(ifMatch, i.version);
        requireWriter(i);
        if (!i.code.equalsIgnoreCase(request.code().trim())) {
            throw ApiException.badRequest("code", "an indicator's code cannot change (was " + i.code + ")");
        }
        IndicatorView before = IndicatorView.of(i);
        boolean hasValues = hasMeasurements(i.id);
        if (hasValues && request.frequency() != i.frequency) {
            throw ApiException.conflict("indicator " + i.code + " already has measurements of frequency "
                    + i.frequency + "; its frequency cannot change");
        }
        Aggregation oldAggregation = i.aggregation;
        apply(i, request);
        requireCatalogueWritable(i);
        requireWriter(i);
        i.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.flush();
        if (oldAggregation != i.aggregation) {
            evaluation.reaggregateIndicator(i.id);
        }
        evaluation.refresh(Set.of(i.id));
        IndicatorView after = IndicatorView.of(i);
        audit.record("indicator.updated", "indicator", i.id, before, after);
        outbox.publish(KpiEvents.TOPIC, KpiEvents.INDICATOR_UPDATED, "indicator", i.id, i.version,
                IndicatorEventData.of(i));
        return after;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Indicator i = get(id);
        requireLocal(i);
        ETags.require(ifMatch, i.version);
        requireWriter(i);
        if (hasMeasurements(i.id)) {
            throw ApiException.conflict("indicator " + i.code + " has measurements and cannot be deleted");
        }
        IndicatorView before = IndicatorView.of(i);
        i.delete();
        em.flush();
        audit.record("indicator.deleted", "indicator", i.id, before, null);
        outbox.publish(KpiEvents.TOPIC, KpiEvents.INDICATOR_DELETED, "indicator", i.id, i.version + 1,
                IndicatorEventData.of(i));
    }

    public boolean hasMeasurements(UUID indicatorId) {
        return !em.createNativeQuery("SELECT 1 FROM measurement WHERE indicator_id = ?1 LIMIT 1")
                .setParameter(1, indicatorId).getResultList().isEmpty();
    }

    /**
     * A replica is read-only (409 read-only-replica): an indicator another instance owns, and at a ministry the
     * national (STRATEGIC) indicators, which central owns.
     */
    private void requireLocal(Indicator i) {
        federation.requireOwned(i.origin, "Indicator", i.code);
        requireCatalogueWritable(i);
    }

    private void requireCatalogueWritable(Indicator i) {
        if (i.tier == Tier.STRATEGIC) {
            federation.requireCatalogueWritable("National (STRATEGIC) indicator", i.code);
        }
    }

    /**
     * STRATEGIC indicators are the central admin's; an OPERATIONAL one is also its initiative's lead ministry's
     * (while the initiative replica does not know the initiative, the owner agency's ministry admin).
     */
    private void requireWriter(Indicator i) {
        if (caller.isCentralAdmin()) {
            return;
        }
        if (i.tier == Tier.STRATEGIC) {
            throw ApiException.forbidden("national (STRATEGIC) indicators are managed by a central admin");
        }
        access.requireRoleInScope(i.ownerAgency, Roles.MINISTRY_ADMIN);
        Optional<InitiativeReplica> initiative = initiatives.find(i.initiativeId);
        if (initiative.isPresent() && !access.inScope(initiative.get().leadAgencyCode)) {
            throw ApiException.forbidden("initiative " + initiative.get().code + " is led by "
                    + initiative.get().leadAgencyCode + ", outside your scope");
        }
    }

    private void apply(Indicator i, IndicatorRequest r) {
        if (r.unit() == Unit.RANK && r.direction() != Direction.LOWER_IS_BETTER) {
            throw ApiException.badRequest("direction", "a rank improves downwards: a RANK indicator is LOWER_IS_BETTER");
        }
        i.nameVi = r.nameVi().trim();
        i.nameEn = blankToNull(r.nameEn());
        i.unit = r.unit();
        i.direction = r.direction();
        i.aggregation = r.aggregation();
        i.frequency = r.frequency();
        i.tier = r.tier();
        place(i, r);
        i.ownerAgency = agency("ownerAgency", r.ownerAgency());
        Set<String> reporters = new LinkedHashSet<>();
        if (r.reportingAgencies() == null || r.reportingAgencies().isEmpty()) {
            reporters.add(i.ownerAgency);
        } else {
            for (String code : r.reportingAgencies()) {
                reporters.add(agency("reportingAgencies", code));
            }
        }
        i.reportingAgencies = new ArrayList<>(reporters);
        baseline(i, r);
        List<IndicatorTarget> targets = targets(r.targets(), i.baselinePeriod);
        i.targets.clear();
        i.targets.addAll(targets);
        i.dataSource = blankToNull(r.dataSource());
        i.method = blankToNull(r.method());
        i.graceDays = r.graceDays() == null ? DEFAULT_GRACE_DAYS : r.graceDays();
        i.tolerancePoints = r.tolerancePoints() == null ? DEFAULT_TOLERANCE : r.tolerancePoints();
    }

    /** A STRATEGIC indicator belongs to a System; an OPERATIONAL one to an initiative (and its System). */
    private void place(Indicator i, IndicatorRequest r) {
        if (r.tier() == Tier.STRATEGIC) {
            if (r.system() == null) {
                throw ApiException.badRequest("system", "a STRATEGIC indicator belongs to a System (H1..H6)");
            }
            if (r.initiativeId() != null) {
                throw ApiException.badRequest("initiativeId", "a STRATEGIC indicator is national; only an "
                        + "OPERATIONAL indicator names an initiative");
            }
            i.systemCode = r.system();
            i.initiativeId = null;
        } else {
            if (r.initiativeId() == null) {
                throw ApiException.badRequest("initiativeId", "an OPERATIONAL indicator names its initiative");
            }
            Optional<InitiativeReplica> initiative = initiatives.check(r.initiativeId());
            i.initiativeId = r.initiativeId();
            i.systemCode = initiative.map(x -> x.systemCode).orElse(r.system());
        }
    }

    /** The baseline, of the indicator's frequency, or none. */
    private static void baseline(Indicator i, IndicatorRequest r) {
        if (r.baseline() == null) {
            i.baselineValue = null;
            i.baselinePeriod = null;
            return;
        }
        Period p;
        try {
            p = Period.parse(r.baseline().period());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("baseline.period", e.getMessage());
        }
        if (p.type() != r.frequency()) {
            throw ApiException.badRequest("baseline.period", "the baseline period " + p + " must be of the "
                    + "indicator's frequency " + r.frequency() + " (" + r.frequency().format() + ")");
        }
        i.baselineValue = r.baseline().value();
        i.baselinePeriod = p.toString();
    }

    /** The targets in period order: each period once, within the plan's horizon, after the baseline period. */
    private static List<IndicatorTarget> targets(List<TargetRequest> requested, String baselinePeriod) {
        Set<String> seen = new HashSet<>();
        List<IndicatorTarget> targets = new ArrayList<>();
        for (int n = 0; n < requested.size(); n++) {
            TargetRequest t = requested.get(n);
            if (!seen.add(t.period())) {
                throw ApiException.badRequest("targets[" + n + "].period", "target period " + t.period()
                        + " is given twice");
            }
            Period p = Period.param("targets[" + n + "].period", t.period());
            String outside = vn.nq57.platform.period.PlanHorizon.outside(p);
            if (outside != null) {
                throw ApiException.badRequest("targets[" + n + "].period", outside);
            }
            if (baselinePeriod != null && !p.end().isAfter(Period.parse(baselinePeriod).end())) {
                throw ApiException.badRequest("targets[" + n + "].period", "target period " + t.period()
                        + " must come after the baseline period " + baselinePeriod);
            }
            targets.add(new IndicatorTarget(p.toString(), t.value(), blankToNull(t.note())));
        }
        targets.sort(java.util.Comparator.comparing(t -> t.period));
        return targets;
    }

    private String agency(String field, String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (!agencies.exists(c)) {
            throw ApiException.unprocessable("agency " + code + " does not exist").with("field", field);
        }
        return c;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
