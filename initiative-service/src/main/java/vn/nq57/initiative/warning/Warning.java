package vn.nq57.initiative.warning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An early warning: opened once per cause, acknowledged by a person, resolved when its cause goes away. */
@Entity
@Table(name = "warning")
public class Warning extends PanacheEntityBase {
    @Id
    public UUID id;
    /** What makes it unique while not resolved: kind and subject (and period or due date where they matter). */
    public String cause;
    @Enumerated(EnumType.STRING)
    public WarningKind kind;
    @Enumerated(EnumType.STRING)
    public Severity severity;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public SubjectType subjectType;
    @Column(name = "subject_id")
    public UUID subjectId;
    @Column(name = "subject_label")
    public String subjectLabel;
    @Column(name = "initiative_id")
    public UUID initiativeId;
    @Column(name = "agency_code")
    public String agencyCode;
    @Column(name = "reason_vi")
    public String reasonVi;
    @Column(name = "reason_en")
    public String reasonEn;
    @Enumerated(EnumType.STRING)
    public WarningStatus status;
    public OffsetDateTime since;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;
    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;
    @Version
    public long version;
}
