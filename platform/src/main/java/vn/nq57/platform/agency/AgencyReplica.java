package vn.nq57.platform.agency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A service's read-only copy of the agency tree that initiative-service owns: seeded with the starter tree by the
 * platform migration, then kept current from agency events on {@code nq57.initiatives.v1}.
 */
@Entity
@Table(name = "agency_replica")
public class AgencyReplica extends PanacheEntityBase {
    @Id
    public String code;
    public UUID id;
    @Column(name = "name_vi")
    public String nameVi;
    @Column(name = "name_en")
    public String nameEn;
    public String level;
    @Column(name = "parent_code")
    public String parentCode;
    public long version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
