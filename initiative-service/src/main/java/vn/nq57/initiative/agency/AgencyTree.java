package vn.nq57.initiative.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.nq57.platform.security.AgencyHierarchy;

/** The agency tree for the platform's scope checks, read from this service's own agency table. */
@ApplicationScoped
public class AgencyTree implements AgencyHierarchy {

    @Inject
    EntityManager em;

    @Override
    public boolean isWithin(String agencyCode, String ancestorCode) {
        if (agencyCode == null || ancestorCode == null) {
            return false;
        }
        if (agencyCode.equalsIgnoreCase(ancestorCode)) {
            return true;
        }
        Number found = (Number) em.createNativeQuery("""
                WITH RECURSIVE up(id, code, parent_id, depth) AS (
                    SELECT id, code, parent_id, 0 FROM agency WHERE code = ?1
                    UNION ALL
                    SELECT a.id, a.code, a.parent_id, up.depth + 1 FROM agency a JOIN up ON a.id = up.parent_id
                    WHERE up.depth < 50)
                SELECT count(*) FROM up WHERE code = ?2""")
                .setParameter(1, agencyCode.toUpperCase()).setParameter(2, ancestorCode.toUpperCase())
                .getSingleResult();
        return found.longValue() > 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<String> subtree(String agencyCode) {
        List<String> codes = em.createNativeQuery("""
                WITH RECURSIVE down(id, code, depth) AS (
                    SELECT id, code, 0 FROM agency WHERE code = ?1
                    UNION ALL
                    SELECT a.id, a.code, down.depth + 1 FROM agency a JOIN down ON a.parent_id = down.id
                    WHERE down.depth < 50)
                SELECT code FROM down""").setParameter(1, agencyCode.toUpperCase()).getResultList();
        Set<String> result = new HashSet<>(codes);
        result.add(agencyCode.toUpperCase());
        return result;
    }
}
