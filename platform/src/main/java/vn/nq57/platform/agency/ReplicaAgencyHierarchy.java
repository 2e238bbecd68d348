package vn.nq57.platform.agency;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.nq57.platform.security.AgencyHierarchy;

/**
 * The agency tree of a service that does not own agencies, read from its {@code agency_replica} table. The service
 * that owns agencies (initiative-service) provides its own {@link AgencyHierarchy} instead.
 */
@ApplicationScoped
@DefaultBean
public class ReplicaAgencyHierarchy implements AgencyHierarchy {

    @Inject
    EntityManager em;

    @Override
    public boolean isWithin(String agencyCode, String ancestorCode) {
        if (agencyCode == null || ancestorCode == null) {
            return false;
        }
        String agency = agencyCode.toUpperCase(Locale.ROOT);
        String ancestor = ancestorCode.toUpperCase(Locale.ROOT);
        if (agency.equals(ancestor)) {
            return true;
        }
        Number found = (Number) em.createNativeQuery("""
                WITH RECURSIVE up(code, parent_code, depth) AS (
                    SELECT code, parent_code, 0 FROM agency_replica WHERE code = ?1
                    UNION ALL
                    SELECT a.code, a.parent_code, up.depth + 1 FROM agency_replica a JOIN up ON a.code = up.parent_code
                    WHERE up.depth < 50)
                SELECT count(*) FROM up WHERE code = ?2""")
                .setParameter(1, agency).setParameter(2, ancestor).getSingleResult();
        return found.longValue() > 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<String> subtree(String agencyCode) {
        String root = agencyCode.toUpperCase(Locale.ROOT);
        List<String> codes = em.createNativeQuery("""
                WITH RECURSIVE down(code, depth) AS (
                    SELECT code, 0 FROM agency_replica WHERE code = ?1
                    UNION ALL
                    SELECT a.code, down.depth + 1 FROM agency_replica a JOIN down ON a.parent_code = down.code
                    WHERE down.depth < 50)
                SELECT code FROM down""").setParameter(1, root).getResultList();
        Set<String> result = new HashSet<>(codes);
        result.add(root);
        return result;
    }

    /** True when the agency is known to this service. */
    public boolean exists(String agencyCode) {
        return agencyCode != null && AgencyReplica.findById(agencyCode.toUpperCase(Locale.ROOT)) != null;
    }
}
