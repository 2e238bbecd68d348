package vn.nq57.kpi.initiative;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** This service's read-only copy of an initiative (filled from initiative events in a later issue). */
@Entity
@Table(name = "initiative_replica")
public class InitiativeReplica extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    @Column(name = "system_code")
    public String systemCode;
    @Column(name = "title_vi")
    public String titleVi;
    @Column(name = "lead_agency_code")
    public String leadAgencyCode;
    public String status;
    @Column(name = "key_initiative")
    public boolean key;
    public long version;
    /** The instance that owns the initiative; null when this instance does. */
    public String origin;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
