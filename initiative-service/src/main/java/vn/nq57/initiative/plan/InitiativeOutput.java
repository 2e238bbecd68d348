package vn.nq57.initiative.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An output (sản phẩm đầu ra) of an initiative. */
@Entity
@Table(name = "initiative_output")
public class InitiativeOutput extends PanacheEntityBase {
    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "initiative_id")
    public Initiative initiative;
    public String description;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    public OutputStatus status;
    @Column(name = "evidence_link")
    public String evidenceLink;
    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;
    @Column(name = "sort_order")
    public int sortOrder;
    /** The owning instance when another instance owns this row (a read-only replica here); null when this one does. */
    public String origin;
    @Version
    public long version;

    public boolean overdue(LocalDate today) {
        return dueDate.isBefore(today) && status != OutputStatus.DELIVERED && status != OutputStatus.CANCELLED;
    }
}
