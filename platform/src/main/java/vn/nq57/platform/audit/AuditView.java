package vn.nq57.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An audit entry as the API shows it. */
@Schema(description = "One audited write: who, for which agency, when, what, and the changed fields before and after")
public record AuditView(UUID id, OffsetDateTime occurredAt, String subject, String agency, String action,
                        String entityType, String entityId, JsonNode changes, String correlationId) {
}
