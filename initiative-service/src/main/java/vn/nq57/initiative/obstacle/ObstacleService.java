package vn.nq57.initiative.obstacle;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import vn.nq57.initiative.agency.Agency;
import vn.nq57.initiative.agency.AgencyService;
import vn.nq57.initiative.events.InitiativeEvents;
import vn.nq57.platform.federation.OriginFilter;
import vn.nq57.initiative.plan.Initiative;
import vn.nq57.initiative.plan.InitiativeService;
import vn.nq57.initiative.obstacle.ObstacleViews.AnswerRequest;
import vn.nq57.initiative.obstacle.ObstacleViews.CloseRequest;
import vn.nq57.initiative.obstacle.ObstacleViews.ObstacleEventData;
import vn.nq57.initiative.obstacle.ObstacleViews.ObstacleRequest;
import vn.nq57.initiative.obstacle.ObstacleViews.ObstacleView;
import vn.nq57.initiative.scorecard.ScorecardViews.ScorecardChange;
import vn.nq57.platform.InstanceConfig;
import vn.nq57.platform.audit.AuditTrail;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.federation.Federation;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.outbox.Outbox;
import vn.nq57.platform.paging.Conditions;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.period.Period;
import vn.nq57.platform.security.AgencyAccess;
import vn.nq57.platform.security.Caller;
import vn.nq57.platform.security.Roles;

/**
 * Obstacles: filed by the lead or a coordinating agency of an initiative, answered by the asked agency, resolved or
 * closed by the filing agency.
 */
@ApplicationScoped
public class ObstacleService {

    @Inject
    Clock clock;

    @Inject
    vn.nq57.platform.federation.Commissioning commissioning;

    @Inject
    InitiativeService initiatives;

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
    EntityManager em;

    @Inject
    Federation federation;

    @Inject
    OriginFilter origins;

    @Inject
    vn.nq57.initiative.agency.AgencyTree tree;

    @Inject
    Event<ScorecardChange> changes;

    /** Working days the asked agency has to answer (15 unless an instance's rules name another). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "nq57.obstacles.answer-working-days",
            defaultValue = "15")
    int answerDays;

    public record Filter(UUID initiativeId, String agency, ObstacleStatus status, Boolean open, Integer minAgeDays,
                         String origin) {
    }

    public Page<ObstacleView> list(Filter f, PageRequest page) {
        Conditions c = new Conditions()
                .and("o.initiative.id = :initiative", "initiative", f.initiativeId())
                .code("(o.filedByAgency.code = :agency or o.askedAgency.code = :agency)", "agency", f.agency())
                .and("o.status = :status", "status", f.status())
                .and("o.filedAt <= :filedBefore", "filedBefore", f.minAgeDays() == null ? null
                        : OffsetDateTime.now(ZoneOffset.UTC).minusDays(f.minAgeDays()))
                .origin(origins.parse(f.origin()), "o.origin");
        if (f.open() != null) {
            c.and(f.open() ? "o.status in :openStates" : "o.status not in :openStates", "openStates",
                    List.of(ObstacleStatus.OPEN, ObstacleStatus.ANSWERED));
        }
        long total = Obstacle.count("from Obstacle o where " + c.where(), c.params());
        List<ObstacleView> items = Obstacle.<Obstacle>find("from Obstacle o join fetch o.initiative "
                                + "join fetch o.filedByAgency join fetch o.askedAgency where " + c.where(),
                        Sort.by("o.filedAt").and("o.id"), c.params())
                .page(page.page, page.size).list().stream().map(ObstacleView::of).toList();
        return Page.of(items, page, total);
    }

    public Obstacle get(UUID id) {
        Obstacle o = Obstacle.findById(id);
        if (o == null) {
            throw ApiException.notFound("Obstacle", id);
        }
        return o;
    }

    @Transactional
    public ObstacleView file(ObstacleRequest request) {
        Initiative i = initiatives.get(request.initiativeId());
        Agency filer = agencies.referenced("filedByAgency", request.filedByAgency());
        Agency asked = agencies.referenced("askedAgency", request.askedAgency());
        access.requireRoleInScope(filer.code, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER);
        commissioning.requireAgencyWritable(filer.code, "An obstacle filed");
        boolean involved = i.leadAgency.id.equals(filer.id) || i.coordinators.stream().anyMatch(a -> a.id.equals(filer.id));
        if (!involved && !caller.isCentralAdmin()) {
            throw ApiException.forbidden("agency " + filer.code + " neither leads nor coordinates initiative " + i.code);
        }
        if (filer.id.equals(asked.id)) {
            throw ApiException.badRequest("askedAgency", "an obstacle asks another agency to act");
        }
        Obstacle o = new Obstacle();
        o.id = UUID.randomUUID();
        o.initiative = i;
        o.filedByAgency = filer;
        o.askedAgency = asked;
        o.description = request.description().trim();
        o.request = request.request().trim();
        o.status = ObstacleStatus.OPEN;
        o.filedBy = caller.subject();
        o.filedAt = OffsetDateTime.now(ZoneOffset.UTC);
        o.answerDue = vn.nq57.platform.period.WorkingDays.after(Period.today(clock), answerDays);
        o.originInstance = instance.id();
        o.persist();
        em.flush();
        return changed(o, null, "obstacle.filed", InitiativeEvents.OBSTACLE_FILED);
    }

    @Transactional
    public ObstacleView answer(UUID id, String ifMatch, AnswerRequest request) {
        Obstacle o = get(id);
        if (!federation.owns(o.origin) && askedHere(o)) {
            return answerForOwner(o, ifMatch, request);
        }
        federation.requireOwned(o.origin, "Obstacle", o.id);
        checkVersion(o, ifMatch);
        access.requireRoleInScope(o.askedAgency.code, Roles.MINISTRY_ADMIN);
        if (!o.status.isOpen()) {
            throw ApiException.conflict("obstacle is " + o.status + "; only an open obstacle can be answered")
                    .with("currentStatus", o.status);
        }
        ObstacleView before = ObstacleView.of(o);
        o.status = ObstacleStatus.ANSWERED;
        o.answer = request.answer().trim();
        o.answeredBy = caller.subject();
        o.answeredAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.flush();
        return changed(o, before, "obstacle.answered", InitiativeEvents.OBSTACLE_ANSWERED);
    }

    /**
     * Whether a replica of another instance's obstacle asks an agency this instance answers for: at central, one that
     * lies outside the part of the tree the owning ministry reports for (e.g. BKHCN's obstacle asking BTC).
     */
    private boolean askedHere(Obstacle o) {
        if (!federation.isCentral()) {
            return false;
        }
        return federation.originAgency(o.origin)
                .map(ministry -> !tree.isWithin(o.askedAgency.code, ministry)).orElse(false);
    }

    /**
     * Answers, where the asked agency is, an obstacle another instance owns: the answer is written on the replica
     * (its version stays the owner's), marked with this instance, served to the owner in the catalogue, which writes
     * it on its own row and sends it back as its own change.
     */
    private ObstacleView answerForOwner(Obstacle o, String ifMatch, AnswerRequest request) {
        checkVersion(o, ifMatch);
        access.requireRoleInScope(o.askedAgency.code, Roles.MINISTRY_ADMIN);
        if (!o.status.isOpen()) {
            throw ApiException.conflict("obstacle is " + o.status + "; only an open obstacle can be answered")
                    .with("currentStatus", o.status);
        }
        ObstacleView before = ObstacleView.of(o);
        em.flush();
        em.createNativeQuery("UPDATE obstacle SET status = 'ANSWERED', answer = :answer, answered_by = :by, "
                        + "answered_at = :at, answer_origin = :here WHERE id = :id")
                .setParameter("answer", request.answer().trim()).setParameter("by", caller.subject())
                .setParameter("at", OffsetDateTime.now(ZoneOffset.UTC)).setParameter("here", instance.id())
                .setParameter("id", o.id).executeUpdate();
        em.refresh(o);
        ObstacleView after = ObstacleView.of(o);
        audit.record("obstacle.answered", "obstacle", o.id, before, after);
        changes.fire(ScorecardChange.of("obstacle", o.initiative, "obstacle.answered for " + o.origin, after));
        return after;
    }

    /**
     * Writes on this instance's own obstacle the answer another instance gave (the asked agency's instance, through
     * its catalogue): ANSWERED, audited and published as this instance's own change (so it flows back). An answer
     * already held, or an obstacle no longer open, changes nothing.
     */
    @Transactional
    public boolean answeredElsewhere(UUID id, String answer, String answeredBy, OffsetDateTime answeredAt,
                                     String elsewhere) {
        Obstacle o = Obstacle.findById(id);
        if (o == null || !federation.owns(o.origin) || !o.status.isOpen() || answer == null
                || (answer.equals(o.answer) && answeredAt != null && answeredAt.isEqual(o.answeredAt))) {
            return false;
        }
        ObstacleView before = ObstacleView.of(o);
        o.status = ObstacleStatus.ANSWERED;
        o.answer = answer;
        o.answeredBy = answeredBy;
        o.answeredAt = answeredAt;
        o.answerOrigin = elsewhere;
        em.flush();
        changed(o, before, "obstacle.answered", InitiativeEvents.OBSTACLE_ANSWERED);
        return true;
    }

    @Transactional
    public ObstacleView resolve(UUID id, String ifMatch, CloseRequest request) {
        return close(id, ifMatch, request, ObstacleStatus.RESOLVED, InitiativeEvents.OBSTACLE_RESOLVED);
    }

    @Transactional
    public ObstacleView withdraw(UUID id, String ifMatch, CloseRequest request) {
        return close(id, ifMatch, request, ObstacleStatus.CLOSED, InitiativeEvents.OBSTACLE_CLOSED);
    }

    private ObstacleView close(UUID id, String ifMatch, CloseRequest request, ObstacleStatus to, String eventType) {
        Obstacle o = get(id);
        federation.requireOwned(o.origin, "Obstacle", o.id);
        checkVersion(o, ifMatch);
        access.requireRoleInScope(o.filedByAgency.code, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER);
        if (!o.status.isOpen()) {
            throw ApiException.conflict("obstacle is already " + o.status).with("currentStatus", o.status);
        }
        if (to == ObstacleStatus.RESOLVED && o.status != ObstacleStatus.ANSWERED) {
            throw ApiException.conflict("an obstacle is resolved after the asked agency answered it; close it instead")
                    .with("currentStatus", o.status).with("allowed", List.of(ObstacleStatus.CLOSED));
        }
        ObstacleView before = ObstacleView.of(o);
        o.status = to;
        o.resolutionNote = request.note().trim();
        o.closedAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.flush();
        return changed(o, before, "obstacle." + to.name().toLowerCase(), eventType);
    }

    private static void checkVersion(Obstacle o, String ifMatch) {
        if (ifMatch != null) {
            ETags.require(ifMatch, o.version);
        }
    }

    private ObstacleView changed(Obstacle o, ObstacleView before, String action, String eventType) {
        ObstacleView after = ObstacleView.of(o);
        audit.record(action, "obstacle", o.id, before, after);
        outbox.publish(InitiativeEvents.TOPIC, eventType, "obstacle", o.id, o.version, ObstacleEventData.of(o));
        changes.fire(ScorecardChange.of("obstacle", o.initiative, action, after));
        return after;
    }
}
