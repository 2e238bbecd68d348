package vn.nq57.portal.web;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.nq57.portal.api.KpiApi;
import vn.nq57.portal.api.Views.IndicatorEvaluation;
import vn.nq57.portal.api.Views.IndicatorSummary;

/** The Resolution's national KPIs (tier STRATEGIC) as lines: the list, then every evaluation in parallel. */
@ApplicationScoped
public class Kpis {

    @Inject
    @RestClient
    KpiApi kpi;

    public Uni<List<KpiLine>> national(String auth, String period, String horizon) {
        return lines(auth, null, period, horizon);
    }

    /** The STRATEGIC indicators of one System (all Systems when {@code system} is null). */
    public Uni<List<KpiLine>> lines(String auth, String system, String period, String horizon) {
        return kpi.indicators(auth, "STRATEGIC", system, null, 200).chain(page -> {
            List<IndicatorSummary> items = page.items();
            if (items.isEmpty()) {
                return Uni.createFrom().item(List.<KpiLine>of());
            }
            List<Uni<IndicatorEvaluation>> calls = items.stream().map(i -> kpi.evaluation(auth, i.code(), null)).toList();
            return Uni.join().all(calls).andFailFast()
                    .map(evaluations -> evaluations.stream().map(e -> KpiLine.of(e, period, horizon)).toList());
        });
    }
}
