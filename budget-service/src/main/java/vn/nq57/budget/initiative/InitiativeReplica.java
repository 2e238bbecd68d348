package vn.nq57.budget.initiative;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What budget-service knows of an initiative (initiative-service owns it): enough for scope, priority and reports. */
@Entity
@Table(name = "initiative_replica")
public class InitiativeReplica extends PanacheEntityBase {

    /** Where the entry came from: an allocation request or the registration endpoint, or the event feed. */
    public static final String FROM_REQUEST = "REQUEST";
    public static final String FROM_EVENT = "EVENT";

    @Id
    public UUID id;
    public String code;
    @Column(name = "system_code")
    public String systemCode;
    @Column(name = "lead_agency_code")
    public String leadAgencyCode;
    public String status;
    @Column(name = "key_initiative")
    public boolean key;
    public String source;
    /** The aggregate version of the initiative event this entry was last taken from (null from requests). */
    @Column(name = "source_version")
    public Long sourceVersion;
    @Version
    public long version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
