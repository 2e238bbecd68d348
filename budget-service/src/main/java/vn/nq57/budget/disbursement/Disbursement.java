package vn.nq57.budget.disbursement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nq57.budget.allocation.Allocation;
import vn.nq57.platform.federation.OwnedEntity;

/**
 * Money paid out of an allocation (a PAYMENT, positive) or the reversal of a payment (a REVERSAL, negative, with a
 * reason). Never edited or deleted.
 */
@Entity
@Table(name = "disbursement")
public class Disbursement extends OwnedEntity {

    @Schema(name = "DisbursementKind", description = "A payment, or the reversal of an earlier payment")
    public enum Kind { PAYMENT, REVERSAL }

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "allocation_id")
    public Allocation allocation;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Column(name = "disbursed_on")
    public LocalDate date;
    public long amount;
    @Column(name = "payment_reference")
    public String paymentReference;
    public String note;
    @Column(name = "reverses_id")
    public UUID reversesId;
    public String reason;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_by_agency")
    public String recordedByAgency;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
