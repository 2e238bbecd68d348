package vn.nq57.initiative.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import vn.nq57.initiative.events.InitiativeEvents;
import vn.nq57.initiative.plan.InitiativeViews.DeliveryRequest;
import vn.nq57.initiative.plan.InitiativeViews.OutputRequest;
import vn.nq57.initiative.plan.InitiativeViews.OutputView;
import vn.nq57.initiative.scorecard.ScorecardViews.ScorecardChange;
import vn.nq57.platform.audit.AuditTrail;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.federation.Federation;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.outbox.Outbox;
import vn.nq57.platform.period.Period;
import vn.nq57.platform.security.AgencyAccess;
import vn.nq57.platform.security.Roles;

/** Outputs of an initiative: added and updated by its lead agency's admins and data submitters, delivered with evidence. */
@ApplicationScoped
public class OutputService {

    @Inject
    Clock clock;

    @Inject
    InitiativeService initiatives;

    @Inject
    AgencyAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    Federation federation;

    @Inject
    Event<ScorecardChange> changes;

    /** What other services learn of an output (the scorecard counts overdue outputs). */
    public record OutputEventData(UUID id, UUID initiativeId, String initiativeCode, String description,
                                  java.time.LocalDate dueDate, OutputStatus status, String evidenceLink,
                                  OffsetDateTime deliveredAt, long version) {
        static OutputEventData of(InitiativeOutput o) {
            return new OutputEventData(o.id, o.initiative.id, o.initiative.code, o.description, o.dueDate, o.status,
                    o.evidenceLink, o.deliveredAt, o.version);
        }
    }

    @Transactional
    public OutputView add(UUID initiativeId, OutputRequest request) {
        Initiative i = writable(initiativeId);
        int order = i.outputs.stream().mapToInt(o -> o.sortOrder + 1).max().orElse(0);
        InitiativeOutput o = InitiativeService.newOutput(i, request, order, "");
        o.persist();
        i.outputs.add(o);
        em.flush();
        return changed(o, null, "output.added", InitiativeEvents.OUTPUT_ADDED);
    }

    @Transactional
    public OutputView update(UUID initiativeId, UUID outputId, String ifMatch, OutputRequest request) {
        Initiative i = writable(initiativeId);
        InitiativeOutput o = output(i, outputId);
        ETags.require(ifMatch, o.version);
        if (o.status == OutputStatus.DELIVERED && request.status() != null && request.status() != OutputStatus.DELIVERED) {
            throw ApiException.conflict("output " + o.id + " is delivered; a delivered output stays delivered");
        }
        OutputView before = OutputView.of(o, Period.today(clock));
        InitiativeService.requirePlanDate(i.phaseCode, "dueDate", request.dueDate());
        o.description = request.description().trim();
        o.dueDate = request.dueDate();
        if (request.status() == OutputStatus.DELIVERED && o.status != OutputStatus.DELIVERED) {
            throw ApiException.badRequest("status", "deliver an output with POST .../outputs/{id}/delivery and its evidence");
        }
        if (request.status() != null) {
            o.status = request.status();
        }
        if (request.evidenceLink() != null) {
            o.evidenceLink = request.evidenceLink();
        }
        em.flush();
        return changed(o, before, "output.updated", InitiativeEvents.OUTPUT_UPDATED);
    }

    @Transactional
    public OutputView deliver(UUID initiativeId, UUID outputId, String ifMatch, DeliveryRequest request) {
        Initiative i = writable(initiativeId);
        InitiativeOutput o = output(i, outputId);
        if (ifMatch != null) {
            ETags.require(ifMatch, o.version);
        }
        if (o.status == OutputStatus.DELIVERED) {
            throw ApiException.conflict("output " + o.id + " was already delivered on " + o.deliveredAt);
        }
        if (o.status == OutputStatus.CANCELLED) {
            throw ApiException.conflict("output " + o.id + " is cancelled");
        }
        OutputView before = OutputView.of(o, Period.today(clock));
        o.status = OutputStatus.DELIVERED;
        o.evidenceLink = request.evidenceLink().trim();
        o.deliveredAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.flush();
        return changed(o, before, "output.delivered", InitiativeEvents.OUTPUT_DELIVERED);
    }

    public InitiativeOutput output(Initiative i, UUID outputId) {
        return i.outputs.stream().filter(o -> o.id.equals(outputId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Output", outputId));
    }

    private Initiative writable(UUID initiativeId) {
        Initiative i = initiatives.get(initiativeId);
        federation.requireOwned(i.origin, "Initiative", i.id);
        access.requireRoleInScope(i.leadAgency.code, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER);
        if (i.status.isFinal()) {
            throw ApiException.conflict("initiative " + i.code + " is " + i.status + "; its outputs can no longer change");
        }
        return i;
    }

    private OutputView changed(InitiativeOutput o, OutputView before, String action, String eventType) {
        OutputView after = OutputView.of(o, Period.today(clock));
        audit.record(action, "output", o.id, before, after);
        outbox.publish(InitiativeEvents.TOPIC, eventType, "output", o.id, o.version, OutputEventData.of(o));
        changes.fire(ScorecardChange.of("output", o.initiative, action + ": " + o.description, after));
        return after;
    }

}
