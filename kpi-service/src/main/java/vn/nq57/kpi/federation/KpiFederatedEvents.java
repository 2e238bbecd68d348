package vn.nq57.kpi.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.nq57.kpi.events.KpiEvents;
import vn.nq57.kpi.indicator.IndicatorService;
import vn.nq57.kpi.indicator.Tier;
import vn.nq57.kpi.initiative.InitiativeDirectory;
import vn.nq57.kpi.initiative.InitiativeReplica;
import vn.nq57.platform.agency.ReplicaAgencyHierarchy;
import vn.nq57.platform.events.CloudEvent;
import vn.nq57.platform.events.EventRefused;
import vn.nq57.platform.federation.FederatedEventHandler;
import vn.nq57.platform.outbox.Outbox;

/**
 * Central's side of the up direction for kpi-service: a ministry's indicators (OPERATIONAL, of its own initiatives or
 * central's) and the values it records and decides, applied to central's tables with the ministry as origin, then
 * re-announced on central's {@code nq57.kpi.v1} with the ministry as origin (initiative-service's scorecard replicates
 * indicators and shows measurement activity); the evaluation is brought up to date and announced as for a local write.
 */
@ApplicationScoped
public class KpiFederatedEvents implements FederatedEventHandler {

    /** The history action of each single-value event type (null: RECORDED or UPDATED). */
    private static final Map<String, String> MEASUREMENT_ACTIONS = Map.of(
            KpiEvents.MEASUREMENT_SUBMITTED, "SUBMITTED", KpiEvents.MEASUREMENT_APPROVED, "APPROVED",
            KpiEvents.MEASUREMENT_RETURNED, "RETURNED", KpiEvents.MEASUREMENT_REOPENED, "REOPENED");

    @Inject
    IndicatorReplicas indicators;

    @Inject
    MeasurementReplicas measurements;

    @Inject
    IndicatorService indicatorService;

    @Inject
    InitiativeDirectory initiatives;

    @Inject
    ReplicaAgencyHierarchy agencies;

    @Inject
    Outbox outbox;

    @Inject
    vn.nq57.kpi.evaluation.EvaluationMaintainer evaluation;

    @Override
    public boolean handles(String eventType) {
        return switch (eventType) {
            case KpiEvents.INDICATOR_CREATED, KpiEvents.INDICATOR_UPDATED, KpiEvents.INDICATOR_DELETED,
                 KpiEvents.MEASUREMENT_RECORDED, KpiEvents.MEASUREMENTS_RECORDED -> true;
            default -> MEASUREMENT_ACTIONS.containsKey(eventType);
        };
    }

    @Override
    public void apply(CloudEvent event) {
        String origin = event.origininstance();
        switch (event.type()) {
            case KpiEvents.INDICATOR_CREATED, KpiEvents.INDICATOR_UPDATED -> indicator(event, origin);
            case KpiEvents.INDICATOR_DELETED -> deleted(event, origin);
            case KpiEvents.MEASUREMENTS_RECORDED -> batch(event, origin);
            default -> {
                List<JsonNode> applied = measurements.apply(List.of(event.data()), origin,
                        MEASUREMENT_ACTIONS.get(event.type()));
                if (!applied.isEmpty()) {
                    reannounce(event, "measurement", event.data());
                }
            }
        }
    }

    /**
     * Central's fast path (issue #19): consecutive single-value events (recorded, submitted, approved…, a value
     * possibly several times) are written together — one lookup, one write, one history insert with an entry per
     * step, each touched (indicator, period) evaluated once after the whole batch — and the applied events
     * re-announced in one insert, each as it would be alone. Anything else applies on its own, in its place.
     */
    @Override
    public void applyAll(List<CloudEvent> events) {
        List<vn.nq57.kpi.evaluation.EvaluationMaintainer.Touched> touched = new ArrayList<>();
        List<CloudEvent> run = new ArrayList<>();
        for (CloudEvent event : events) {
            if (KpiEvents.MEASUREMENT_RECORDED.equals(event.type()) || MEASUREMENT_ACTIONS.containsKey(event.type())) {
                run.add(event);
                continue;
            }
            values(run, touched);
            apply(event);
        }
        values(run, touched);
        // every (indicator, period) the batch's values touched is evaluated once, after all of them
        evaluation.touched(touched);
    }

    /** Single-value events from one origin, written together and cleared; the applied ones re-announced. */
    private void values(List<CloudEvent> run, List<vn.nq57.kpi.evaluation.EvaluationMaintainer.Touched> touched) {
        if (run.isEmpty()) {
            return;
        }
        List<MeasurementReplicas.Step> steps = run.stream()
                .map(e -> new MeasurementReplicas.Step(e.data(), MEASUREMENT_ACTIONS.get(e.type()))).toList();
        java.util.Set<JsonNode> applied = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        applied.addAll(measurements.applySteps(steps, run.get(0).origininstance(), touched));
        List<Outbox.Pending> announced = new ArrayList<>(applied.size());
        for (CloudEvent event : run) {
            if (applied.contains(event.data())) {
                announced.add(new Outbox.Pending(event.type(), "measurement", event.subject(), event.aggregateversion(),
                        event.data()));
            }
        }
        outbox.publishAll(KpiEvents.TOPIC, announced, run.get(0).origininstance());
        run.clear();
    }

    private void indicator(CloudEvent event, String origin) {
        JsonNode d = event.data();
        UUID id = UUID.fromString(d.path("id").asText(event.subject()));
        String code = d.path("code").asText();
        requireOwnedBySender(indicators.current(id), origin, code);
        if (!Tier.OPERATIONAL.name().equals(d.path("tier").asText())) {
            throw new EventRefused("indicator " + code + " is " + d.path("tier").asText()
                    + ": national (STRATEGIC) indicators are central's; a ministry reports OPERATIONAL indicators");
        }
        String initiativeId = d.path("initiativeId").asText(null);
        if (initiativeId == null) {
            throw new EventRefused("OPERATIONAL indicator " + code + " names no initiative");
        }
        InitiativeReplica initiative = initiatives.find(UUID.fromString(initiativeId)).orElseThrow(() ->
                new IllegalStateException("initiative " + initiativeId + " of indicator " + code
                        + " is not known at central yet"));
        if (initiative.origin != null && !initiative.origin.equals(origin)) {
            throw new EventRefused("indicator " + code + " belongs to initiative " + initiative.code
                    + ", which instance '" + initiative.origin + "' owns");
        }
        List<String> named = new ArrayList<>();
        named.add(d.path("ownerAgency").asText());
        d.path("reportingAgencies").forEach(a -> named.add(a.asText()));
        List<String> unknown = named.stream().filter(a -> !agencies.exists(a)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("agency(ies) " + unknown + " of indicator " + code
                    + " not known at central yet");
        }
        indicators.codeTakenBy(code, id).ifPresent(other -> {
            throw new EventRefused("the code " + code + " is already used at central by indicator " + other);
        });
        indicators.upsert(d, origin);
        reannounce(event, "indicator", d);
    }

    private void deleted(CloudEvent event, String origin) {
        UUID id = UUID.fromString(event.data().path("id").asText(event.subject()));
        Optional<IndicatorReplicas.Current> current = indicators.current(id);
        if (current.isEmpty()) {
            return;
        }
        requireOwnedBySender(current, origin, current.get().code());
        if (indicatorService.hasMeasurements(id)) {
            throw new EventRefused("indicator " + current.get().code() + " has values at central and is kept");
        }
        indicators.delete(id);
        reannounce(event, "indicator", event.data());
    }

    /**
     * A central admin accepts a ministry's values central refused: central's own values for the same indicator,
     * period and agency give way (removed with their history, each audited as {@code measurement.replaced}), then the
     * event applies as on receipt. Indicators cannot be accepted in place of central's.
     */
    @Override
    public void accept(CloudEvent event) {
        if (!KpiEvents.MEASUREMENTS_RECORDED.equals(event.type()) && !KpiEvents.MEASUREMENT_RECORDED.equals(event.type())
                && !MEASUREMENT_ACTIONS.containsKey(event.type())) {
            FederatedEventHandler.super.accept(event);
        }
        List<JsonNode> rows = new ArrayList<>();
        if (KpiEvents.MEASUREMENTS_RECORDED.equals(event.type())) {
            event.data().path("measurements").forEach(rows::add);
        } else {
            rows.add(event.data());
        }
        measurements.giveWay(rows);
    }

    private void batch(CloudEvent event, String origin) {
        List<JsonNode> rows = new ArrayList<>();
        event.data().path("measurements").forEach(rows::add);
        List<JsonNode> applied = measurements.apply(rows, origin, null);
        if (!applied.isEmpty()) {
            ObjectNode data = event.data().deepCopy();
            data.putArray("measurements").addAll(applied);
            reannounce(event, "measurement-batch", data);
        }
    }

    /** An indicator a ministry changes must be new here or already its own. */
    private static void requireOwnedBySender(Optional<IndicatorReplicas.Current> current, String origin, String code) {
        if (current.isPresent() && !origin.equals(current.get().origin())) {
            String owner = current.get().origin() == null ? "central" : "instance '" + current.get().origin() + "'";
            throw new EventRefused("indicator " + code + " is owned by " + owner);
        }
    }

    /** The same event type and data on central's topic, with the ministry as origin (not forwarded anywhere). */
    private void reannounce(CloudEvent event, String aggregateType, JsonNode data) {
        outbox.publish(KpiEvents.TOPIC, event.type(), aggregateType, event.subject(), event.aggregateversion(), data,
                event.origininstance());
    }
}
