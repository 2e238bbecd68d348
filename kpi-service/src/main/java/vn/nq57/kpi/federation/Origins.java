package vn.nq57.kpi.federation;

import io.quarkus.arc.Arc;
import vn.nq57.platform.federation.Federation;

/**
 * The origin a view shows for a row, for the static view factories that have no injection: the platform's
 * {@link Federation#originOf} (the origin column, or this instance for its own rows; never null).
 */
public final class Origins {

    private Origins() {
    }

    public static String shown(String originColumn) {
        return Arc.container().instance(Federation.class).get().originOf(originColumn);
    }
}
