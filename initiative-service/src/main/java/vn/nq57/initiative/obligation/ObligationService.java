package vn.nq57.initiative.obligation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.nq57.initiative.agency.AgencyService;
import vn.nq57.initiative.events.InitiativeEvents;
import vn.nq57.initiative.obligation.ObligationViews.ObligationRequest;
import vn.nq57.initiative.obligation.ObligationViews.ObligationUpdate;
import vn.nq57.initiative.obligation.ObligationViews.ObligationView;
import vn.nq57.platform.audit.AuditTrail;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.outbox.Outbox;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.period.Frequency;
import vn.nq57.platform.period.Period;
import vn.nq57.platform.security.AgencyHierarchy;
import vn.nq57.platform.security.Caller;

/**
 * Reporting obligations: the defaults derived from the indicators (kept in step as their events arrive), a central
 * admin's additions and edits (audited, published), and the list a ministry sees of its own subtree.
 */
@ApplicationScoped
public class ObligationService {

    /** The defaults: an indicator's reporting agencies, else its initiative's lead and coordinators, else its owner. */
    static final String DESIRED = """
            SELECT k.indicator_id, upper(trim(x.code)) AS agency
            FROM kpi_status k CROSS JOIN LATERAL unnest(string_to_array(k.reporting_agencies, ',')) AS x (code)
            WHERE NOT k.deleted AND coalesce(k.reporting_agencies, '') <> '' AND trim(x.code) <> '' %1$s
            UNION
            SELECT k.indicator_id, a.code FROM kpi_status k JOIN initiative i ON i.id = k.initiative_id
                JOIN agency a ON a.id = i.lead_agency_id
            WHERE NOT k.deleted AND coalesce(k.reporting_agencies, '') = '' %1$s
            UNION
            SELECT k.indicator_id, a.code FROM kpi_status k JOIN initiative_coordinator c ON c.initiative_id = k.initiative_id
                JOIN agency a ON a.id = c.agency_id
            WHERE NOT k.deleted AND coalesce(k.reporting_agencies, '') = '' %1$s
            UNION
            SELECT k.indicator_id, upper(k.owner_agency) FROM kpi_status k
            WHERE NOT k.deleted AND coalesce(k.reporting_agencies, '') = '' AND k.initiative_id IS NULL
                AND k.owner_agency IS NOT NULL %1$s
            """;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AgencyHierarchy hierarchy;

    @Inject
    AgencyService agencies;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    public record Filter(UUID indicatorId, String agency, Boolean active) {
    }

    /**
     * An obligation in force with what its calendar needs: the indicator's frequency, the effective deadline days
     * (the obligation's own, else the indicator's grace days) and the bounds.
     */
    public record ActiveObligation(UUID indicatorId, String agency, Frequency frequency, int deadlineDays, Period first,
                                   Period last, String code, String name, UUID initiativeId) {

        /** The periods it expects that end in the window and have ended by today. */
        public List<ReportingCalendar.Expected> expected(java.time.LocalDate windowStart, java.time.LocalDate windowEnd,
                                                         java.time.LocalDate today) {
            return ReportingCalendar.expected(frequency, first, last, deadlineDays, windowStart, windowEnd, today);
        }

        /** Whether a period lies within its bounds. */
        public boolean covers(Period p) {
            return (first == null || !p.end().isBefore(first.end())) && (last == null || !p.end().isAfter(last.end()));
        }
    }

    /** Every obligation in force whose indicator is known here. */
    public List<ActiveObligation> active() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT o.indicator_id, o.agency_code, o.deadline_days, "
                + "o.from_period, o.to_period, k.frequency, k.grace_days, k.code, k.name_vi, k.initiative_id "
                + "FROM reporting_obligation o JOIN kpi_status k ON k.indicator_id = o.indicator_id AND NOT k.deleted "
                + "WHERE o.active").getResultList();
        List<ActiveObligation> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new ActiveObligation((UUID) r[0], (String) r[1],
                    r[5] == null ? Frequency.ANNUAL : Frequency.valueOf((String) r[5]),
                    r[2] == null ? ((Number) r[6]).intValue() : ((Number) r[2]).intValue(),
                    r[3] == null ? null : Period.parse((String) r[3]), r[4] == null ? null : Period.parse((String) r[4]),
                    (String) r[7], (String) r[8], (UUID) r[9]));
        }
        return out;
    }

    /** What the obligations need of an indicator (the scorecard's replica of kpi-service). */
    public record IndicatorInfo(UUID id, String code, String name, Frequency frequency, int graceDays) {
    }

    /**
     * Brings the DEFAULT obligations in step with the indicators (all of them, or one): adds the missing ones,
     * re-activates returning ones, de-activates those no longer derived. MANUAL rows are left alone. Answers how many
     * rows changed.
     */
    @Transactional
    public int refreshDefaults(UUID indicator) {
        String only = indicator == null ? "" : "AND k.indicator_id = :indicator";
        String desired = DESIRED.formatted(only);
        var insert = em.createNativeQuery("INSERT INTO reporting_obligation (id, indicator_id, agency_code, source, active) "
                + "SELECT gen_random_uuid(), d.indicator_id, d.agency, 'DEFAULT', TRUE FROM (" + desired + ") d "
                + "WHERE EXISTS (SELECT 1 FROM agency a WHERE a.code = d.agency) "
                + "ON CONFLICT (indicator_id, agency_code) DO UPDATE SET active = TRUE, "
                + "version = reporting_obligation.version + 1, updated_at = now() "
                + "WHERE reporting_obligation.source = 'DEFAULT' AND NOT reporting_obligation.active");
        var retire = em.createNativeQuery("UPDATE reporting_obligation o SET active = FALSE, version = o.version + 1, "
                + "updated_at = now() WHERE o.source = 'DEFAULT' AND o.active "
                + (indicator == null ? "" : "AND o.indicator_id = :indicator ")
                + "AND NOT EXISTS (SELECT 1 FROM (" + desired + ") d WHERE d.indicator_id = o.indicator_id "
                + "AND d.agency = o.agency_code)");
        if (indicator != null) {
            insert.setParameter("indicator", indicator);
            retire.setParameter("indicator", indicator);
        }
        return insert.executeUpdate() + retire.executeUpdate();
    }

    public Page<ObligationView> list(Filter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = new HashMap<>();
        if (!caller.isCentralAdmin()) {
            Set<String> scope = caller.agency() == null ? Set.of() : hierarchy.subtree(caller.agency());
            if (scope.isEmpty()) {
                return Page.of(List.of(), page, 0);
            }
            where.append(" AND o.agency_code IN (:scope)");
            params.put("scope", scope);
        }
        if (f.indicatorId() != null) {
            where.append(" AND o.indicator_id = :indicator");
            params.put("indicator", f.indicatorId());
        }
        if (f.agency() != null && !f.agency().isBlank()) {
            where.append(" AND o.agency_code = :agency");
            params.put("agency", f.agency().trim().toUpperCase(Locale.ROOT));
        }
        if (f.active() != null) {
            where.append(" AND o.active = :active");
            params.put("active", f.active());
        }
        String from = " FROM reporting_obligation o LEFT JOIN kpi_status k ON k.indicator_id = o.indicator_id";
        var count = em.createNativeQuery("SELECT count(*)" + from + where);
        var rows = em.createNativeQuery("SELECT o.id" + from + where + " ORDER BY k.code, o.agency_code, o.id")
                .setFirstResult(page.offset()).setMaxResults(page.size);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<UUID> ids = rows.getResultList();
        List<ObligationView> items = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            items.add(view(ReportingObligation.findById(id)));
        }
        return Page.of(items, page, total);
    }

    public ReportingObligation get(UUID id) {
        ReportingObligation o = ReportingObligation.findById(id);
        if (o == null || !(caller.isCentralAdmin() || inScope(o.agencyCode))) {
            throw ApiException.notFound("Obligation", id);
        }
        return o;
    }

    @Transactional
    public ObligationView create(ObligationRequest request) {
        IndicatorInfo indicator = indicator(request.indicatorId())
                .orElseThrow(() -> ApiException.unprocessable("indicator " + request.indicatorId()
                        + " is not known here (kpi-service announces its indicators)").with("field", "indicatorId"));
        String agency = agencies.referenced("agency", request.agency()).code;
        if (ReportingObligation.count("indicatorId = ?1 and agencyCode = ?2", indicator.id(), agency) > 0) {
            throw ApiException.conflict("agency " + agency + " already has an obligation for " + indicator.code()
                    + "; edit that one");
        }
        ReportingObligation o = new ReportingObligation();
        o.id = UUID.randomUUID();
        o.indicatorId = indicator.id();
        o.agencyCode = agency;
        o.source = ObligationSource.MANUAL;
        o.active = true;
        o.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        apply(o, indicator, request.deadlineDays(), request.fromPeriod(), request.toPeriod());
        o.persist();
        em.flush();
        ObligationView view = view(o);
        audit.record("obligation.created", "obligation", o.id, null, view);
        outbox.publish(InitiativeEvents.TOPIC, InitiativeEvents.OBLIGATION_CREATED, "obligation", o.id, o.version, view);
        return view;
    }

    @Transactional
    public ObligationView update(UUID id, String ifMatch, ObligationUpdate request) {
        ReportingObligation o = get(id);
        ETags.require(ifMatch, o.version);
        IndicatorInfo indicator = indicator(o.indicatorId).orElseThrow(() -> ApiException.conflict(
                "the indicator of this obligation is no longer known here"));
        ObligationView before = view(o);
        o.active = request.active();
        o.source = ObligationSource.MANUAL;
        apply(o, indicator, request.deadlineDays(), request.fromPeriod(), request.toPeriod());
        em.flush();
        ObligationView after = view(o);
        audit.record("obligation.updated", "obligation", o.id, before, after);
        outbox.publish(InitiativeEvents.TOPIC, InitiativeEvents.OBLIGATION_UPDATED, "obligation", o.id, o.version, after);
        return after;
    }

    private void apply(ReportingObligation o, IndicatorInfo indicator, Integer deadlineDays, String from, String to) {
        Period first = period("fromPeriod", from, indicator);
        Period last = period("toPeriod", to, indicator);
        if (first != null && last != null && last.compareTo(first) < 0) {
            throw ApiException.badRequest("toPeriod", "toPeriod " + last + " comes before fromPeriod " + first);
        }
        o.deadlineDays = deadlineDays;
        o.fromPeriod = first == null ? null : first.toString();
        o.toPeriod = last == null ? null : last.toString();
        o.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        o.updatedBy = caller.subject();
    }

    private static Period period(String field, String text, IndicatorInfo indicator) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Period p = Period.param(field, text);
        if (indicator.frequency() != null && p.type() != indicator.frequency()) {
            throw ApiException.badRequest(field, "period " + p + " is " + p.type().name().toLowerCase(Locale.ROOT)
                    + " but " + indicator.code() + " is reported " + indicator.frequency().name().toLowerCase(Locale.ROOT) + ": use "
                    + indicator.frequency().format());
        }
        return p;
    }

    private boolean inScope(String agency) {
        return caller.agency() != null && hierarchy.isWithin(agency, caller.agency());
    }

    public java.util.Optional<IndicatorInfo> indicator(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT indicator_id, code, name_vi, frequency, grace_days "
                + "FROM kpi_status WHERE indicator_id = :id AND NOT deleted").setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(ObligationService::info);
    }

    static IndicatorInfo info(Object[] r) {
        return new IndicatorInfo((UUID) r[0], (String) r[1], (String) r[2],
                r[3] == null ? Frequency.ANNUAL : Frequency.valueOf((String) r[3]), ((Number) r[4]).intValue());
    }

    ObligationView view(ReportingObligation o) {
        IndicatorInfo i = indicator(o.indicatorId).orElse(new IndicatorInfo(o.indicatorId, null, null, null, 0));
        return new ObligationView(o.id, o.indicatorId, i.code(), i.name(), i.frequency(), o.agencyCode,
                o.deadlineDays == null ? i.graceDays() : o.deadlineDays, o.deadlineDays, o.fromPeriod, o.toPeriod,
                o.source, o.active, o.version, o.updatedAt, o.updatedBy);
    }
}
