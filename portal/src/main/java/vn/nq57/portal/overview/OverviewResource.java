package vn.nq57.portal.overview;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.nq57.portal.api.InitiativeApi;
import vn.nq57.portal.api.KpiApi;
import vn.nq57.portal.api.Views.AgencyScorecard;
import vn.nq57.portal.api.Views.PlanScore;
import vn.nq57.portal.web.AgencyOptions;
import vn.nq57.portal.web.CurrentUser;
import vn.nq57.portal.web.Fetch;
import vn.nq57.portal.web.KpiLine;
import vn.nq57.portal.web.Kpis;
import vn.nq57.portal.web.Pages;
import vn.nq57.portal.web.Part;

/** Tổng quan: the plan's health, the six Systems, the Resolution's national KPIs; filters phase, period, agency. */
@Path("/")
public class OverviewResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(OverviewPage page);
    }

    /** What the overview shows; each part may be missing on its own. */
    /**
     * {@code shown}: the agency whose panel is shown (the one filtered on, else the user's own unless it is a central
     * body, whose users read the nation), or null.
     */
    public record OverviewPage(Part<PlanScore> plan, Part<List<KpiLine>> kpis, Part<AgencyScorecard> agency,
                               Part<List<AgencyOptions.Option>> agencies, Filters filters, AgencyOptions.Option shown,
                               boolean own) {

        public List<AgencyOptions.Option> agencyList() {
            return agencies.or(List.of());
        }

        public long improved() {
            return kpis.or(List.of()).stream().filter(k -> k.trend().equals("IMPROVED")).count();
        }

        public long declined() {
            return kpis.or(List.of()).stream().filter(k -> k.trend().equals("DECLINED")).count();
        }
    }

    /** The filters, as chosen (null: not chosen). {@code horizon} follows from the phase. */
    public record Filters(String phase, String period, String agency) {
        public String horizon() {
            return phase == null ? "2030" : switch (phase) {
                case "P1" -> "2026";
                case "P3" -> "2045";
                default -> "2030";
            };
        }

        public List<String> phases() {
            return List.of("P1", "P2", "P3");
        }

        public List<String> periods() {
            return List.of("2022", "2023", "2024", "2025", "2026");
        }
    }

    @Inject
    @RestClient
    InitiativeApi initiatives;

    @Inject
    @RestClient
    KpiApi kpi;

    @Inject
    CurrentUser user;

    @Inject
    Kpis kpis;

    @Inject
    AgencyOptions agencyOptions;

    @Inject
    Pages pages;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> overview(@QueryParam("phase") String phase, @QueryParam("period") String period,
                                          @QueryParam("agency") String agency) {
        Filters filters = new Filters(oneOf(phase, "P1", "P2", "P3"), period != null && period.matches("\\d{4}") ? period : null,
                agency != null && agency.matches("[A-Za-z0-9_-]{1,50}") ? agency.toUpperCase() : null);
        String auth = user.bearer();
        Uni<Part<PlanScore>> plan = Fetch.part("initiative", initiatives.plan(auth));
        Uni<Part<List<KpiLine>>> lines = Fetch.part("kpi", kpis.national(auth, filters.period(), filters.horizon()));
        String panel = filters.agency() != null ? filters.agency() : user.agency();
        Uni<Part<AgencyScorecard>> mine = panel == null ? Uni.createFrom().item(Part.missing("initiative", "none"))
                : Fetch.part("initiative", initiatives.agency(auth, panel, 500));
        Uni<Part<List<AgencyOptions.Option>>> options = Fetch.part("initiative", agencyOptions.all(auth));
        return Uni.combine().all().unis(plan, lines, mine, options).with((p, k, a, o) -> {
            AgencyOptions.Option shown = panel == null ? null : o.or(List.of()).stream()
                    .filter(x -> x.code().equalsIgnoreCase(panel)).findFirst()
                    .orElse(new AgencyOptions.Option(panel, panel, null, 0));
            boolean own = filters.agency() == null;
            if (own && shown != null && "CENTRAL_BODY".equals(shown.level())) {
                shown = null;
            }
            return pages.render(Templates.overview(new OverviewPage(p, k, a, o, filters, shown, own)), "overview");
        });
    }

    static String oneOf(String value, String... allowed) {
        return value != null && List.of(allowed).contains(value) ? value : null;
    }
}
