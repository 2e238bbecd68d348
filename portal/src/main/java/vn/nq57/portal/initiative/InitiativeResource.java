package vn.nq57.portal.initiative;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.nq57.portal.api.BudgetApi;
import vn.nq57.portal.api.InitiativeApi;
import vn.nq57.portal.api.KpiApi;
import vn.nq57.portal.api.Views.Allocation;
import vn.nq57.portal.api.Views.Initiative;
import vn.nq57.portal.api.Views.IndicatorScore;
import vn.nq57.portal.api.Views.InitiativeScore;
import vn.nq57.portal.api.Views.Obstacle;
import vn.nq57.portal.api.Views.Page;
import vn.nq57.portal.api.Views.Similar;
import vn.nq57.portal.api.Views.Transition;
import vn.nq57.portal.web.CurrentUser;
import vn.nq57.portal.web.Fetch;
import vn.nq57.portal.web.KpiLine;
import vn.nq57.portal.web.Kpis;
import vn.nq57.portal.web.Pages;
import vn.nq57.portal.web.Part;

/**
 * One initiative (sáng kiến đột phá): the five required attributes, chief architect, outputs, milestones, lifecycle,
 * obstacles, KPIs, budget by funding source, similar initiatives, and why it has its colour.
 */
@Path("/initiatives/{id}")
public class InitiativeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance initiative(InitiativePage page);
    }

    /** Allocated and disbursed of one funding source. */
    public record SourceLine(String source, long amount, long disbursed) {
    }

    public record InitiativePage(Part<Initiative> found, Part<InitiativeScore> score, Part<List<Transition>> history,
                                 Part<Page<Obstacle>> obstacles, Part<List<KpiLine>> kpis,
                                 Part<List<SourceLine>> budget, Part<List<Similar>> similar) {
        public Initiative initiative() {
            return found.get();
        }

        public long budgetTotal() {
            return budget.or(List.of()).stream().mapToLong(SourceLine::amount).sum();
        }

        public long disbursedTotal() {
            return budget.or(List.of()).stream().mapToLong(SourceLine::disbursed).sum();
        }
    }

    @Inject
    @RestClient
    InitiativeApi initiatives;

    @Inject
    @RestClient
    KpiApi kpi;

    @Inject
    @RestClient
    BudgetApi budget;

    @Inject
    Kpis lines;

    @Inject
    CurrentUser user;

    @Inject
    Pages pages;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> initiative(@PathParam("id") String idOrCode) {
        if (!idOrCode.matches("[A-Za-z0-9-]{1,40}")) {
            throw new NotFoundException();
        }
        String auth = user.bearer();
        return Fetch.part("initiative", initiatives.initiative(auth, idOrCode)).chain(found -> {
            if (!found.ok()) {
                if ("not-found".equals(found.problem())) {
                    throw new NotFoundException();
                }
                return Uni.createFrom().item(pages.render(Templates.initiative(new InitiativePage(found, null, null,
                        null, null, null, null)), "overview"));
            }
            Initiative i = found.get();
            UUID id = i.id();
            Uni<Part<InitiativeScore>> score = Fetch.part("initiative", initiatives.score(auth, id));
            Uni<Part<List<Transition>>> history = Fetch.part("initiative", initiatives.transitions(auth, id));
            Uni<Part<Page<Obstacle>>> obstacles = Fetch.part("initiative", initiatives.obstacles(auth, id, null, null, 100));
            Uni<Part<List<KpiLine>>> kpis = Fetch.part("kpi", kpi.initiative(auth, id)
                    .chain(k -> lines.of(auth, k.indicators().stream().map(IndicatorScore::code).toList(), null, null)));
            Uni<Part<List<SourceLine>>> money = Fetch.part("budget", budget.allocations(auth, id, 500)
                    .map(p -> bySource(p.items())));
            Uni<Part<List<Similar>>> similar = Fetch.part("initiative", initiatives.similar(auth, id));
            return Uni.combine().all().unis(score, history, obstacles, kpis, money, similar)
                    .with((s, h, o, k, m, sim) -> pages.render(Templates.initiative(
                            new InitiativePage(found, s, h, o, k, m, sim)), "overview"));
        });
    }

    /** Allocations that count (not cancelled) summed per funding source, in the order the sources first appear. */
    static List<SourceLine> bySource(List<Allocation> allocations) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (Allocation a : allocations) {
            if ("CANCELLED".equals(a.status())) {
                continue;
            }
            long[] s = sums.computeIfAbsent(a.fundingSource(), k -> new long[2]);
            s[0] += a.amount();
            s[1] += a.disbursed();
        }
        return sums.entrySet().stream().map(e -> new SourceLine(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }
}
