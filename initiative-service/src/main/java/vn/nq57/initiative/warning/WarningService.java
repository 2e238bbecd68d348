package vn.nq57.initiative.warning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import vn.nq57.platform.paging.Conditions;
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
@vn.nq57.platform.jdbc.Jdbc("the warnings of all obligations are evaluated set-based, in JDBC batches (measured: README, Accountability)")
@ApplicationScoped
public class WarningService {

    private static final Logger LOG = Logger.getLogger(WarningService.class);

    @Inject
    Clock clock;

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
    public EvaluationResult evaluate() {
        return evaluate(Period.today(clock));
    }

    /**
     * Evaluates every cause as of {@code today}: opens a warning for each new cause, resolves those whose cause went
     * away, refreshes the words and severity of the others. Set-based: open warnings are read as rows (not entities),
     * written with JDBC batches, and their events stored in one outbox round trip.
     */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public EvaluationResult evaluate(LocalDate today) {
        long start = System.nanoTime();
        Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext('nq57.warnings'))")
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return new EvaluationResult(0, 0, 0, 0, 0, 0, true);
        }
        int obligationsChanged = obligations.refreshDefaults(null);
        Map<String, Cause> found = new HashMap<>();
        for (Cause c : evaluator.causes(today)) {
            found.put(c.key(), c);
        }
        Map<String, OpenRow> open = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, cause, severity, reason_vi, agency_code "
                + "FROM warning WHERE status <> 'RESOLVED'").getResultList();
        for (Object[] r : rows) {
            open.put((String) r[1], new OpenRow((UUID) r[0], (String) r[2], (String) r[3], (String) r[4]));
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<UUID, Cause> opened = new LinkedHashMap<>();
        List<Cause> changed = new ArrayList<>();
        for (Cause c : found.values()) {
            OpenRow o = open.get(c.key());
            if (o == null) {
                opened.put(UUID.randomUUID(), c);
            } else if (!o.severity().equals(c.severity().name()) || !Objects.equals(o.reasonVi(), c.reasonVi())
                    || !Objects.equals(o.agency(), c.agency())) {
                changed.add(c);
            }
        }
        List<UUID> gone = open.entrySet().stream().filter(e -> !found.containsKey(e.getKey()))
                .map(e -> e.getValue().id()).toList();
        em.flush();
        em.unwrap(org.hibernate.Session.class).doWork(c -> write(c, opened, changed, open, gone, now));
        List<WarningView> openedViews = new ArrayList<>(opened.size());
        opened.forEach((id, c) -> openedViews.add(new WarningView(id, c.kind(), c.severity(), c.subjectType(),
                c.subjectId(), c.label(), c.initiativeId(), c.agency(), c.reasonVi(), c.reasonEn(), WarningStatus.OPEN,
                now, null, null, null, 0)));
        List<WarningView> resolved = views(gone);
        List<Outbox.Pending> events = new ArrayList<>(openedViews.size() + resolved.size());
        openedViews.forEach(w -> events.add(new Outbox.Pending(InitiativeEvents.WARNING_OPENED, "warning", w.id(), 0, w)));
        resolved.forEach(w -> events.add(new Outbox.Pending(InitiativeEvents.WARNING_RESOLVED, "warning", w.id(),
                w.version(), w)));
        outbox.publishAll(InitiativeEvents.TOPIC, events);
        announce(openedViews, resolved);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (!opened.isEmpty() || !resolved.isEmpty()) {
            LOG.infof("warnings: %d cause(s), %d opened, %d resolved in %d ms", found.size(), opened.size(),
                    resolved.size(), millis);
        }
        return new EvaluationResult(found.size(), opened.size(), resolved.size(),
                open.size() + opened.size() - resolved.size(), obligationsChanged, millis, false);
    }

    private record OpenRow(UUID id, String severity, String reasonVi, String agency) {
    }

    private static void write(java.sql.Connection c, Map<UUID, Cause> opened, List<Cause> changed,
                              Map<String, OpenRow> open, List<UUID> gone, OffsetDateTime now)
            throws java.sql.SQLException {
        try (var insert = c.prepareStatement("INSERT INTO warning (id, cause, kind, severity, subject_type, subject_id, "
                + "subject_label, initiative_id, agency_code, reason_vi, reason_en, status, since, version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, 0)")) {
            int n = 0;
            for (Map.Entry<UUID, Cause> e : opened.entrySet()) {
                Cause k = e.getValue();
                insert.setObject(1, e.getKey());
                insert.setString(2, k.key());
                insert.setString(3, k.kind().name());
                insert.setString(4, k.severity().name());
                insert.setString(5, k.subjectType().name());
                insert.setObject(6, k.subjectId());
                insert.setString(7, k.label());
                insert.setObject(8, k.initiativeId());
                insert.setString(9, k.agency());
                insert.setString(10, k.reasonVi());
                insert.setString(11, k.reasonEn());
                insert.setObject(12, now);
                insert.addBatch();
                if (++n % 500 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        try (var update = c.prepareStatement("UPDATE warning SET severity = ?, reason_vi = ?, reason_en = ?, "
                + "agency_code = ?, subject_label = ? WHERE id = ?")) {
            for (Cause k : changed) {
                update.setString(1, k.severity().name());
                update.setString(2, k.reasonVi());
                update.setString(3, k.reasonEn());
                update.setString(4, k.agency());
                update.setString(5, k.label());
                update.setObject(6, open.get(k.key()).id());
                update.addBatch();
            }
            update.executeBatch();
        }
        try (var resolve = c.prepareStatement("UPDATE warning SET status = 'RESOLVED', resolved_at = ?, "
                + "version = version + 1 WHERE id = ?")) {
            int n = 0;
            for (UUID id : gone) {
                resolve.setObject(1, now);
                resolve.setObject(2, id);
                resolve.addBatch();
                if (++n % 500 == 0) {
                    resolve.executeBatch();
                }
            }
            resolve.executeBatch();
        }
    }

    /** The views of warnings just written with JDBC (read afresh). */
    private List<WarningView> views(List<UUID> ids) {
        List<WarningView> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i += 1000) {
            List<UUID> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
            em.createQuery("from Warning w where w.id in :ids", Warning.class).setParameter("ids", chunk)
                    .setHint("org.hibernate.cacheMode", "IGNORE").getResultList().forEach(w -> {
                        em.refresh(w);
                        out.add(WarningView.of(w));
                    });
        }
        return out;
    }

    /** The live stream: each change when there are few, one summary per agency when an evaluation changed many. */
    private void announce(List<WarningView> opened, List<WarningView> resolved) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        if (opened.size() + resolved.size() <= 100) {
            opened.forEach(w -> changes.fire(new ScorecardChange("warning", w.initiativeId(), null, w.agency(),
                    w.kind() + " opened: " + w.subjectLabel(), w, at)));
            resolved.forEach(w -> changes.fire(new ScorecardChange("warning", w.initiativeId(), null, w.agency(),
                    w.kind() + " resolved: " + w.subjectLabel(), w, at)));
            return;
        }
        Map<String, int[]> perAgency = new HashMap<>();
        opened.forEach(w -> perAgency.computeIfAbsent(String.valueOf(w.agency()), k -> new int[2])[0]++);
        resolved.forEach(w -> perAgency.computeIfAbsent(String.valueOf(w.agency()), k -> new int[2])[1]++);
        perAgency.forEach((agency, n) -> changes.fire(new ScorecardChange("warning", null, null, agency,
                n[0] + " warning(s) opened, " + n[1] + " resolved", Map.of("opened", n[0], "resolved", n[1]), at)));
    }

    /** The agencies whose warnings the caller reads: null for all (central admins). */
    public Set<String> scope() {
        if (caller.isCentralAdmin()) {
            return null;
        }
        return caller.agency() == null ? Set.of() : hierarchy.subtree(caller.agency());
    }

    public Page<WarningView> list(Filter f, PageRequest page) {
        Set<String> scope = scope();
        if (scope != null && scope.isEmpty()) {
            return Page.of(List.of(), page, 0);
        }
        Conditions c = new Conditions()
                .and("w.agencyCode in :scope", "scope", scope)
                .and("w.kind = :kind", "kind", f.kind())
                .and("w.severity = :severity", "severity", f.severity())
                .code("w.agencyCode = :agency", "agency", f.agency())
                .and("w.subjectType = :subjectType", "subjectType", f.subjectType())
                .and("w.subjectId = :subjectId", "subjectId", f.subjectId())
                .and("w.status = :status", "status", f.status());
        if (f.open() != null) {
            c.and(f.open() ? "w.status <> :resolved" : "w.status = :resolved", "resolved", WarningStatus.RESOLVED);
        }
        long total = Warning.count("from Warning w where " + c.where(), c.params());
        List<WarningView> items = Warning.<Warning>find("from Warning w where " + c.where()
                        + " order by w.since desc, w.id", c.params())
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
