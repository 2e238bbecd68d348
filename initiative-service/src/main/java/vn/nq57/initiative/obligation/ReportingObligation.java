package vn.nq57.initiative.obligation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Which agency must report which indicator, from and to which period, and by how many days after each period's end
 * (null: the indicator's own grace days). DEFAULT rows follow the indicator and its initiative; a central admin's edit
 * makes a row MANUAL, which the defaults never touch again.
 */
@Entity
@Table(name = "reporting_obligation")
public class ReportingObligation extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "indicator_id")
    public UUID indicatorId;
    @Column(name = "agency_code")
    public String agencyCode;
    @Column(name = "deadline_days")
    public Integer deadlineDays;
    @Column(name = "from_period")
    public String fromPeriod;
    @Column(name = "to_period")
    public String toPeriod;
    @Enumerated(EnumType.STRING)
    public ObligationSource source;
    public boolean active;
    @Version
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
