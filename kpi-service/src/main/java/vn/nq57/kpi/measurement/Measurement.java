package vn.nq57.kpi.measurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import vn.nq57.platform.federation.OwnedEntity;

/** The current value of one indicator for one period and reporting agency. */
@Entity
@Table(name = "measurement")
public class Measurement extends OwnedEntity {
    @Id
    public UUID id;
    @Column(name = "indicator_id")
    public UUID indicatorId;
    public String period;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    @Column(name = "agency_code")
    public String agencyCode;
    public BigDecimal value;
    @Enumerated(EnumType.STRING)
    public MeasurementStatus status;
    public String note;
    @Column(name = "evidence_link")
    public String evidenceLink;
    @Column(name = "return_reason")
    public String returnReason;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "first_submitted_at")
    public OffsetDateTime firstSubmittedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    /** Who recorded the first value, and for which agency (null for rows recorded before these were kept). */
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_by_agency")
    public String recordedByAgency;
}
