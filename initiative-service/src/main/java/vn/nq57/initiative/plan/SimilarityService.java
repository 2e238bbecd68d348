package vn.nq57.initiative.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.nq57.initiative.plan.InitiativeViews.SimilarInitiative;

/**
 * Overlap between initiatives (the plan asks to avoid duplication between agencies): PostgreSQL pg_trgm similarity
 * of the accent-free, lower-case title and content orientation, using the trigram indexes.
 */
@ApplicationScoped
public class SimilarityService {

    @Inject
    EntityManager em;

    @ConfigProperty(name = "nq57.similarity.threshold", defaultValue = "0.3")
    double threshold;

    @SuppressWarnings("unchecked")
    public List<SimilarInitiative> similarTo(String title, String content, UUID exclude, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT i.id, i.code, i.title_vi, a.code AS lead,
                               greatest(similarity(i.title_fold, nq57_fold(?1)),
                                        similarity(i.content_fold, nq57_fold(?2))) AS score
                        FROM initiative i JOIN agency a ON a.id = i.lead_agency_id
                        WHERE (i.title_fold % nq57_fold(?1) OR i.content_fold % nq57_fold(?2))
                          AND (CAST(?3 AS uuid) IS NULL OR i.id <> CAST(?3 AS uuid))
                          AND i.status <> 'CANCELLED'
                        ORDER BY score DESC, i.code
                        LIMIT ?4""")
                .setParameter(1, title == null ? "" : title)
                .setParameter(2, content == null ? "" : content)
                .setParameter(3, exclude == null ? null : exclude.toString())
                .setParameter(4, limit)
                .getResultList();
        return rows.stream()
                .map(r -> new SimilarInitiative((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                        Math.round(((Number) r[4]).doubleValue() * 1000) / 1000.0))
                .filter(s -> s.score() >= threshold)
                .toList();
    }
}
