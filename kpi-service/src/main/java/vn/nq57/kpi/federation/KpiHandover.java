package vn.nq57.kpi.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import vn.nq57.kpi.evaluation.EvaluationMaintainer;
import vn.nq57.platform.federation.Handover;

/**
 * kpi-service's rows of a ministry (issue #20): the indicators it created (never moved by a commissioning: central's
 * indicators stay national catalogue; served back to a ministry that rebuilds), with their targets, and the values
 * its agencies report, with each value's history. At a ministry, the evaluations of the (indicator, period) pairs a page
 * of values touched are recomputed with it.
 */
@ApplicationScoped
public class KpiHandover implements Handover {

    static final Kind INDICATOR = Kind.owner("indicator", "indicator", "false", "version", "origin_instance");
    static final Kind TARGET = Kind.child("indicator-target", "indicator_target",
            "t.indicator_id::text || '/' || t.period", "t.indicator_id IN (SELECT i.id FROM indicator i WHERE i.origin = ?1)",
            "indicator", "indicator_id");
    static final Kind MEASUREMENT = Kind.owner("measurement", "measurement", "t.agency_code = ANY(string_to_array(?2, ','))", "version",
            "origin_instance");
    static final Kind HISTORY = Kind.child("measurement-history", "measurement_history", "id",
            "t.measurement_id IN (SELECT m.id FROM measurement m WHERE m.origin = ?1)", "measurement", "measurement_id");

    @Inject
    EntityManager em;

    @Inject
    EvaluationMaintainer evaluation;

    @Override
    public List<Kind> kinds() {
        return List.of(INDICATOR, TARGET, MEASUREMENT, HISTORY);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void imported(Kind kind, List<String> keys) {
        if (kind != MEASUREMENT) {
            return;
        }
        List<Object[]> pairs = em.createNativeQuery("""
                        SELECT DISTINCT indicator_id, period FROM measurement WHERE id = ANY(CAST(string_to_array(?1, ',') AS uuid[]))""")
                .setParameter(1, String.join(",", keys)).getResultList();
        evaluation.touched(pairs.stream()
                .map(p -> new EvaluationMaintainer.Touched((UUID) p[0], (String) p[1])).toList());
    }
}
