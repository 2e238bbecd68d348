package vn.nq57.initiative.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the 3 Phases (P1–P3), seeded by migration and read-only. */
@Entity
@Table(name = "plan_phase")
public class PlanPhase extends PanacheEntityBase {
    @Id
    public String code;
    @Column(name = "start_year")
    public int startYear;
    @Column(name = "end_year")
    public int endYear;
    @Column(name = "name_vi")
    public String nameVi;
    @Column(name = "name_en")
    public String nameEn;
    /** The owning instance at a ministry (central); null at central. */
    public String origin;
}
