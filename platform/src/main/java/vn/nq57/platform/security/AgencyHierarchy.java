package vn.nq57.platform.security;

import java.util.Set;

/**
 * The agency tree as a service knows it (initiative-service owns it; other services keep a replica). The platform
 * asks it whether one agency lies at or below another.
 */
public interface AgencyHierarchy {

    /** True when {@code agencyCode} is {@code ancestorCode} or lies below it in the tree. */
    boolean isWithin(String agencyCode, String ancestorCode);

    /** The codes of {@code agencyCode} and of every agency below it. */
    Set<String> subtree(String agencyCode);
}
