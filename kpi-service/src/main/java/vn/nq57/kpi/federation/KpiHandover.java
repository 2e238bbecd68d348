package vn.nq57.kpi.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import vn.nq57.kpi.evaluation.EvaluationMaintainer;
import vn.nq57.platform.federation.Handover;

/**
 * kpi-service's rows of a ministry (issue #20): the indicators it created (never moved by a commissioning: central's
 * indicators stay national catalogue; served back to a ministry that rebuilds), with their targets, and the values
 * its agencies report, with each value's history. At a ministry, every evaluation is recomputed once the values are
 * here.
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
    EvaluationMaintainer evaluation;

    @Override
    public List<Kind> kinds() {
        return List.of(INDICATOR, TARGET, MEASUREMENT, HISTORY);
    }

    /** Every aggregate and evaluation recomputed once the values are here (one pass, not page by page). */
    @Override
    public void completed(Kind kind) {
        if (kind == MEASUREMENT) {
            evaluation.rebuildAll();
        }
    }
}
