package vn.nq57.initiative.warning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.nq57.initiative.events.InitiativeEvents;
import vn.nq57.initiative.obligation.ObligationService;
import vn.nq57.initiative.scorecard.ScorecardViews.ScorecardChange;
import vn.nq57.initiative.warning.WarningEvaluator.Cause;
import vn.nq57.initiative.warning.WarningViews.EvaluationResult;
import vn.nq57.initiative.warning.WarningViews.WarningView;
import vn.nq57.platform.audit.AuditTrail;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.outbox.Outbox;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.period.Period;
import vn.nq57.platform.security.AgencyHierarchy;
import vn.nq57.platform.security.Caller;
import vn.nq57.platform.security.Roles;

/**
 * Early warnings: the evaluation that opens a warning once per cause and resolves it when the cause goes away (one
 * replica at a time, under a PostgreSQL advisory lock), the list a user may read (their agency subtree), and
 * acknowledging. Every opening, acknowledgement and resolution is published on {@code nq57.initiatives.v1} and
 * relayed to the live stream.
 */
@ApplicationScoped
public class WarningService {

    private static final Logger LOG = Logger.getLogger(WarningService.class);

    @Inject
    EntityManager em;

    @Inject
    WarningEvaluator evaluator;

    @Inject
    ObligationService obligations;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    AgencyHierarchy hierarchy;

    @Inject
    Event<ScorecardChange> changes;

    public record Filter(WarningKind kind, Severity severity, String agency, SubjectType subjectType, UUID subjectId,
                         WarningStatus status, Boolean open) {
    }

    /** Evaluates every cause as of today and brings the warnings in step; answers what it did. */
    @Transactional
    public EvaluationResult evaluate() {
        return evaluate(Period.today());
    }

    @Transactional
    public EvaluationResult evaluate(LocalDate today) {
        long start = System.nanoTime();
        Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext('nq57.warnings'))")
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return new EvaluationResult(0, 0, 0, 0, 0, 0, true);
        }
        int obligationsChanged = obligations.refreshDefaults(null);
        List<Cause> causes = evaluator.causes(today);
        Map<String, Warning> open = new HashMap<>();
        for (Warning w : Warning.<Warning>list("status <> ?1", WarningStatus.RESOLVED)) {
            open.put(w.cause, w);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int opened = 0;
        Map<String, Cause> found = new HashMap<>();
        for (Cause c : causes) {
            found.put(c.key(), c);
        }
        for (Cause c : found.values()) {
            Warning w = open.get(c.key());
            if (w == null) {
                w = new Warning();
                w.id = UUID.randomUUID();
                w.cause = c.key();
                w.kind = c.kind();
                w.status = WarningStatus.OPEN;
                w.since = now;
                apply(w, c);
                w.persist();
                opened++;
                publish(w, InitiativeEvents.WARNING_OPENED, "opened");
            } else if (!Objects.equals(w.severity, c.severity()) || !Objects.equals(w.reasonVi, c.reasonVi())
                    || !Objects.equals(w.agencyCode, c.agency())) {
                apply(w, c);
            }
        }
        int resolved = 0;
        for (Warning w : open.values()) {
            if (!found.containsKey(w.cause)) {
                w.status = WarningStatus.RESOLVED;
                w.resolvedAt = now;
                resolved++;
                em.flush();
                publish(w, InitiativeEvents.WARNING_RESOLVED, "resolved");
            }
        }
        em.flush();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (opened + resolved > 0) {
            LOG.infof("warnings: %d cause(s), %d opened, %d resolved in %d ms", found.size(), opened, resolved, millis);
        }
        return new EvaluationResult(found.size(), opened, resolved, open.size() + opened - resolved,
                obligationsChanged, millis, false);
    }

    private static void apply(Warning w, Cause c) {
        w.severity = c.severity();
        w.subjectType = c.subjectType();
        w.subjectId = c.subjectId();
        w.subjectLabel = c.label();
        w.initiativeId = c.initiativeId();
        w.agencyCode = c.agency();
        w.reasonVi = c.reasonVi();
        w.reasonEn = c.reasonEn();
    }

    private void publish(Warning w, String type, String what) {
        em.flush();
        WarningView view = WarningView.of(w);
        outbox.publish(InitiativeEvents.TOPIC, type, "warning", w.id, w.version, view);
        changes.fire(new ScorecardChange("warning", w.initiativeId, null, w.agencyCode,
                w.kind + " " + what + ": " + w.subjectLabel, view, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /** The agencies whose warnings the caller reads: null for all (central admins). */
    public Set<String> scope() {
        if (caller.isCentralAdmin()) {
            return null;
        }
        return caller.agency() == null ? Set.of() : hierarchy.subtree(caller.agency());
    }

    public Page<WarningView> list(Filter f, PageRequest page) {
        StringBuilder where = new StringBuilder("TRUE");
        Map<String, Object> params = new HashMap<>();
        Set<String> scope = scope();
        if (scope != null) {
            if (scope.isEmpty()) {
                return Page.of(List.of(), page, 0);
            }
            where.append(" and w.agencyCode in :scope");
            params.put("scope", scope);
        }
        if (f.kind() != null) {
            where.append(" and w.kind = :kind");
            params.put("kind", f.kind());
        }
        if (f.severity() != null) {
            where.append(" and w.severity = :severity");
            params.put("severity", f.severity());
        }
        if (f.agency() != null && !f.agency().isBlank()) {
            where.append(" and w.agencyCode = :agency");
            params.put("agency", f.agency().trim().toUpperCase(Locale.ROOT));
        }
        if (f.subjectType() != null) {
            where.append(" and w.subjectType = :subjectType");
            params.put("subjectType", f.subjectType());
        }
        if (f.subjectId() != null) {
            where.append(" and w.subjectId = :subjectId");
            params.put("subjectId", f.subjectId());
        }
        if (f.status() != null) {
            where.append(" and w.status = :status");
            params.put("status", f.status());
        }
        if (f.open() != null) {
            where.append(f.open() ? " and w.status <> :resolved" : " and w.status = :resolved");
            params.put("resolved", WarningStatus.RESOLVED);
        }
        long total = Warning.count("from Warning w where " + where, params);
        List<WarningView> items = Warning.<Warning>find("from Warning w where " + where
                        + " order by w.since desc, w.id", params)
                .page(page.page, page.size).list().stream().map(WarningView::of).toList();
        return Page.of(items, page, total);
    }

    public Warning get(UUID id) {
        Warning w = Warning.findById(id);
        Set<String> scope = scope();
        if (w == null || (scope != null && !scope.contains(w.agencyCode))) {
            throw ApiException.notFound("Warning", id);
        }
        return w;
    }

    @Transactional
    public WarningView acknowledge(UUID id, String ifMatch) {
        Warning w = get(id);
        if (!caller.isCentralAdmin() && !caller.hasRole(Roles.MINISTRY_ADMIN) && !caller.hasRole(Roles.DATA_SUBMITTER)) {
            throw ApiException.forbidden("acknowledging a warning needs the role ministry-admin or data-submitter");
        }
        if (ifMatch != null) {
            ETags.require(ifMatch, w.version);
        }
        if (w.status != WarningStatus.OPEN) {
            throw ApiException.conflict("warning is " + w.status + "; only an OPEN warning is acknowledged")
                    .with("currentStatus", w.status.name());
        }
        WarningView before = WarningView.of(w);
        w.status = WarningStatus.ACKNOWLEDGED;
        w.acknowledgedBy = caller.subject();
        w.acknowledgedAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.flush();
        WarningView after = WarningView.of(w);
        audit.record("warning.acknowledged", "warning", w.id, before, after);
        outbox.publish(InitiativeEvents.TOPIC, InitiativeEvents.WARNING_ACKNOWLEDGED, "warning", w.id, w.version, after);
        changes.fire(new ScorecardChange("warning", w.initiativeId, null, w.agencyCode,
                w.kind + " acknowledged: " + w.subjectLabel, after, OffsetDateTime.now(ZoneOffset.UTC)));
        return after;
    }
}
