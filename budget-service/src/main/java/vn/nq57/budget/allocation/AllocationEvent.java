package vn.nq57.budget.allocation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of an allocation's history: created, amended (old and new amount), approved, cancelled. */
@Entity
@Table(name = "allocation_event")
public class AllocationEvent extends PanacheEntityBase {

    @Schema(name = "AllocationHistoryAction", description = "What happened to an allocation in one history entry")
    public enum Action { CREATED, AMENDED, APPROVED, CANCELLED }

    @Id
    public UUID id;
    @Column(name = "allocation_id")
    public UUID allocationId;
    @Enumerated(EnumType.STRING)
    public Action action;
    @Enumerated(EnumType.STRING)
    @Column(name = "status_before")
    public AllocationStatus statusBefore;
    @Enumerated(EnumType.STRING)
    @Column(name = "status_after")
    public AllocationStatus statusAfter;
    @Column(name = "amount_before")
    public Long amountBefore;
    @Column(name = "amount_after")
    public long amountAfter;
    public String reason;
    public String actor;
    @Column(name = "actor_agency")
    public String actorAgency;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
}
