package vn.nq57.initiative.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the 6 Systems (H1–H6), seeded by migration and read-only. */
@Entity
@Table(name = "plan_system")
public class PlanSystem extends PanacheEntityBase {
    @Id
    public String code;
    @Column(name = "name_vi")
    public String nameVi;
    @Column(name = "name_en")
    public String nameEn;
    public String kind;
    @Column(name = "sort_order")
    public int sortOrder;
    /** The owning instance at a ministry (central); null at central. */
    public String origin;
}
