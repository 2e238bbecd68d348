package vn.nq57.kpi.measurement;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import vn.nq57.kpi.evaluation.EvaluationMaintainer;
import vn.nq57.kpi.evaluation.EvaluationMaintainer.Touched;
import vn.nq57.kpi.events.KpiEvents;
import vn.nq57.kpi.indicator.Indicator;
import vn.nq57.kpi.indicator.IndicatorService;
import vn.nq57.kpi.measurement.MeasurementViews.DecisionItem;
import vn.nq57.kpi.measurement.MeasurementViews.DecisionResult;
import vn.nq57.kpi.measurement.MeasurementViews.DecisionSummary;
import vn.nq57.kpi.measurement.MeasurementViews.HistoryView;
import vn.nq57.kpi.measurement.MeasurementViews.MeasurementEventData;
import vn.nq57.kpi.measurement.MeasurementViews.MeasurementRequest;
import vn.nq57.kpi.measurement.MeasurementViews.MeasurementView;
import vn.nq57.kpi.measurement.MeasurementViews.RowStatus;
import vn.nq57.platform.paging.Conditions;
import vn.nq57.platform.upload.ImportMode;
import vn.nq57.platform.period.Period;
import vn.nq57.platform.InstanceConfig;
import vn.nq57.platform.audit.AuditTrail;
import vn.nq57.platform.agency.ReplicaAgencyHierarchy;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.federation.Federation;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.outbox.Outbox;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.AgencyAccess;
import vn.nq57.platform.security.Caller;

/** Reads of measurements, single submissions, and the approval workflow (bottom-up, audited, with events). */
@ApplicationScoped
public class MeasurementService {

    @Inject
    MeasurementImport importer;

    @Inject
    IndicatorService indicators;

    @Inject
    EvaluationMaintainer evaluation;

    @Inject
    AgencyAccess access;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    InstanceConfig instance;

    @Inject
    EntityManager em;

    @Inject
    Federation federation;

    @Inject
    vn.nq57.platform.federation.OriginFilter origins;

    @Inject
    ReplicaAgencyHierarchy agencies;

    /** The fields an audit entry of a measurement compares. */
    record Audited(BigDecimal value, MeasurementStatus status, String note, String evidenceLink, String returnReason) {
        static Audited of(Measurement m) {
            return new Audited(m.value, m.status, m.note, m.evidenceLink, m.returnReason);
        }

        static Audited of(MeasurementView v) {
            return new Audited(v.value(), v.status(), v.note(), v.evidenceLink(), v.returnReason());
        }
    }

    /** The answer to a single submission. */
    public record Recorded(MeasurementView view, RowStatus outcome) {
    }

    /** Filters of the measurement list; null means "any". */
    public record Filter(String indicator, String agency, String under, String period, MeasurementStatus status,
                         String origin) {
    }

    public Page<MeasurementView> list(Filter f, PageRequest page) {
        Conditions c = new Conditions()
                .and("m.indicatorId = :indicator", "indicator", blank(f.indicator()) ? null
                        : indicators.byIdOrCode(f.indicator().trim()).id)
                .code("m.agencyCode = :agency", "agency", f.agency())
                .and("m.agencyCode in :under", "under", blank(f.under()) ? null
                        : agencies.subtree(f.under().trim().toUpperCase(Locale.ROOT)))
                .and("m.period = :period", "period", blank(f.period()) ? null
                        : Period.param("period", f.period()).toString())
                .and("m.status = :status", "status", f.status())
                .origin(origins.parse(f.origin()), "m.origin");
        long total = Measurement.count("from Measurement m where " + c.where(), c.params());
        List<Measurement> rows = Measurement.<Measurement>find("from Measurement m where " + c.where(),
                Sort.descending("m.periodEnd").and("m.agencyCode").and("m.id"), c.params())
                .page(page.page, page.size).list();
        Map<UUID, String> codes = codes(rows.stream().map(m -> m.indicatorId).distinct().toList());
        return Page.of(rows.stream().map(m -> MeasurementView.of(m, codes.get(m.indicatorId))).toList(), page, total);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private Map<UUID, String> codes(List<UUID> ids) {
        Map<UUID, String> codes = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select i.id, i.code from Indicator i where i.id in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList().forEach(r -> codes.put((UUID) r[0], (String) r[1]));
        }
        return codes;
    }

    public Measurement get(UUID id) {
        Measurement m = Measurement.findById(id);
        if (m == null) {
            throw ApiException.notFound("Measurement", id);
        }
        return m;
    }

    public MeasurementView view(Measurement m) {
        Indicator i = Indicator.findById(m.indicatorId);
        return MeasurementView.of(m, i == null ? null : i.code);
    }

    @Transactional
    public Recorded record(MeasurementRequest request, String ifMatch) {
        MeasurementImport.Single result = importer.single(request.toRow(), ifMatch);
        if (result.outcome() == RowStatus.UNCHANGED) {
            return new Recorded(view(get(result.id())), result.outcome());
        }
        MeasurementView view = result.written();
        MeasurementRows.Existing before = result.before();
        audit.record("measurement.recorded", "measurement", view.id(), before == null ? null
                : new Audited(before.value(), before.status(), before.note(), before.evidenceLink(), null),
                Audited.of(view));
        outbox.publish(KpiEvents.TOPIC, KpiEvents.MEASUREMENT_RECORDED, "measurement", view.id(), view.version(),
                eventData(view, null));
        return new Recorded(view, result.outcome());
    }

    /**
     * Every change of the value. A value recorded since V4 has no history row for its creation (the row holds the
     * first value: the first change's old value, or the current one if it never changed): that RECORDED entry is
     * built from the row.
     */
    public List<HistoryView> history(UUID id) {
        Measurement m = get(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT action, old_value, new_value, old_status, new_status, reason, actor, actor_agency, occurred_at, version
                FROM measurement_history WHERE measurement_id = ?1 ORDER BY id""").setParameter(1, id).getResultList();
        List<HistoryView> history = new java.util.ArrayList<>(rows.size() + 1);
        rows.forEach(r -> history.add(new HistoryView((String) r[0], (BigDecimal) r[1], (BigDecimal) r[2],
                r[3] == null ? null : MeasurementStatus.valueOf((String) r[3]), MeasurementStatus.valueOf((String) r[4]),
                (String) r[5], (String) r[6], (String) r[7], toOffset(r[8]), ((Number) r[9]).longValue())));
        HistoryView first = history.isEmpty() ? null : history.get(0);
        // a replica first seen at a later step (its earlier state unknown here) starts its history at that step
        if (first == null || (!first.action().equals("RECORDED") && first.oldStatus() != null)) {
            history.add(0, new HistoryView("RECORDED", null, first == null ? m.value : first.oldValue(), null,
                    first == null ? m.status : first.oldStatus(), null,
                    m.recordedBy == null ? m.submittedBy : m.recordedBy, m.recordedByAgency,
                    toOffset(m.createdAt), 0));
        }
        return history;
    }

    private static OffsetDateTime toOffset(Object o) {
        if (o instanceof OffsetDateTime odt) {
            return odt.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (o instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        return null;
    }

    /** DRAFT or RETURNED → SUBMITTED, by a submitter of the agency (or above it). */
    @Transactional
    public MeasurementView submit(UUID id, String ifMatch, String reason) {
        return decide(id, ifMatch, Decision.SUBMIT, reason, null);
    }

    /** SUBMITTED → APPROVED, by an approver of the agency or of an agency above it; the value is then locked. */
    @Transactional
    public MeasurementView approve(UUID id, String ifMatch, String reason) {
        return decide(id, ifMatch, Decision.APPROVE, reason, null);
    }

    /** SUBMITTED → RETURNED with a reason, by an approver. */
    @Transactional
    public MeasurementView returnValue(UUID id, String ifMatch, String reason) {
        return decide(id, ifMatch, Decision.RETURN, reason, null);
    }

    /** APPROVED → SUBMITTED with a reason, by an approver: unlocks the value so it can be corrected. */
    @Transactional
    public MeasurementView reopen(UUID id, String ifMatch, String reason) {
        return decide(id, ifMatch, Decision.REOPEN, reason, null);
    }

    /** At most this many values per decision list. */
    public static final int MAX_DECISIONS = 1000;

    /**
     * Applies one step to a list of values (each as its single endpoint would, with the same checks, history, audit
     * and event), then re-evaluates the touched indicators once. All-or-nothing by default: any refused row refuses
     * the list (403 when a row is outside the caller's scope, else 422) with the summary under
     * {@code decisionSummary}; in partial mode the refused rows are skipped.
     */
    @Transactional
    public DecisionSummary decideAll(Decision step, String reason, List<DecisionItem> items, ImportMode mode) {
        if (items.size() > MAX_DECISIONS) {
            throw ApiException.badRequest("measurements", "a decision list holds at most " + MAX_DECISIONS
                    + " values (got " + items.size() + "); split it");
        }
        List<Touched> deferred = new ArrayList<>();
        List<DecisionResult> results = new ArrayList<>(items.size());
        Map<UUID, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            DecisionItem item = items.get(i);
            int row = i + 1;
            Integer first = seen.putIfAbsent(item.id(), row);
            if (first != null) {
                results.add(DecisionResult.rejected(row, item.id(), 400, "row " + first + " already names this value"));
                continue;
            }
            String ifMatch = item.version() == null ? null : "\"" + item.version() + "\"";
            try {
                MeasurementView v = decide(item.id(), ifMatch, step, reason, deferred);
                results.add(new DecisionResult(row, v.id(), v.status().name(), v.version(), null, null));
            } catch (ApiException e) {
                results.add(DecisionResult.rejected(row, item.id(), e.status(), e.getMessage()));
            }
        }
        long refused = results.stream().filter(DecisionResult::rejected).count();
        if (mode == ImportMode.ATOMIC && refused > 0) {
            DecisionSummary summary = DecisionSummary.of(step, mode, false, results);
            String detail = refused + " of " + items.size() + " value(s) were refused; nothing was changed (send "
                    + "?mode=partial to apply the others)";
            throw (results.stream().anyMatch(r -> Integer.valueOf(403).equals(r.httpStatus()))
                    ? ApiException.forbidden(detail) : ApiException.unprocessable(detail))
                    .with("decisionSummary", summary);
        }
        evaluation.touched(deferred);
        return DecisionSummary.of(step, mode, refused < items.size(), results);
    }

    /**
     * One step on one value. Every refusal is thrown before anything is written (so that a decision list in partial
     * mode can go on with its other rows). {@code deferred}: where to add the (indicator, period) to re-evaluate
     * once for a whole list; null re-evaluates at once.
     */
    private MeasurementView decide(UUID id, String ifMatch, Decision step, String reason, List<Touched> deferred) {
        Measurement m = get(id);
        evaluation.lockPairs(List.of(new Touched(m.indicatorId, m.period)));
        em.refresh(m, LockModeType.PESSIMISTIC_WRITE);
        federation.requireOwned(m.origin, "Measurement", m.id);
        access.requireRoleInScope(m.agencyCode, step.roles);
        if (ifMatch != null) {
            ETags.require(ifMatch, m.version);
        }
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        if (step.reasonRequired && why == null) {
            throw ApiException.badRequest("reason", "a reason is required to " + step.action.toLowerCase(Locale.ROOT)
                    .replace("returned", "return").replace("reopened", "reopen") + " a value");
        }
        if (!step.from.contains(m.status)) {
            throw ApiException.conflict("the value is " + m.status + "; this step applies to " + step.from
                            + (m.status == MeasurementStatus.APPROVED ? " (an approved value is locked until reopened)" : ""))
                    .with("currentStatus", m.status).with("allowed", m.status.allowedNext());
        }
        Audited before = Audited.of(m);
        MeasurementStatus old = m.status;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        m.status = step.to;
        switch (step.action) {
            case "SUBMITTED" -> {
                m.submittedBy = caller.subject();
                m.submittedAt = now;
                if (m.firstSubmittedAt == null) {
                    m.firstSubmittedAt = now;
                }
                m.returnReason = null;
            }
            case "APPROVED" -> {
                m.decidedBy = caller.subject();
                m.decidedAt = now;
            }
            case "RETURNED" -> {
                m.decidedBy = caller.subject();
                m.decidedAt = now;
                m.returnReason = why;
            }
            default -> {
                m.decidedBy = null;
                m.decidedAt = null;
            }
        }
        em.flush();
        em.createNativeQuery("""
                INSERT INTO measurement_history (measurement_id, action, old_value, new_value, old_status, new_status,
                    reason, actor, actor_agency, occurred_at, version) VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                .setParameter(1, m.id).setParameter(2, step.action).setParameter(3, m.value).setParameter(4, old.name())
                .setParameter(5, step.to.name()).setParameter(6, why).setParameter(7, caller.subject())
                .setParameter(8, caller.agency()).setParameter(9, now).setParameter(10, m.version).executeUpdate();
        if (deferred == null) {
            evaluation.touched(List.of(new Touched(m.indicatorId, m.period)));
        } else {
            deferred.add(new Touched(m.indicatorId, m.period));
        }
        MeasurementView view = view(m);
        audit.record("measurement." + step.action.toLowerCase(Locale.ROOT), "measurement", m.id, before, Audited.of(m));
        outbox.publish(KpiEvents.TOPIC, step.eventType, "measurement", m.id, m.version, eventData(view, why));
        return view;
    }

    private MeasurementEventData eventData(MeasurementView v, String reason) {
        return MeasurementEventData.of(v, reason, caller.subject(), OffsetDateTime.now(ZoneOffset.UTC));
    }
}
