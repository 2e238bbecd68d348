package vn.nq57.initiative.plan;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import vn.nq57.initiative.catalogue.PlanPhase;
import vn.nq57.platform.paging.Conditions;
import vn.nq57.platform.period.Period;
import vn.nq57.platform.period.PlanHorizon;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.nq57.initiative.agency.Agency;
import vn.nq57.initiative.agency.AgencyService;
import vn.nq57.initiative.agency.AgencyViews.AgencyRef;
import vn.nq57.initiative.events.InitiativeEvents;
import vn.nq57.platform.federation.OriginFilter;
import vn.nq57.initiative.plan.InitiativeViews.InitiativeEventData;
import vn.nq57.initiative.plan.InitiativeViews.InitiativeRequest;
import vn.nq57.initiative.plan.InitiativeViews.InitiativeSummary;
import vn.nq57.initiative.plan.InitiativeViews.InitiativeView;
import vn.nq57.initiative.plan.InitiativeViews.MilestoneRequest;
import vn.nq57.initiative.plan.InitiativeViews.OutputRequest;
import vn.nq57.initiative.plan.InitiativeViews.SimilarInitiative;
import vn.nq57.initiative.plan.InitiativeViews.TransitionRequest;
import vn.nq57.initiative.plan.InitiativeViews.TransitionView;
import vn.nq57.initiative.scorecard.ScorecardViews.ScorecardChange;
import vn.nq57.platform.InstanceConfig;
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

/** The rules of initiatives: who may write them, their lifecycle, their events and audit. */
@ApplicationScoped
public class InitiativeService {

    @Inject
    Clock clock;

    @Inject
    vn.nq57.platform.federation.Commissioning commissioning;


    @Inject
    AgencyService agencies;

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
    SimilarityService similarity;

    @Inject
    Federation federation;

    @Inject
    OriginFilter origins;

    @Inject
    EntityManager em;

    @Inject
    Event<ScorecardChange> changes;

    LocalDate today() {
        return Period.today(clock);
    }

    /** Filters of the initiative list; null means "any". {@code origin} is the owning instance. */
    public record Filter(String system, String phase, String leadAgency, InitiativeStatus status, Boolean key,
                         LocalDate deadlineFrom, LocalDate deadlineTo, String text, Boolean overdue, String origin) {
    }

    public Page<InitiativeSummary> list(Filter f, PageRequest page) {
        Conditions c = new Conditions()
                .code("i.systemCode = :system", "system", f.system())
                .code("i.phaseCode = :phase", "phase", f.phase())
                .code("i.leadAgency.code = :lead", "lead", f.leadAgency())
                .and("i.status = :status", "status", f.status())
                .and("i.key = :key", "key", f.key())
                .and("i.deadline >= :from", "from", f.deadlineFrom())
                .and("i.deadline <= :to", "to", f.deadlineTo())
                .search("i.searchText like :q", "q", f.text())
                .origin(origins.parse(f.origin()), "i.origin");
        if (f.overdue() != null) {
            c.and((f.overdue() ? "exists" : "not exists")
                    + " (select 1 from InitiativeOutput o where o.initiative = i and o.dueDate < :today"
                    + " and o.status not in (vn.nq57.initiative.plan.OutputStatus.DELIVERED,"
                    + " vn.nq57.initiative.plan.OutputStatus.CANCELLED))", "today", today());
        }
        long total = Initiative.count("from Initiative i where " + c.where(), c.params());
        List<Initiative> rows = Initiative.<Initiative>find("from Initiative i join fetch i.leadAgency where " + c.where(),
                Sort.by("i.code"), c.params()).page(page.page, page.size).list();
        Map<UUID, Long> overdue = overdueCounts(rows.stream().map(i -> i.id).toList());
        List<InitiativeSummary> items = rows.stream().map(i -> new InitiativeSummary(i.id, i.code, i.systemCode,
                i.phaseCode, i.titleVi, i.deadline, AgencyRef.of(i.leadAgency), i.key, i.status,
                overdue.getOrDefault(i.id, 0L), i.originInstance, i.originInstance, i.version)).toList();
        return Page.of(items, page, total);
    }

    private Map<UUID, Long> overdueCounts(List<UUID> ids) {
        Map<UUID, Long> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        List<Object[]> rows = em.createQuery("select o.initiative.id, count(o) from InitiativeOutput o "
                        + "where o.initiative.id in :ids and o.dueDate < :today and o.status not in :done "
                        + "group by o.initiative.id", Object[].class)
                .setParameter("ids", ids).setParameter("today", today())
                .setParameter("done", List.of(OutputStatus.DELIVERED, OutputStatus.CANCELLED)).getResultList();
        for (Object[] row : rows) {
            result.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        return result;
    }

    public Initiative get(UUID id) {
        Initiative i = Initiative.findById(id);
        if (i == null) {
            throw ApiException.notFound("Initiative", id);
        }
        return i;
    }

    public Initiative getByCode(String code) {
        return Initiative.<Initiative>find("code", code.trim().toUpperCase()).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("Initiative", code));
    }

    @Transactional
    public InitiativeView create(InitiativeRequest request) {
        Agency lead = agencies.referenced("leadAgency", request.leadAgency());
        access.requireRoleInScope(lead.code, Roles.MINISTRY_ADMIN);
        commissioning.requireAgencyWritable(lead.code, "An initiative led");
        String code = request.code().trim().toUpperCase();
        if (Initiative.count("code", code) > 0) {
            throw ApiException.conflict("initiative " + code + " already exists");
        }
        if (request.outputs() == null || request.outputs().isEmpty()) {
            throw ApiException.badRequest("outputs", "an initiative needs at least one output (sản phẩm đầu ra)");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Initiative i = new Initiative();
        i.id = UUID.randomUUID();
        i.code = code;
        i.status = InitiativeStatus.DRAFT;
        i.originInstance = instance.id();
        i.createdBy = caller.subject();
        i.createdAt = now;
        i.updatedAt = now;
        apply(i, request, lead);
        int order = 0;
        for (OutputRequest o : request.outputs()) {
            i.outputs.add(newOutput(i, o, order, "outputs[" + order + "]."));
            order++;
        }
        i.persist();
        recordTransition(i, null, InitiativeStatus.DRAFT, "created");
        em.flush();
        InitiativeView view = InitiativeView.of(i, today());
        audit.record("initiative.created", "initiative", i.id, null, view);
        outbox.publish(InitiativeEvents.TOPIC, InitiativeEvents.INITIATIVE_CREATED, "initiative", i.id, i.version,
                InitiativeEventData.of(i, today()));
        List<SimilarInitiative> similar = similarity.similarTo(i.titleVi, i.contentOrientation, i.id, 5);
        return view.withSimilar(similar);
    }

    @Transactional
    public InitiativeView update(UUID id, String ifMatch, InitiativeRequest request) {
        Initiative i = get(id);
        federation.requireOwned(i.origin, "Initiative", i.id);
        ETags.require(ifMatch, i.version);
        access.requireRoleInScope(i.leadAgency.code, Roles.MINISTRY_ADMIN);
        if (!i.code.equalsIgnoreCase(request.code().trim())) {
            throw ApiException.badRequest("code", "an initiative's code cannot change (was " + i.code + ")");
        }
        if (i.status.isFinal()) {
            throw ApiException.conflict("initiative " + i.code + " is " + i.status + " and can no longer be edited");
        }
        Agency lead = agencies.referenced("leadAgency", request.leadAgency());
        access.requireRoleInScope(lead.code, Roles.MINISTRY_ADMIN);
        InitiativeView before = InitiativeView.of(i, today());
        apply(i, request, lead);
        i.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.flush();
        InitiativeView after = InitiativeView.of(i, today());
        audit.record("initiative.updated", "initiative", i.id, before, after);
        outbox.publish(InitiativeEvents.TOPIC, InitiativeEvents.INITIATIVE_UPDATED, "initiative", i.id, i.version,
                InitiativeEventData.of(i, today()));
        return after;
    }

    @Transactional
    public InitiativeView transition(UUID id, String ifMatch, TransitionRequest request) {
        Initiative i = get(id);
        federation.requireOwned(i.origin, "Initiative", i.id);
        if (ifMatch != null) {
            ETags.require(ifMatch, i.version);
        }
        access.requireRoleInScope(i.leadAgency.code, Roles.MINISTRY_ADMIN);
        InitiativeStatus from = i.status;
        InitiativeStatus to = request.to();
        if (!from.allowedNext().contains(to)) {
            throw ApiException.conflict("initiative " + i.code + " cannot go from " + from + " to " + to
                            + (from.allowedNext().isEmpty() ? " (" + from + " is final)" : "; allowed: " + from.allowedNext()))
                    .with("currentStatus", from).with("allowed", from.allowedNext());
        }
        if (to == InitiativeStatus.APPROVED && !caller.isCentralAdmin()) {
            throw ApiException.forbidden("only a central admin approves an initiative into the national plan");
        }
        InitiativeView before = InitiativeView.of(i, today());
        i.status = to;
        i.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        recordTransition(i, from, to, request.reason().trim());
        em.flush();
        InitiativeView after = InitiativeView.of(i, today());
        audit.record("initiative.status-changed", "initiative", i.id, before, after);
        outbox.publish(InitiativeEvents.TOPIC, InitiativeEvents.INITIATIVE_STATUS_CHANGED, "initiative", i.id,
                i.version, InitiativeEventData.of(i, today()));
        changes.fire(ScorecardChange.of("initiative", i, i.code + " " + from + " -> " + to, InitiativeEventData.of(i, today())));
        return after;
    }

    public List<TransitionView> history(UUID id) {
        get(id);
        return StatusTransition.<StatusTransition>find("initiativeId", Sort.by("occurredAt").and("id"), id)
                .stream().map(TransitionView::of).toList();
    }

    private void recordTransition(Initiative i, InitiativeStatus from, InitiativeStatus to, String reason) {
        StatusTransition t = new StatusTransition();
        t.id = UUID.randomUUID();
        t.initiativeId = i.id;
        t.fromStatus = from;
        t.toStatus = to;
        t.reason = reason;
        t.actor = caller.subject();
        t.actorAgency = caller.agency();
        t.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        t.persist();
    }

    private void apply(Initiative i, InitiativeRequest r, Agency lead) {
        String phase = r.phase().trim().toUpperCase();
        requirePlanDate(phase, "deadline", r.deadline());
        if (r.milestones() != null) {
            for (int n = 0; n < r.milestones().size(); n++) {
                requirePlanDate(phase, "milestones[" + n + "].dueDate", r.milestones().get(n).dueDate());
            }
        }
        // resolve every reference before changing the entity (queries would flush a dirty entity early)
        Set<Agency> coordinators = new LinkedHashSet<>();
        if (r.coordinatingAgencies() != null) {
            for (String code : r.coordinatingAgencies()) {
                Agency a = agencies.referenced("coordinatingAgencies", code);
                if (a.id.equals(lead.id)) {
                    throw ApiException.badRequest("coordinatingAgencies",
                            "the lead agency " + lead.code + " cannot also be a coordinating agency");
                }
                coordinators.add(a);
            }
        }
        Agency architectAgency = r.chiefArchitect() == null ? null
                : agencies.referenced("chiefArchitect.agency", r.chiefArchitect().agency());
        i.systemCode = r.system().trim().toUpperCase();
        i.phaseCode = r.phase().trim().toUpperCase();
        i.titleVi = r.titleVi().trim();
        i.titleEn = r.titleEn() == null || r.titleEn().isBlank() ? null : r.titleEn().trim();
        i.contentOrientation = r.contentOrientation().trim();
        i.deadline = r.deadline();
        i.leadAgency = lead;
        i.key = Boolean.TRUE.equals(r.key());
        i.evaluationCriteria = new ArrayList<>(r.evaluationCriteria().stream().map(String::trim).toList());
        i.linkedProgrammes = r.linkedProgrammes() == null ? new ArrayList<>()
                : new ArrayList<>(r.linkedProgrammes().stream().map(String::trim).toList());
        if (!i.coordinators.equals(coordinators)) {
            i.coordinators.clear();
            i.coordinators.addAll(coordinators);
        }
        i.chiefArchitectName = r.chiefArchitect() == null ? null : r.chiefArchitect().name().trim();
        i.chiefArchitectPosition = r.chiefArchitect() == null ? null : r.chiefArchitect().position();
        i.chiefArchitectAgency = architectAgency;
        i.milestones.clear();
        if (r.milestones() != null) {
            int order = 0;
            for (MilestoneRequest m : r.milestones()) {
                Milestone milestone = new Milestone();
                milestone.id = UUID.randomUUID();
                milestone.initiative = i;
                milestone.title = m.title().trim();
                milestone.dueDate = m.dueDate();
                milestone.done = Boolean.TRUE.equals(m.done());
                milestone.sortOrder = order++;
                i.milestones.add(milestone);
            }
        }
    }

    /**
     * A date an initiative names (deadline, a milestone's or an output's due date) lies in the plan's horizon and not
     * before its phase starts; otherwise a 400 problem naming {@code field}.
     */
    static void requirePlanDate(String phaseCode, String field, LocalDate date) {
        PlanPhase phase = phaseCode == null ? null : PlanPhase.findById(phaseCode);
        LocalDate start = phase == null ? PlanHorizon.FIRST_DAY : LocalDate.of(phase.startYear, 1, 1);
        PlanHorizon.require(field, date, start, "the start of the initiative's phase " + phaseCode + ", " + start);
    }

    /** A new output of {@code i}; {@code field} names its request in a problem ({@code outputs[0]}, or empty). */
    static InitiativeOutput newOutput(Initiative i, OutputRequest o, int order, String field) {
        requirePlanDate(i.phaseCode, field + "dueDate", o.dueDate());
        InitiativeOutput output = new InitiativeOutput();
        output.id = UUID.randomUUID();
        output.initiative = i;
        output.description = o.description().trim();
        output.dueDate = o.dueDate();
        output.status = o.status() == null ? OutputStatus.PLANNED : o.status();
        output.evidenceLink = o.evidenceLink();
        if (output.status == OutputStatus.DELIVERED) {
            if (o.evidenceLink() == null || o.evidenceLink().isBlank()) {
                throw ApiException.badRequest(field + "evidenceLink",
                        "a delivered output needs an evidence link");
            }
            output.deliveredAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        output.sortOrder = order;
        return output;
    }
}
