package vn.nq57.platform.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One audited write: who, for which agency, when, what, and the changed fields. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    public String subject;
    public String agency;
    public String action;
    @Column(name = "entity_type")
    public String entityType;
    @Column(name = "entity_id")
    public String entityId;
    /** JSON: {"field": {"before": …, "after": …}}. */
    public String changes;
    @Column(name = "correlation_id")
    public String correlationId;
}
