package vn.nq57.initiative.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A milestone on an initiative's road to its deadline (replaced with the initiative on update). */
@Entity
@Table(name = "initiative_milestone")
public class Milestone extends PanacheEntityBase {
    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "initiative_id")
    public Initiative initiative;
    public String title;
    @Column(name = "due_date")
    public LocalDate dueDate;
    public boolean done;
    @Column(name = "sort_order")
    public int sortOrder;
}
