package vn.nq57.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An audit entry as the API shows it. */
public record AuditView(UUID id, OffsetDateTime occurredAt, String subject, String agency, String action,
                        String entityType, String entityId, JsonNode changes, String correlationId) {
}
