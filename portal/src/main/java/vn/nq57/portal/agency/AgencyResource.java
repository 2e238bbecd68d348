package vn.nq57.portal.agency;

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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.nq57.portal.api.InitiativeApi;
import vn.nq57.portal.api.KpiApi;
import vn.nq57.portal.api.Views.AgencyNode;
import vn.nq57.portal.api.Views.AgencyScorecard;
import vn.nq57.portal.api.Views.IndicatorSummary;
import vn.nq57.portal.api.Views.InitiativeSummary;
import vn.nq57.portal.api.Views.Page;
import vn.nq57.portal.web.CurrentUser;
import vn.nq57.portal.web.Downloads;
import vn.nq57.portal.web.Fetch;
import vn.nq57.portal.web.InitiativeRow;
import vn.nq57.portal.web.Pages;
import vn.nq57.portal.web.Part;
import vn.nq57.portal.web.Sorting;

/**
 * An agency (a ministry, a province, a unit): the initiatives it and the agencies below it lead, the indicators it
 * owns, and the agencies below it to drill into.
 */
@Path("/agencies/{code}")
public class AgencyResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance agency(AgencyPage page);
    }

    /** {@code path}: the agency's ancestors, root first, then the agency itself (null when the tree is missing). */
    public record AgencyPage(String code, AgencyNode node, List<AgencyNode> path, Part<AgencyScorecard> scorecard,
                             List<InitiativeRow> rows, int total, Part<Page<IndicatorSummary>> indicators,
                             Sorting sorting, boolean mine) {
        public String name() {
            return node == null ? code : node.nameVi();
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
    Pages pages;

    @GET
    @Produces({MediaType.TEXT_HTML, MediaType.WILDCARD})
    public Uni<jakarta.ws.rs.core.Response> agency(@PathParam("code") String code, @QueryParam("sort") String sort,
                                        @QueryParam("dir") String dir, @QueryParam("q") String q,
                                        @QueryParam("health") String health,
                                        @QueryParam("format") String format) {
        if (!code.matches("[A-Za-z0-9_-]{1,50}")) {
            throw new NotFoundException();
        }
        String agency = code.toUpperCase();
        String auth = user.bearer();
        Sorting sorting = Sorting.of("/agencies/" + agency, sort, dir, q, health);
        Uni<Part<List<AgencyNode>>> tree = Fetch.part("initiative", initiatives.agencyTree(auth));
        Uni<Part<AgencyScorecard>> card = Fetch.part("initiative", initiatives.agency(auth, agency, 500));
        Uni<Part<Page<InitiativeSummary>>> list = Fetch.part("initiative", initiatives.initiatives(auth, null, null, null, 500));
        Uni<Part<Page<IndicatorSummary>>> owned = Fetch.part("kpi", kpi.indicators(auth, null, null, agency, 200));
        return Uni.combine().all().unis(tree, card, list, owned).with((t, c, l, k) -> {
            List<AgencyNode> path = t.ok() ? pathTo(t.get(), agency) : List.of();
            if (t.ok() && path.isEmpty()) {
                throw new NotFoundException();
            }
            AgencyNode node = path.isEmpty() ? null : path.get(path.size() - 1);
            List<InitiativeRow> all = c.ok() ? InitiativeRow.join(c.get().items().items(), l.or(Page.empty()).items())
                    : List.of();
            List<InitiativeRow> rows = sorting.apply(all);
            boolean mine = agency.equalsIgnoreCase(user.agency());
            return Downloads.or(format, () -> c.ok() ? InitiativeRow.table(rows, "Sáng kiến " + agency) : null,
                    "nq57-sang-kien-" + agency.toLowerCase(), () -> pages.render(Templates.agency(new AgencyPage(agency,
                            node, path, c, rows, all.size(), k, sorting, mine)), mine ? "agency" : "overview"));
        });
    }

    /** The nodes from a root down to the agency, or empty when it is not in the tree. */
    static List<AgencyNode> pathTo(List<AgencyNode> nodes, String code) {
        for (AgencyNode n : nodes) {
            if (n.code().equalsIgnoreCase(code)) {
                return List.of(n);
            }
            List<AgencyNode> below = n.children() == null ? List.of() : pathTo(n.children(), code);
            if (!below.isEmpty()) {
                List<AgencyNode> out = new ArrayList<>();
                out.add(n);
                out.addAll(below);
                return out;
            }
        }
        return List.of();
    }

}
