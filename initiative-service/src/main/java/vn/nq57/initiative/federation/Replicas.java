package vn.nq57.initiative.federation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * Rows another instance owns, written from their full state: the catalogue a ministry pulls from central
 * ({@link InitiativeCatalogSink}) and the initiatives, outputs and obstacles central takes from a ministry
 * ({@link InitiativeFederatedEvents}). The data is what this service's own events and catalogue items carry
 * ({@code InitiativeEventData}, {@code OutputEventData}, {@code ObstacleEventData}, {@code AgencyView},
 * {@code SystemView}, {@code PhaseView}); {@code origin} is the owning instance, stored in {@code origin} and
 * {@code origin_instance}. A reference to something not known here (an agency, a System, an initiative) is an
 * {@link IllegalStateException} naming it: the caller retries later.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Replicas {

    @Inject
    EntityManager em;

    /** A row that exists here and the instance owning it (null: this one). */
    public record Owner(String origin) {
    }

    /** The owner of a row of {@code table} ({@code initiative}, {@code initiative_output}, {@code obstacle}), if any. */
    public Optional<Owner> owner(String table, UUID id) {
        List<?> rows = em.createNativeQuery("SELECT origin FROM " + table + " WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Owner((String) rows.get(0)));
    }

    /** Another initiative (another id) that already uses {@code code}, described for a refusal. */
    public Optional<String> codeClash(String code, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT CAST(id AS text), origin_instance FROM initiative WHERE code = ?1 AND id <> ?2""")
                .setParameter(1, code).setParameter(2, id).getResultList();
        return rows.stream().findFirst().map(r -> "initiative code " + code + " is already used by initiative " + r[0]
                + " of instance '" + r[1] + "'");
    }

    public void upsertSystem(JsonNode d, String origin) {
        update("""
                        INSERT INTO plan_system (code, name_vi, name_en, kind, sort_order, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (code) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en,
                            kind = excluded.kind, sort_order = excluded.sort_order, origin = excluded.origin""",
                text(d, "code"), text(d, "nameVi"), text(d, "nameEn"), text(d, "kind"), d.path("sortOrder").asInt(),
                origin);
    }

    public void upsertPhase(JsonNode d, String origin) {
        update("""
                        INSERT INTO plan_phase (code, start_year, end_year, name_vi, name_en, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (code) DO UPDATE SET start_year = excluded.start_year, end_year = excluded.end_year,
                            name_vi = excluded.name_vi, name_en = excluded.name_en, origin = excluded.origin""",
                text(d, "code"), d.path("startYear").asInt(), d.path("endYear").asInt(), text(d, "nameVi"),
                text(d, "nameEn"), origin);
    }

    /** Writes an agency ({@code AgencyView}); true when it is new here. */
    public boolean upsertAgency(JsonNode d, String origin, long version) {
        UUID id = uuid(d, "id");
        boolean created = em.createNativeQuery("SELECT 1 FROM agency WHERE id = ?1").setParameter(1, id)
                .getResultList().isEmpty();
        String parentCode = text(d, "parentCode");
        update("""
                        INSERT INTO agency (id, code, name_vi, name_en, level, parent_id, origin_instance, origin, version,
                            created_at, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, now(), now())
                        ON CONFLICT (id) DO UPDATE SET code = excluded.code, name_vi = excluded.name_vi,
                            name_en = excluded.name_en, level = excluded.level, parent_id = excluded.parent_id,
                            origin_instance = excluded.origin_instance, origin = excluded.origin,
                            version = excluded.version, updated_at = now()""",
                id, text(d, "code").toUpperCase(), text(d, "nameVi"), text(d, "nameEn"), text(d, "level"),
                parentCode == null ? nullOf(UUID.class) : agency(parentCode, "parent of agency " + text(d, "code")),
                owner(d, origin), origin, version);
        return created;
    }

    /**
     * Writes an initiative ({@code InitiativeEventData}) with its coordinators, milestones and outputs; true when it
     * is new here. The caller has checked who owns it and that its code is free.
     */
    public boolean upsertInitiative(JsonNode d, String origin, long version) {
        UUID id = uuid(d, "id");
        String code = text(d, "code");
        String system = text(d, "system");
        String phase = text(d, "phase");
        if (em.createNativeQuery("SELECT 1 FROM plan_system WHERE code = ?1").setParameter(1, system).getResultList().isEmpty()
                || em.createNativeQuery("SELECT 1 FROM plan_phase WHERE code = ?1").setParameter(1, phase).getResultList().isEmpty()) {
            throw new IllegalStateException("initiative " + code + ": System " + system + " or phase " + phase
                    + " is not known here yet");
        }
        UUID lead = agency(text(d, "leadAgencyCode"), "lead agency of initiative " + code);
        List<UUID> coordinators = new ArrayList<>();
        d.path("coordinatingAgencyCodes").forEach(c -> coordinators.add(agency(c.asText(), "coordinating agency of initiative " + code)));
        String architectAgency = text(d, "chiefArchitectAgencyCode");
        boolean created = em.createNativeQuery("SELECT 1 FROM initiative WHERE id = ?1").setParameter(1, id)
                .getResultList().isEmpty();
        update("""
                        INSERT INTO initiative (id, code, system_code, phase_code, title_vi, title_en, content_orientation,
                            deadline, lead_agency_id, status, key_initiative, evaluation_criteria, linked_programmes,
                            chief_architect_name, chief_architect_position, chief_architect_agency_id, origin_instance,
                            origin, version, created_by, created_at, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, CAST(?12 AS jsonb), CAST(?13 AS jsonb), ?14,
                            ?15, ?16, ?17, ?18, ?19, ?20, coalesce(?21, now()), coalesce(?22, now()))
                        ON CONFLICT (id) DO UPDATE SET code = excluded.code, system_code = excluded.system_code,
                            phase_code = excluded.phase_code, title_vi = excluded.title_vi, title_en = excluded.title_en,
                            content_orientation = excluded.content_orientation, deadline = excluded.deadline,
                            lead_agency_id = excluded.lead_agency_id, status = excluded.status,
                            key_initiative = excluded.key_initiative, evaluation_criteria = excluded.evaluation_criteria,
                            linked_programmes = excluded.linked_programmes,
                            chief_architect_name = excluded.chief_architect_name,
                            chief_architect_position = excluded.chief_architect_position,
                            chief_architect_agency_id = excluded.chief_architect_agency_id,
                            origin_instance = excluded.origin_instance, origin = excluded.origin,
                            version = excluded.version, updated_at = excluded.updated_at""",
                id, code, system, phase, text(d, "titleVi"), text(d, "titleEn"), text(d, "contentOrientation"),
                LocalDate.parse(text(d, "deadline")), lead, text(d, "status"), d.path("key").asBoolean(),
                json(d, "evaluationCriteria"), json(d, "linkedProgrammes"), text(d, "chiefArchitectName"),
                text(d, "chiefArchitectPosition"),
                architectAgency == null ? nullOf(UUID.class) : agency(architectAgency, "chief architect's agency of initiative " + code),
                owner(d, origin), origin, version, text(d, "createdBy") == null ? "federation:" + owner(d, origin)
                        : text(d, "createdBy"), time(d, "createdAt"), time(d, "updatedAt"));
        update("DELETE FROM initiative_coordinator WHERE initiative_id = ?1", id);
        for (UUID agency : coordinators) {
            update("INSERT INTO initiative_coordinator (initiative_id, agency_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                    id, agency);
        }
        update("DELETE FROM initiative_milestone WHERE initiative_id = ?1", id);
        int order = 0;
        for (JsonNode m : d.path("milestones")) {
            update("""
                            INSERT INTO initiative_milestone (id, initiative_id, title, due_date, done, sort_order)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6)""", uuid(m, "id"), id, text(m, "title"),
                    LocalDate.parse(text(m, "dueDate")), m.path("done").asBoolean(), order++);
        }
        order = 0;
        for (JsonNode o : d.path("outputs")) {
            upsertOutput(o, id, origin, order++);
        }
        return created;
    }

    /**
     * Writes an output ({@code OutputView} or {@code OutputEventData}) unless a newer version is held; a new output
     * without {@code sortOrder} goes last.
     */
    public void upsertOutput(JsonNode d, UUID initiativeId, String origin, Integer sortOrder) {
        update("""
                        INSERT INTO initiative_output (id, initiative_id, description, due_date, status, evidence_link,
                            delivered_at, sort_order, version, origin)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, coalesce(?8, (SELECT coalesce(max(sort_order) + 1, 0)
                            FROM initiative_output WHERE initiative_id = ?2)), ?9, ?10)
                        ON CONFLICT (id) DO UPDATE SET description = excluded.description, due_date = excluded.due_date,
                            status = excluded.status, evidence_link = excluded.evidence_link,
                            delivered_at = excluded.delivered_at, version = excluded.version, origin = excluded.origin
                        WHERE initiative_output.version <= excluded.version""",
                uuid(d, "id"), initiativeId, text(d, "description"), LocalDate.parse(text(d, "dueDate")),
                text(d, "status"), text(d, "evidenceLink"), time(d, "deliveredAt"),
                sortOrder == null ? nullOf(Integer.class) : sortOrder, d.path("version").asLong(), origin);
    }

    /** Writes an obstacle ({@code ObstacleEventData}); its initiative and agencies must be known here. */
    public void upsertObstacle(JsonNode d, String origin, long version) {
        UUID id = uuid(d, "id");
        UUID initiative = uuid(d, "initiativeId");
        if (owner("initiative", initiative).isEmpty()) {
            throw new IllegalStateException("obstacle " + id + " is on initiative " + initiative
                    + ", which is not known here yet");
        }
        update("""
                        INSERT INTO obstacle (id, initiative_id, filed_by_agency_id, asked_agency_id, description, request,
                            status, answer, answered_by, answered_at, resolution_note, closed_at, filed_by, filed_at,
                            origin_instance, origin, version, answer_due)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                            coalesce(CAST(?18 AS date), CAST(?14 AS timestamptz)::date + 21))
                        ON CONFLICT (id) DO UPDATE SET initiative_id = excluded.initiative_id,
                            filed_by_agency_id = excluded.filed_by_agency_id, asked_agency_id = excluded.asked_agency_id,
                            description = excluded.description, request = excluded.request,
                            status = CASE WHEN obstacle.answer_origin IS NOT NULL AND excluded.answer IS NULL
                                AND excluded.status = 'OPEN' THEN obstacle.status ELSE excluded.status END,
                            answer = CASE WHEN obstacle.answer_origin IS NOT NULL AND excluded.answer IS NULL
                                THEN obstacle.answer ELSE excluded.answer END,
                            answered_by = CASE WHEN obstacle.answer_origin IS NOT NULL AND excluded.answer IS NULL
                                THEN obstacle.answered_by ELSE excluded.answered_by END,
                            answered_at = CASE WHEN obstacle.answer_origin IS NOT NULL AND excluded.answer IS NULL
                                THEN obstacle.answered_at ELSE excluded.answered_at END,
                            resolution_note = excluded.resolution_note,
                            closed_at = excluded.closed_at, filed_by = excluded.filed_by, filed_at = excluded.filed_at,
                            origin_instance = excluded.origin_instance, origin = excluded.origin,
                            version = excluded.version, answer_due = excluded.answer_due""",
                id, initiative, agency(text(d, "filedByAgency"), "filing agency of obstacle " + id),
                agency(text(d, "askedAgency"), "asked agency of obstacle " + id), text(d, "description"),
                text(d, "request"), text(d, "status"), text(d, "answer"), text(d, "answeredBy"), time(d, "answeredAt"),
                text(d, "resolutionNote"), time(d, "closedAt"),
                text(d, "filedBy") == null ? "federation:" + owner(d, origin) : text(d, "filedBy"),
                time(d, "filedAt"), owner(d, origin), origin, version, text(d, "answerDue"));
    }

    private UUID agency(String code, String what) {
        if (code == null) {
            throw new IllegalStateException(what + " is missing");
        }
        List<?> ids = em.createNativeQuery("SELECT id FROM agency WHERE code = ?1")
                .setParameter(1, code.toUpperCase()).getResultList();
        if (ids.isEmpty()) {
            throw new IllegalStateException("agency " + code + " (" + what + ") is not known here yet");
        }
        return (UUID) ids.get(0);
    }

    /** The instance named in the data, else the origin (never null: origin_instance names the owner). */
    private static String owner(JsonNode d, String origin) {
        return origin != null ? origin : text(d, "originInstance");
    }

    /** A typed null for a native query parameter. */
    private record Null(Class<?> type) {
    }

    private static Null nullOf(Class<?> type) {
        return new Null(type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void update(String sql, Object... params) {
        NativeQuery query = em.createNativeQuery(sql).unwrap(NativeQuery.class);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Null n) {
                query.setParameter(i + 1, null, n.type());
            } else if (p == null) {
                query.setParameter(i + 1, null, String.class);
            } else {
                query.setParameter(i + 1, p);
            }
        }
        query.executeUpdate();
    }

    private static String text(JsonNode d, String field) {
        JsonNode v = d.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static String json(JsonNode d, String field) {
        JsonNode v = d.path(field);
        return v.isArray() ? v.toString() : "[]";
    }

    private static UUID uuid(JsonNode d, String field) {
        String v = text(d, field);
        if (v == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return UUID.fromString(v);
    }

    private static Object time(JsonNode d, String field) {
        String v = text(d, field);
        return v == null ? nullOf(OffsetDateTime.class) : OffsetDateTime.parse(v);
    }
}
