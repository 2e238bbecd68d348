package vn.nq57.initiative.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One status change of an initiative: who, when, why. */
@Entity
@Table(name = "initiative_transition")
public class StatusTransition extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "initiative_id")
    public UUID initiativeId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public InitiativeStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public InitiativeStatus toStatus;
    public String reason;
    public String actor;
    @Column(name = "actor_agency")
    public String actorAgency;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
}
