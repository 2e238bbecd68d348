package vn.nq57.portal.system;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.nq57.portal.api.InitiativeApi;
import vn.nq57.portal.api.Views.InitiativeSummary;
import vn.nq57.portal.api.Views.Page;
import vn.nq57.portal.api.Views.SystemScorecard;
import vn.nq57.portal.web.CurrentUser;
import vn.nq57.portal.web.Downloads;
import vn.nq57.portal.web.Fetch;
import vn.nq57.portal.web.InitiativeRow;
import vn.nq57.portal.web.KpiLine;
import vn.nq57.portal.web.Kpis;
import vn.nq57.portal.web.Pages;
import vn.nq57.portal.web.Part;
import vn.nq57.portal.web.Sorting;

/** A System (Hệ thống): its health, its national KPIs and its initiatives in a sortable, filterable table. */
@Path("/systems/{code}")
public class SystemResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance system(SystemPage page);
    }

    public record SystemPage(String code, Part<SystemScorecard> scorecard, List<InitiativeRow> rows, int total,
                             Part<List<KpiLine>> kpis, Sorting sorting) {
    }

    @Inject
    @RestClient
    InitiativeApi initiatives;

    @Inject
    CurrentUser user;

    @Inject
    Kpis kpis;

    @Inject
    Pages pages;

    @GET
    @Produces({MediaType.TEXT_HTML, MediaType.WILDCARD})
    public Uni<jakarta.ws.rs.core.Response> system(@PathParam("code") String code, @QueryParam("sort") String sort,
                                        @QueryParam("dir") String dir, @QueryParam("q") String q,
                                        @QueryParam("health") String health,
                                        @QueryParam("format") String format) {
        if (!code.matches("H[1-6]")) {
            throw new NotFoundException();
        }
        String auth = user.bearer();
        Sorting sorting = Sorting.of("/systems/" + code, sort, dir, q, health);
        Uni<Part<SystemScorecard>> card = Fetch.part("initiative", initiatives.system(auth, code, 500));
        Uni<Part<Page<InitiativeSummary>>> list = Fetch.part("initiative", initiatives.initiatives(auth, code, null, null, 500));
        Uni<Part<List<KpiLine>>> lines = Fetch.part("kpi", kpis.lines(auth, code, null, "2030"));
        return Uni.combine().all().unis(card, list, lines).with((c, l, k) -> {
            List<InitiativeRow> all = c.ok() ? InitiativeRow.join(c.get().initiatives().items(),
                    l.or(Page.empty()).items()) : List.of();
            List<InitiativeRow> rows = sorting.apply(all);
            return Downloads.or(format, () -> c.ok() ? InitiativeRow.table(rows, "Sáng kiến " + code) : null,
                    "nq57-sang-kien-" + code.toLowerCase(), () -> pages.render(Templates.system(new SystemPage(code, c,
                            rows, all.size(), k, sorting)), "overview"));
        });
    }
}
