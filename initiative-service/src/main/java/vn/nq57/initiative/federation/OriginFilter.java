package vn.nq57.initiative.federation;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.nq57.platform.federation.Federation;

/**
 * The {@code ?origin=} filter of the initiative and obstacle lists: the instance that owns the rows. This instance's
 * own rows have no origin column ({@code origin=central} at central means them); a blank value means any origin.
 */
@ApplicationScoped
public class OriginFilter {

    @Inject
    Federation federation;

    /** Appends the condition on {@code alias.origin} to a JPQL where clause. */
    public void apply(StringBuilder where, Parameters params, String alias, String origin) {
        if (origin == null || origin.isBlank()) {
            return;
        }
        String column = federation.originColumn(origin.trim().toLowerCase());
        if (column == null) {
            where.append(" and ").append(alias).append(".origin is null");
        } else {
            where.append(" and ").append(alias).append(".origin = :origin");
            params.and("origin", column);
        }
    }
}
