package vn.nq57.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.MDC;
import vn.nq57.platform.paging.Conditions;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.Caller;

/**
 * Records every write in the same transaction as the write: subject, agency, time, action, entity, and the changed
 * fields with their values before and after (computed from the two views of the entity).
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    Caller caller;

    @Inject
    ObjectMapper mapper;

    /**
     * Audits a write. {@code before} is null for a creation, {@code after} null for a deletion; both are any
     * JSON-serialisable views (records), and only the fields that differ are kept.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entityType, Object entityId, Object before, Object after) {
        recordFor(caller.agency(), action, entityType, entityId, before, after);
    }

    /**
     * As {@link #record}, on behalf of an agency: what the platform records about an agency's entity without a user of
     * that agency (e.g. central refusing it), so that the agency's readers see it in the entity's trail.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordFor(String agency, String action, String entityType, Object entityId, Object before, Object after) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        entry.subject = caller.subject();
        entry.agency = agency;
        entry.action = action;
        entry.entityType = entityType;
        entry.entityId = String.valueOf(entityId);
        entry.changes = diff(before, after).toString();
        Object correlation = MDC.get("correlationId");
        entry.correlationId = correlation == null ? null : correlation.toString();
        entry.persist();
    }

    /** The changed top-level fields: {"field": {"before": …, "after": …}}. */
    public ObjectNode diff(Object before, Object after) {
        JsonNode b = before == null ? mapper.createObjectNode() : mapper.valueToTree(before);
        JsonNode a = after == null ? mapper.createObjectNode() : mapper.valueToTree(after);
        ObjectNode changes = mapper.createObjectNode();
        Set<String> fields = new LinkedHashSet<>();
        b.fieldNames().forEachRemaining(fields::add);
        a.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            if (field.equals("version") || field.equals("updatedAt")) {
                continue;
            }
            JsonNode bv = b.has(field) ? b.get(field) : NullNode.instance;
            JsonNode av = a.has(field) ? a.get(field) : NullNode.instance;
            if (!bv.equals(av)) {
                ObjectNode change = changes.putObject(field);
                change.set("before", bv);
                change.set("after", av);
            }
        }
        return changes;
    }

    /** Audit entries, newest first, filtered by entity and (for a scoped reader) by the writers' agencies. */
    public Page<AuditView> list(String entityType, String entityId, String subject, Collection<String> agencies,
                                PageRequest page) {
        Conditions c = new Conditions()
                .text("entityType = :entityType", "entityType", entityType)
                .text("entityId = :entityId", "entityId", entityId)
                .text("subject = :subject", "subject", subject)
                .and("agency in :agencies", "agencies", agencies);
        PanacheQuery<AuditEntry> query = AuditEntry.find(c.where(), Sort.descending("occurredAt").and("id"), c.params());
        long total = query.count();
        return Page.of(query.page(page.page, page.size).list().stream().map(this::view).toList(), page, total);
    }

    private AuditView view(AuditEntry e) {
        JsonNode changes;
        try {
            changes = mapper.readTree(e.changes);
        } catch (Exception ex) {
            changes = NullNode.instance;
        }
        return new AuditView(e.id, e.occurredAt, e.subject, e.agency, e.action, e.entityType, e.entityId, changes,
                e.correlationId);
    }

}
