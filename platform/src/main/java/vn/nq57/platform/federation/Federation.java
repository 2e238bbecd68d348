package vn.nq57.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.nq57.platform.InstanceConfig;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.error.ProblemTypes;
import vn.nq57.platform.events.EventRefused;
import vn.nq57.platform.security.AgencyHierarchy;

/**
 * What a service asks about federation: which instance this is, who owns a row, and the guard that keeps replicas
 * read-only. A row's {@code origin} column is null for data this instance owns and names the owning instance
 * otherwise ({@code central} for the catalogue at a ministry, {@code bkhcn} for a ministry's data at central).
 */
@ApplicationScoped
public class Federation {

    public static final String CENTRAL = "central";
    public static final String MINISTRY = "ministry";

    @Inject
    InstanceConfig instance;

    @Inject
    FederationConfig config;

    @Inject
    EntityManager em;

    @Inject
    AgencyHierarchy hierarchy;

    public String instanceId() {
        return instance.id();
    }

    public boolean isMinistry() {
        return MINISTRY.equals(instance.role());
    }

    public boolean isCentral() {
        return !isMinistry();
    }

    /** The origin to show for a row: its origin column, or this instance for its own rows. */
    public String originOf(String originColumn) {
        return originColumn == null ? instance.id() : originColumn;
    }

    /** The value to store in an origin column for data that came from {@code origin} (null when it is our own). */
    public String originColumn(String origin) {
        return origin == null || origin.equals(instance.id()) ? null : origin;
    }

    /**
     * The agency a ministry instance reports for (its federation token's agency claim, recorded when central received
     * its events); empty when unknown here.
     */
    public java.util.Optional<String> originAgency(String origin) {
        if (origin == null) {
            return java.util.Optional.empty();
        }
        @SuppressWarnings("unchecked")
        java.util.List<String> rows = em.createNativeQuery("SELECT agency FROM federation_origin WHERE origin = :o "
                + "AND agency IS NOT NULL").setParameter("o", origin).getResultList();
        return rows.stream().findFirst();
    }

    /** True when this instance owns the row. */
    public boolean owns(String originColumn) {
        return originColumn == null || originColumn.equals(instance.id());
    }

    /**
     * Refuses a local write to a row another instance owns: 409 {@code read-only-replica} naming the owner and where
     * to make the change.
     */
    public void requireOwned(String originColumn, String what, Object id) {
        if (!owns(originColumn)) {
            throw readOnly(what, id, originColumn);
        }
    }

    /**
     * Refuses a local write to the national catalogue (Systems, phases, agencies, national indicators) at a ministry
     * instance: central owns it and the ministry holds a replica.
     */
    public void requireCatalogueWritable(String what, Object id) {
        if (isMinistry()) {
            throw readOnly(what, id, CENTRAL);
        }
    }

    /** A sender's part of the agency tree, read once per received batch (see {@link #beginBatch}). */
    private record SenderScope(String origin, String agency, Set<String> agencies) {
    }

    private final ThreadLocal<SenderScope> batchScope = new ThreadLocal<>();

    /**
     * While the receiver applies one batch of {@code origin} (whose token reports for {@code agency}), on this thread:
     * {@link #requireWithinSender} reads the sender's subtree once for the batch rather than once per event.
     */
    void beginBatch(String origin, String agency) {
        batchScope.set(new SenderScope(origin, agency, null));
    }

    void endBatch() {
        batchScope.remove();
    }

    /**
     * At central, refuses ({@link EventRefused}: answered {@code REJECTED}) data a ministry sent for agencies other than
     * the one its federation client reports for and the agencies below it: each ministry writes only its part of the
     * tree. The sender's agency is the agency claim of its token, recorded by the receiver at each batch (read from
     * there when a parked event is retried outside a batch).
     */
    public void requireWithinSender(String origin, Collection<String> agencies) {
        SenderScope scope = batchScope.get();
        if (scope == null || !scope.origin().equals(origin)) {
            List<?> rows = em.createNativeQuery("SELECT agency FROM federation_origin WHERE origin = ?1")
                    .setParameter(1, origin).getResultList();
            scope = new SenderScope(origin, rows.isEmpty() ? null : (String) rows.get(0), null);
        }
        if (scope.agency() == null) {
            throw new EventRefused("instance '" + origin + "' has not named the agency it reports for (its federation "
                    + "token carries no agency claim)");
        }
        if (scope.agencies() == null) {
            scope = new SenderScope(origin, scope.agency(), hierarchy.subtree(scope.agency()));
            if (batchScope.get() != null && batchScope.get().origin().equals(origin)) {
                batchScope.set(scope);
            }
        }
        Set<String> within = scope.agencies();
        List<String> outside = agencies.stream().map(a -> a.toUpperCase(Locale.ROOT)).filter(a -> !within.contains(a))
                .distinct().sorted().toList();
        if (!outside.isEmpty()) {
            throw new EventRefused("instance '" + origin + "' reports for " + scope.agency() + " and the agencies below "
                    + "it, not for " + String.join(", ", outside));
        }
    }

    private ApiException readOnly(String what, Object id, String owner) {
        String where = CENTRAL.equals(owner) ? config.centralUrl().orElse("the central instance")
                : "the " + owner + " instance";
        ApiException e = new ApiException(409, ProblemTypes.READ_ONLY_REPLICA, "Read-only replica",
                what + " " + id + " is owned by instance '" + owner + "' and replicated here read-only; make the change at "
                        + where, List.of()).with("owner", owner);
        config.centralUrl().filter(url -> CENTRAL.equals(owner)).ifPresent(url -> e.with("centralUrl", url));
        return e;
    }
}
