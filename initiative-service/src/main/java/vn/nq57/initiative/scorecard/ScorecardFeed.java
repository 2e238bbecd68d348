package vn.nq57.initiative.scorecard;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.nq57.initiative.scorecard.ScorecardViews.ScorecardChange;
import vn.nq57.platform.events.CloudEvent;
import vn.nq57.platform.events.EventConsumer;

/**
 * Keeps the scorecard's replicas from kpi-service ({@code nq57.kpi.v1}) and budget-service ({@code nq57.budget.v1})
 * events, skipping versions older than those held, and announces each change to the live stream after commit.
 */
@ApplicationScoped
public class ScorecardFeed implements EventConsumer {

    @Inject
    EntityManager em;

    @Inject
    Event<ScorecardChange> changes;

    @Inject
    vn.nq57.initiative.obligation.ObligationService obligations;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    /** The transaction's resource key of the indicators located so far. */
    private static final Object PLACES = new Object();

    @Override
    public String name() {
        return "scorecard";
    }

    @Override
    public void apply(CloudEvent event) {
        String type = event.type();
        JsonNode d = event.data();
        if (type.startsWith("nq57.indicator.")) {
            indicator(event, d);
        } else if (type.startsWith("nq57.allocation.")) {
            allocation(event, d);
        } else if (type.startsWith("nq57.disbursement.")) {
            disbursement(event, d);
        } else if (type.equals("nq57.measurement.batch-recorded.v1")) {
            batch(d);
        } else if (type.startsWith("nq57.measurement.")) {
            measurement(type, d);
        }
    }

    private void indicator(CloudEvent event, JsonNode d) {
        // Long method: most of its length is its SQL.
        long version = event.aggregateversion();
        UUID id = UUID.fromString(text(d, "indicatorId", text(d, "id", event.subject())));
        switch (event.type()) {
            case "nq57.indicator.created.v1", "nq57.indicator.updated.v1" -> em.createNativeQuery("""
                            INSERT INTO kpi_status (indicator_id, code, name_vi, tier, system_code, initiative_id,
                                                    owner_agency, definition_version, frequency, direction, grace_days,
                                                    reporting_agencies, name_en, updated_at)
                            VALUES (:id, :code, :name, :tier, :system, :initiative, :owner, :version, :frequency,
                                    :direction, :grace, :reporting, :nameEn, now())
                            ON CONFLICT (indicator_id) DO UPDATE SET code = excluded.code, name_vi = excluded.name_vi,
                                tier = excluded.tier, system_code = excluded.system_code,
                                initiative_id = excluded.initiative_id, owner_agency = excluded.owner_agency,
                                definition_version = excluded.definition_version, frequency = excluded.frequency,
                                direction = excluded.direction, grace_days = excluded.grace_days,
                                reporting_agencies = excluded.reporting_agencies, name_en = excluded.name_en,
                                deleted = FALSE, updated_at = now()
                            WHERE kpi_status.definition_version < excluded.definition_version""")
                    .setParameter("frequency", text(d, "frequency", null))
                    .setParameter("direction", text(d, "direction", null))
                    .setParameter("grace", d.path("graceDays").asInt(0))
                    .setParameter("reporting", codes(d.path("reportingAgencies")))
                    .setParameter("nameEn", text(d, "nameEn", null))
                    .setParameter("id", id).setParameter("code", text(d, "code", "?"))
                    .setParameter("name", text(d, "nameVi", null)).setParameter("tier", text(d, "tier", "STRATEGIC"))
                    .setParameter("system", text(d, "system", null)).setParameter("initiative", uuid(d, "initiativeId"))
                    .setParameter("owner", text(d, "ownerAgency", null)).setParameter("version", version)
                    .executeUpdate();
            case "nq57.indicator.deleted.v1" -> em.createNativeQuery(
                            "UPDATE kpi_status SET deleted = TRUE, updated_at = now() WHERE indicator_id = :id")
                    .setParameter("id", id).executeUpdate();
            case "nq57.indicator.evaluated.v1" -> {
                int changed = em.createNativeQuery("""
                                INSERT INTO kpi_status (indicator_id, code, tier, system_code, initiative_id, status,
                                    progress, latest_value, latest_period, value_count, missing_count, as_of,
                                    evaluation_version, target_period, target_value, forecast, updated_at)
                                VALUES (:id, :code, :tier, :system, :initiative, :status, :progress, :value, :period,
                                    :values, :missing, :asOf, :version, :targetPeriod, :targetValue, :forecast, now())
                                ON CONFLICT (indicator_id) DO UPDATE SET status = excluded.status,
                                    progress = excluded.progress, latest_value = excluded.latest_value,
                                    target_period = excluded.target_period, target_value = excluded.target_value,
                                    forecast = excluded.forecast,
                                    latest_period = excluded.latest_period, value_count = excluded.value_count,
                                    missing_count = excluded.missing_count, as_of = excluded.as_of,
                                    evaluation_version = excluded.evaluation_version, updated_at = now()
                                WHERE kpi_status.evaluation_version < excluded.evaluation_version""")
                        .setParameter("id", id).setParameter("code", text(d, "code", "?"))
                        .setParameter("tier", text(d, "tier", "STRATEGIC")).setParameter("system", text(d, "system", null))
                        .setParameter("initiative", uuid(d, "initiativeId"))
                        .setParameter("status", Health.parse(text(d, "status", "GREY")).name())
                        .setParameter("progress", decimal(d, "progress")).setParameter("value", decimal(d, "latestValue"))
                        .setParameter("period", text(d, "latestPeriod", null))
                        .setParameter("values", d.path("valueCount").asInt(0))
                        .setParameter("missing", d.path("missingCount").asInt(0))
                        .setParameter("asOf", time(d, "asOf")).setParameter("version", version)
                        .setParameter("targetPeriod", text(d, "targetPeriod", null))
                        .setParameter("targetValue", decimal(d, "targetValue"))
                        .setParameter("forecast", decimal(d, "forecast"))
                        .executeUpdate();
                if (changed > 0) {
                    Object[] where = locate(uuid(d, "initiativeId"), text(d, "system", null), text(d, "ownerAgency", null));
                    announce("kpi", uuid(d, "initiativeId"), (String) where[0], (String) where[1],
                            text(d, "code", "?") + " is " + text(d, "status", "GREY"), d);
                }
            }
            default -> {
            }
        }
        if (!event.type().equals("nq57.indicator.evaluated.v1")) {
            obligations.refreshDefaults(id);
        }
        if (transactions.getResource(PLACES) instanceof Map<?, ?> known) {
            known.remove(id);
        }
    }

    private void allocation(CloudEvent event, JsonNode d) {
        UUID initiative = uuid(d, "initiativeId");
        int changed = em.createNativeQuery("""
                        INSERT INTO budget_allocation (allocation_id, initiative_id, fiscal_year, funding_source, status,
                                                       amount, disbursed, version, updated_at)
                        VALUES (:id, :initiative, :year, :source, :status, :amount, :disbursed, :version, now())
                        ON CONFLICT (allocation_id) DO UPDATE SET status = excluded.status, amount = excluded.amount,
                            disbursed = excluded.disbursed, funding_source = excluded.funding_source,
                            fiscal_year = excluded.fiscal_year, version = excluded.version, updated_at = now()
                        WHERE budget_allocation.version < excluded.version""")
                .setParameter("id", UUID.fromString(text(d, "id", event.subject()))).setParameter("initiative", initiative)
                .setParameter("year", d.path("fiscalYear").asInt()).setParameter("source", text(d, "fundingSource", null))
                .setParameter("status", text(d, "status", "PLANNED")).setParameter("amount", d.path("amount").asLong())
                .setParameter("disbursed", d.path("disbursed").asLong()).setParameter("version", event.aggregateversion())
                .executeUpdate();
        if (changed > 0) {
            Object[] where = locate(initiative, null, null);
            announce("budget", initiative, (String) where[0], (String) where[1],
                    "allocation " + text(d, "code", "") + " " + text(d, "status", ""), d);
        }
    }

    private void disbursement(CloudEvent event, JsonNode d) {
        UUID initiative = uuid(d, "initiativeId");
        int changed = em.createNativeQuery("""
                        INSERT INTO budget_allocation (allocation_id, initiative_id, fiscal_year, status, amount, disbursed,
                                                       version, updated_at)
                        VALUES (:id, :initiative, :year, 'APPROVED', :amount, :disbursed, :version, now())
                        ON CONFLICT (allocation_id) DO UPDATE SET amount = excluded.amount,
                            disbursed = excluded.disbursed, version = excluded.version, updated_at = now()
                        WHERE budget_allocation.version < excluded.version""")
                .setParameter("id", UUID.fromString(text(d, "allocationId", event.subject())))
                .setParameter("initiative", initiative).setParameter("year", d.path("fiscalYear").asInt())
                .setParameter("amount", d.path("allocationAmount").asLong())
                .setParameter("disbursed", d.path("allocationDisbursed").asLong())
                .setParameter("version", event.aggregateversion()).executeUpdate();
        if (changed > 0) {
            Object[] where = locate(initiative, null, null);
            announce("budget", initiative, (String) where[0], (String) where[1],
                    "disbursement of " + d.path("amount").asLong() + " VND", d);
        }
    }

    private void measurement(String type, JsonNode d) {
        reported(d);
        Object[] where = locateIndicator(uuid(d, "indicatorId"));
        announce("measurement", (UUID) where[2], (String) where[0], text(d, "agency", null),
                type.substring("nq57.measurement.".length(), type.length() - 3) + " " + text(d, "indicatorCode", "")
                        + " " + text(d, "period", "") + " = " + d.path("value").asText(), d);
    }

    private void batch(JsonNode d) {
        Map<String, Integer> perAgency = new LinkedHashMap<>();
        Map<String, JsonNode> first = new LinkedHashMap<>();
        for (JsonNode m : d.path("measurements")) {
            reported(m);
            String agency = text(m, "agency", "?");
            perAgency.merge(agency, 1, Integer::sum);
            first.putIfAbsent(agency, m);
        }
        perAgency.forEach((agency, n) -> {
            Object[] where = locateIndicator(uuid(first.get(agency), "indicatorId"));
            announce("measurement", (UUID) where[2], (String) where[0], agency, n + " measurement(s) recorded",
                    Map.of("count", n, "batchId", text(d, "batchId", "")));
        });
    }

    /**
     * Keeps when an agency first submitted a value of an indicator for a period (the obligations' timeliness), from
     * the value's full state that every measurement event carries; older versions are skipped.
     */
    private void reported(JsonNode m) {
        UUID indicator = uuid(m, "indicatorId");
        String agency = text(m, "agency", null);
        String period = text(m, "period", null);
        if (indicator == null || agency == null || period == null) {
            return;
        }
        em.createNativeQuery("""
                        INSERT INTO reported_value (indicator_id, agency_code, period, status, first_submitted_at, version)
                        VALUES (:indicator, :agency, :period, :status, :first, :version)
                        ON CONFLICT (indicator_id, agency_code, period) DO UPDATE SET status = excluded.status,
                            first_submitted_at = coalesce(reported_value.first_submitted_at, excluded.first_submitted_at),
                            version = excluded.version
                        WHERE reported_value.version < excluded.version""")
                .setParameter("indicator", indicator).setParameter("agency", agency.toUpperCase(java.util.Locale.ROOT))
                .setParameter("period", period).setParameter("status", text(m, "status", "DRAFT"))
                .setParameter("first", m.hasNonNull("firstSubmittedAt") ? time(m, "firstSubmittedAt") : null)
                .setParameter("version", m.path("version").asLong(0)).executeUpdate();
    }

    /** A JSON array of agency codes as one comma-separated text (null when empty). */
    private static String codes(JsonNode array) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            return null;
        }
        java.util.StringJoiner j = new java.util.StringJoiner(",");
        array.forEach(n -> j.add(n.asText().trim().toUpperCase(java.util.Locale.ROOT)));
        return j.toString();
    }

    /**
     * Announces on the live stream a change of an initiative (or its output or obstacle) written from another
     * instance's event (federation), once its transaction commits.
     */
    public void replicaChanged(String kind, UUID initiative, String detail, Object data) {
        Object[] at = locate(initiative, null, null);
        announce(kind, initiative, (String) at[0], (String) at[1], detail, data);
    }

    /** [system, lead agency] of an initiative, falling back to the given values. */
    private Object[] locate(UUID initiative, String system, String agency) {
        if (initiative != null) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT i.system_code, a.code FROM initiative i "
                    + "JOIN agency a ON a.id = i.lead_agency_id WHERE i.id = :id").setParameter("id", initiative)
                    .getResultList();
            if (!rows.isEmpty()) {
                return rows.get(0);
            }
        }
        return new Object[] {system, agency};
    }

    /**
     * [system, owner agency, initiative id] of an indicator known to the scorecard, looked up once per transaction (a
     * poll's events are applied in one: a batch of values of one indicator asks once); an indicator event forgets it.
     * A value of an indicator not known yet has overtaken the indicator's event (they travel in different partitions,
     * maybe to another replica): it waits, parked and retried, so that it is announced in its indicator's System and
     * reaches those who watch that System — announced without one, no such subscriber would ever see it.
     */
    private Object[] locateIndicator(UUID indicator) {
        @SuppressWarnings("unchecked")
        Map<UUID, Object[]> known = (Map<UUID, Object[]>) transactions.getResource(PLACES);
        if (known == null) {
            known = new java.util.HashMap<>();
            transactions.putResource(PLACES, known);
        }
        return known.computeIfAbsent(indicator, this::lookUpIndicator); // a HashMap: null (no indicator) is a key too
    }

    private Object[] lookUpIndicator(UUID indicator) {
        if (indicator != null) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT coalesce(k.system_code, i.system_code), k.owner_agency, "
                    + "k.initiative_id FROM kpi_status k LEFT JOIN initiative i ON i.id = k.initiative_id "
                    + "WHERE k.indicator_id = :id").setParameter("id", indicator).getResultList();
            if (rows.isEmpty()) {
                throw new IllegalStateException("indicator " + indicator + " is not known to the scorecard yet: "
                        + "its value waits for the indicator's event");
            }
            return rows.get(0);
        }
        return new Object[] {null, null, null};
    }

    private void announce(String kind, UUID initiative, String system, String agency, String detail, Object data) {
        changes.fire(new ScorecardChange(kind, initiative, system, agency, detail, data,
                OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private static String text(JsonNode d, String field, String fallback) {
        JsonNode n = d == null ? null : d.get(field);
        return n == null || n.isNull() ? fallback : n.asText();
    }

    private static UUID uuid(JsonNode d, String field) {
        String s = text(d, field, null);
        return s == null || s.isBlank() ? null : UUID.fromString(s);
    }

    private static java.math.BigDecimal decimal(JsonNode d, String field) {
        JsonNode n = d.get(field);
        return n == null || n.isNull() ? null : n.decimalValue();
    }

    private static OffsetDateTime time(JsonNode d, String field) {
        String s = text(d, field, null);
        return s == null ? OffsetDateTime.now(ZoneOffset.UTC) : OffsetDateTime.parse(s);
    }
}
