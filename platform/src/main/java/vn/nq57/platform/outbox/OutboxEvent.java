package vn.nq57.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** An event stored in the same transaction as the change it describes, until the relay has published it. */
@Entity
@Table(name = "outbox")
public class OutboxEvent extends PanacheEntityBase {
    @Id
    public UUID id;
    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;
    public String topic;
    @Column(name = "aggregate_type")
    public String aggregateType;
    @Column(name = "aggregate_id")
    public String aggregateId;
    @Column(name = "aggregate_version")
    public long aggregateVersion;
    @Column(name = "event_type")
    public String eventType;
    /** The whole CloudEvent as JSON. */
    public String payload;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
    /** True for an event a ministry instance originated: the federation forwarder sends it to central. */
    public boolean forward;
    @Column(name = "forwarded_at")
    public OffsetDateTime forwardedAt;
    @Column(name = "forward_result")
    public String forwardResult;
}
