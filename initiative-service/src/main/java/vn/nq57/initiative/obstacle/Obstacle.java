package vn.nq57.initiative.obstacle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import vn.nq57.initiative.agency.Agency;
import vn.nq57.initiative.plan.Initiative;
import vn.nq57.platform.federation.OwnedEntity;

/** An obstacle (vướng mắc, kiến nghị) an agency files against an initiative, asking another agency to act. */
@Entity
@Table(name = "obstacle")
public class Obstacle extends OwnedEntity {
    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "initiative_id")
    public Initiative initiative;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "filed_by_agency_id")
    public Agency filedByAgency;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "asked_agency_id")
    public Agency askedAgency;
    public String description;
    public String request;
    @Enumerated(EnumType.STRING)
    public ObstacleStatus status;
    public String answer;
    @Column(name = "answered_by")
    public String answeredBy;
    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;
    @Column(name = "resolution_note")
    public String resolutionNote;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "filed_by")
    public String filedBy;
    @Column(name = "filed_at")
    public OffsetDateTime filedAt;
    /** The last day the asked agency answers in time (working days after filing). */
    @Column(name = "answer_due")
    public java.time.LocalDate answerDue;
    /** The instance that wrote the answer when it is not the obstacle's owner (the asked agency's instance). */
    @Column(name = "answer_origin")
    public String answerOrigin;
}
