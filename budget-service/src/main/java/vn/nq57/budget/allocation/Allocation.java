package vn.nq57.budget.allocation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.nq57.budget.initiative.InitiativeReplica;
import vn.nq57.platform.federation.OwnedEntity;

/**
 * Money for one initiative in one fiscal year from one funding source. {@code disbursed} is the net of its
 * disbursements (payments less reversals), changed only while the row is locked.
 */
@Entity
@Table(name = "allocation")
public class Allocation extends OwnedEntity {
    @Id
    public UUID id;
    public String code;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "initiative_id")
    public InitiativeReplica initiative;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    @Enumerated(EnumType.STRING)
    @Column(name = "funding_source")
    public FundingSource fundingSource;
    /** The initiative's lead agency when the allocation was planned: the scope of who may write it. */
    @Column(name = "lead_agency_code")
    public String leadAgencyCode;
    public long amount;
    public long disbursed;
    @Enumerated(EnumType.STRING)
    public AllocationStatus status;
    public String purpose;
    /** Key initiatives of the same System that had no approved allocation when this (non-key) one was approved. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "unfunded_key_initiatives")
    public List<String> unfundedKeyInitiatives = new ArrayList<>();
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_by_agency")
    public String approvedByAgency;
    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;
    @Column(name = "cancelled_by")
    public String cancelledBy;
    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public long remaining() {
        return status == AllocationStatus.APPROVED ? amount - disbursed : 0L;
    }
}
