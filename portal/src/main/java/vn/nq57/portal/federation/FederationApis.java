package vn.nq57.portal.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.nq57.portal.api.BudgetApi;
import vn.nq57.portal.api.FederationApi;
import vn.nq57.portal.api.InitiativeApi;
import vn.nq57.portal.api.KpiApi;

/** The federation part of each of the three services' APIs, by the service's name (the federation pages ask all). */
@ApplicationScoped
public class FederationApis {

    static final List<String> SERVICES = List.of("initiative", "kpi", "budget");

    @Inject
    @RestClient
    InitiativeApi initiatives;

    @Inject
    @RestClient
    KpiApi kpi;

    @Inject
    @RestClient
    BudgetApi budget;

    FederationApi of(String service) {
        return switch (service) {
            case "initiative" -> initiatives;
            case "kpi" -> kpi;
            default -> budget;
        };
    }
}
