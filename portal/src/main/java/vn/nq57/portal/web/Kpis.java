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
        return kpi.indicators(auth, "STRATEGIC", system, null, 200)
                .chain(page -> of(auth, page.items().stream().map(IndicatorSummary::code).toList(), period, horizon));
    }

    /** The lines of these indicators, their evaluations fetched in parallel. */
    public Uni<List<KpiLine>> of(String auth, List<String> codes, String period, String horizon) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<IndicatorEvaluation>> calls = codes.stream().map(c -> kpi.evaluation(auth, c, null)).toList();
        return Uni.join().all(calls).andFailFast()
                .map(evaluations -> evaluations.stream().map(e -> KpiLine.of(e, period, horizon)).toList());
    }
}
