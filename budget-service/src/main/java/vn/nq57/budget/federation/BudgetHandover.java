package vn.nq57.budget.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import vn.nq57.platform.federation.Handover;

/**
 * budget-service's rows of a ministry (issue #20): the allocations of its agencies with their history and
 * disbursements, and what a ministry needs to hold them (the fiscal years and initiatives they name, copied when the
 * ministry has none of its own).
 */
@ApplicationScoped
public class BudgetHandover implements Handover {

    private static final String OWNED_ALLOCATIONS = "(SELECT a.id FROM allocation a WHERE a.origin = ?1)";
    static final Kind FISCAL_YEAR = Kind.reference("fiscal-year", "fiscal_year",
            "t.year IN (SELECT a.fiscal_year FROM allocation a WHERE a.origin = ?1)");
    static final Kind INITIATIVE = Kind.reference("initiative-replica", "initiative_replica",
            "t.id IN (SELECT a.initiative_id FROM allocation a WHERE a.origin = ?1)");
    static final Kind ALLOCATION = Kind.owner("allocation", "allocation", "t.lead_agency_code = ANY(string_to_array(?2, ','))", "version",
            "origin_instance");
    static final Kind ALLOCATION_EVENT = Kind.child("allocation-event", "allocation_event", "id",
            "t.allocation_id IN " + OWNED_ALLOCATIONS, "allocation", "allocation_id");
    static final Kind DISBURSEMENT = Kind.owner("disbursement", "disbursement", "t.allocation_id IN " + OWNED_ALLOCATIONS,
            "version", "origin_instance");

    @Inject
    EntityManager em;

    @Override
    public List<Kind> kinds() {
        return List.of(FISCAL_YEAR, INITIATIVE, ALLOCATION, ALLOCATION_EVENT, DISBURSEMENT);
    }

    /**
     * Allocation codes come from each instance's own sequence and are unique per owner: a code both owners used is
     * made unique on the moving row (central's AL-2026-000005 handed to bkhcn, which has its own AL-2026-000005,
     * becomes AL-2026-000005-TW; bkhcn's given back becomes AL-2026-000005-BKHCN).
     */
    @Override
    public void beforeOwnerChange(String instance, List<String> agencies, boolean toInstance) {
        if (toInstance) {
            em.createNativeQuery("""
                            UPDATE allocation t SET code = t.code || '-TW', version = t.version + 1
                            WHERE t.origin IS NULL AND t.lead_agency_code = ANY(string_to_array(?2, ','))
                              AND EXISTS (SELECT 1 FROM allocation b WHERE b.origin = ?1 AND b.code = t.code)""")
                    .setParameter(1, instance).setParameter(2, String.join(",", agencies)).executeUpdate();
        } else {
            em.createNativeQuery("""
                            UPDATE allocation t SET code = t.code || '-' || upper(?1), version = t.version + 1
                            WHERE t.origin = ?1
                              AND EXISTS (SELECT 1 FROM allocation b WHERE b.origin IS NULL AND b.code = t.code)""")
                    .setParameter(1, instance).executeUpdate();
        }
    }

    /** At a ministry, its own codes go on after the highest number it took over, so they never collide. */
    @Override
    public void imported(Kind kind, List<String> keys) {
        if (kind == ALLOCATION) {
            em.createNativeQuery("""
                            SELECT setval('allocation_code_seq', greatest(
                                (SELECT last_value FROM allocation_code_seq),
                                (SELECT max(CAST(substring(code FROM '^AL-[0-9]{4}-([0-9]+)') AS bigint)) FROM allocation
                                 WHERE id = ANY(CAST(string_to_array(?1, ',') AS uuid[])))))""")
                    .setParameter(1, String.join(",", keys)).getSingleResult();
        }
    }
}
