package vn.nq57.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import vn.nq57.platform.error.ApiException;

/**
 * Agency scope: a caller acts only for its own agency and the agencies below it; a central admin for all.
 * Role checks stay declarative ({@code @RolesAllowed}); this adds the data-dependent part.
 */
@ApplicationScoped
public class AgencyAccess {

    @Inject
    Caller caller;

    @Inject
    AgencyHierarchy hierarchy;

    /** True when the caller may act for {@code agencyCode}. */
    public boolean inScope(String agencyCode) {
        if (caller.isCentralAdmin()) {
            return true;
        }
        String own = caller.agency();
        return own != null && agencyCode != null && hierarchy.isWithin(agencyCode, own);
    }

    /** Refuses (403) unless the caller may act for {@code agencyCode}. */
    public void requireScope(String agencyCode) {
        if (!inScope(agencyCode)) {
            throw ApiException.forbidden("agency " + agencyCode + " is outside your scope ("
                    + (caller.agency() == null ? "your token names no agency" : "you act for " + caller.agency()
                    + " and the agencies below it") + ")");
        }
    }

    /** Refuses (403) unless the caller holds one of {@code roles} and may act for {@code agencyCode}. */
    public void requireRoleInScope(String agencyCode, String... roles) {
        boolean hasRole = caller.isCentralAdmin() || Arrays.stream(roles).anyMatch(caller::hasRole);
        if (!hasRole) {
            throw ApiException.forbidden("this operation needs one of the roles " + Arrays.toString(roles));
        }
        requireScope(agencyCode);
    }
}
