package vn.nq57.kpi.federation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import vn.nq57.kpi.evaluation.EvaluationMaintainer;

/**
 * Writes an indicator another instance owns, from its full state as events and the catalogue carry it
 * ({@code IndicatorEventData} or {@code IndicatorView}: the same field names), with its targets, keeping the owner in
 * {@code origin}; then re-evaluates it as a local indicator change does. Used by central for a ministry's indicators
 * and by a ministry for the national catalogue.
 */
@vn.nq57.platform.jdbc.Jdbc("central's copy of a ministry's indicators written with typed nulls in one statement")
@ApplicationScoped
public class IndicatorReplicas {

    @Inject
    EntityManager em;

    @Inject
    EvaluationMaintainer evaluation;

    /** An indicator as stored here now. */
    public record Current(UUID id, String code, String origin, String aggregation, long version) {
    }

    /** The indicator as stored, locked until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Current> current(UUID id) {
        List<Current> found = new ArrayList<>(1);
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, code, origin, aggregation, version FROM indicator WHERE id = ? FOR UPDATE")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        found.add(new Current(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getLong(5)));
                    }
                }
            }
        });
        return found.stream().findFirst();
    }

    /** The id of another indicator that already uses {@code code}, if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> codeTakenBy(String code, UUID id) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT id FROM indicator WHERE code = ?1 AND id <> ?2")
                .setParameter(1, code.trim().toUpperCase(Locale.ROOT)).setParameter(2, id).getResultList();
        return ids.stream().findFirst();
    }

    /**
     * Inserts or replaces the indicator and its targets with {@code origin} as owner (never null here), then
     * re-aggregates it when its aggregation rule changed and re-evaluates it (which announces a changed evaluation).
     *
     * @return the state before, if it existed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Current> upsert(JsonNode d, String origin) {
        // Long method: most of its length is its SQL.
        UUID id = UUID.fromString(d.path("id").asText());
        em.flush();
        Optional<Current> before = current(id);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO indicator AS i (id, code, name_vi, name_en, unit, direction, aggregation, frequency,
                        baseline_value, baseline_period, tier, system_code, initiative_id, owner_agency,
                        reporting_agencies, data_source, method, grace_days, tolerance_points, origin_instance, origin,
                        version, created_by, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name_vi = EXCLUDED.name_vi,
                        name_en = EXCLUDED.name_en, unit = EXCLUDED.unit, direction = EXCLUDED.direction,
                        aggregation = EXCLUDED.aggregation, frequency = EXCLUDED.frequency,
                        baseline_value = EXCLUDED.baseline_value, baseline_period = EXCLUDED.baseline_period,
                        tier = EXCLUDED.tier, system_code = EXCLUDED.system_code, initiative_id = EXCLUDED.initiative_id,
                        owner_agency = EXCLUDED.owner_agency, reporting_agencies = EXCLUDED.reporting_agencies,
                        data_source = EXCLUDED.data_source, method = EXCLUDED.method, grace_days = EXCLUDED.grace_days,
                        tolerance_points = EXCLUDED.tolerance_points, origin_instance = EXCLUDED.origin_instance,
                        origin = EXCLUDED.origin, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at""")) {
                JsonNode baseline = d.path("baseline");
                ps.setObject(1, id);
                ps.setString(2, d.path("code").asText().trim().toUpperCase(Locale.ROOT));
                ps.setString(3, d.path("nameVi").asText());
                ps.setString(4, text(d, "nameEn"));
                ps.setString(5, d.path("unit").asText());
                ps.setString(6, d.path("direction").asText());
                ps.setString(7, d.path("aggregation").asText());
                ps.setString(8, d.path("frequency").asText());
                ps.setBigDecimal(9, decimal(baseline, "value"));
                ps.setString(10, text(baseline, "period"));
                ps.setString(11, d.path("tier").asText());
                ps.setString(12, text(d, "system"));
                String initiative = text(d, "initiativeId");
                ps.setObject(13, initiative == null ? null : UUID.fromString(initiative), Types.OTHER);
                ps.setString(14, d.path("ownerAgency").asText());
                JsonNode reporters = d.path("reportingAgencies");
                ps.setString(15, reporters.isArray() && !reporters.isEmpty() ? reporters.toString()
                        : "[\"" + d.path("ownerAgency").asText() + "\"]");
                ps.setString(16, text(d, "dataSource"));
                ps.setString(17, text(d, "method"));
                ps.setInt(18, d.path("graceDays").asInt(30));
                BigDecimal tolerance = decimal(d, "tolerancePoints");
                ps.setBigDecimal(19, tolerance == null ? BigDecimal.TEN : tolerance);
                ps.setString(20, origin);
                ps.setString(21, origin);
                ps.setLong(22, d.path("version").asLong());
                ps.setString(23, d.hasNonNull("createdBy") ? d.get("createdBy").asText() : "federation:" + origin);
                ps.setObject(24, time(d, "createdAt", now));
                ps.setObject(25, time(d, "updatedAt", now));
                ps.executeUpdate();
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM indicator_target WHERE indicator_id = ?");
                 PreparedStatement ins = c.prepareStatement(
                         "INSERT INTO indicator_target (indicator_id, period, value, note) VALUES (?, ?, ?, ?)")) {
                del.setObject(1, id);
                del.executeUpdate();
                for (JsonNode t : d.path("targets")) {
                    ins.setObject(1, id);
                    ins.setString(2, t.path("period").asText());
                    ins.setBigDecimal(3, decimal(t, "value"));
                    ins.setString(4, text(t, "note"));
                    ins.addBatch();
                }
                ins.executeBatch();
            }
        });
        if (before.isPresent() && !before.get().aggregation().equals(d.path("aggregation").asText())) {
            evaluation.reaggregateIndicator(id);
        }
        evaluation.refresh(Set.of(id));
        return before;
    }

    /** Deletes an indicator another instance owns (its targets, aggregates and evaluation go with it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(UUID id) {
        em.flush();
        em.createNativeQuery("DELETE FROM indicator WHERE id = ?1").setParameter(1, id).executeUpdate();
    }

    static String text(JsonNode d, String field) {
        JsonNode v = d.path(field);
        return v.isNull() || v.isMissingNode() || v.asText().isBlank() ? null : v.asText();
    }

    static BigDecimal decimal(JsonNode d, String field) {
        JsonNode v = d.path(field);
        if (v.isNull() || v.isMissingNode()) {
            return null;
        }
        BigDecimal b = v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText());
        return b.scale() < 0 ? b.setScale(0) : b;
    }

    static OffsetDateTime time(JsonNode d, String field, OffsetDateTime otherwise) {
        String t = text(d, field);
        return t == null ? otherwise : OffsetDateTime.parse(t);
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
