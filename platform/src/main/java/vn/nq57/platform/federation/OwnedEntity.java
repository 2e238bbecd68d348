package vn.nq57.platform.federation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * The ownership and version columns every federated aggregate has, in one place: {@code origin_instance}, the
 * instance where the row was written (its events carry it); {@code origin}, null for a row this instance owns, or the
 * instance that owns a replicated (or handed-over) row and alone may change it; and the optimistic-lock version the
 * API shows as the ETag.
 */
@MappedSuperclass
public abstract class OwnedEntity extends PanacheEntityBase {

    @Column(name = "origin_instance")
    public String originInstance;

    /** The owner of a replicated row; null for this instance's own. */
    public String origin;

    @Version
    public long version;

    /** The instance that owns the row, as views show it: the owner of a replica, else the instance that wrote it. */
    public String owner() {
        return origin != null ? origin : originInstance;
    }
}
