package vn.nq57.portal.budget;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.nq57.portal.api.BudgetApi;
import vn.nq57.portal.api.Views.Breakdown;
import vn.nq57.portal.api.Views.FiscalYear;
import vn.nq57.portal.api.Views.NonStateShare;
import vn.nq57.portal.api.Views.Page;
import vn.nq57.portal.api.Views.Priority;
import vn.nq57.portal.api.Views.ThreePercentRule;
import vn.nq57.portal.web.CurrentUser;
import vn.nq57.portal.web.Fetch;
import vn.nq57.portal.web.Formats;
import vn.nq57.portal.web.Pages;
import vn.nq57.portal.web.Part;

/** Ngân sách: a fiscal year by funding source, the 3% rule, the non-state share, key-initiative priority, Systems. */
@Path("/budget")
public class BudgetResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance budget(BudgetPage page);
    }

    public record BudgetPage(Integer year, Part<List<FiscalYear>> years, Part<ThreePercentRule> rule,
                             Part<NonStateShare> share, Part<Breakdown> bySystem, Part<Priority> priority) {
        /** "H1:approved:disbursed;..." in billions for the chart script (the table says the same). */
        public String chartData() {
            if (!bySystem.ok()) {
                return "";
            }
            return bySystem.get().rows().stream().map(r -> r.system() + ":" + r.approved() / 1_000_000_000L + ":"
                    + r.disbursed() / 1_000_000_000L).collect(Collectors.joining(";"));
        }
    }

    @Inject
    @RestClient
    BudgetApi budget;

    @Inject
    CurrentUser user;

    @Inject
    Pages pages;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> budget(@QueryParam("year") String yearParam) {
        String auth = user.bearer();
        return Fetch.part("budget", budget.fiscalYears(auth, 100).map(Page::items)).chain(years -> {
            Integer year = choose(yearParam, years.or(List.of()));
            if (year == null) {
                return Uni.createFrom().item(pages.render(Templates.budget(new BudgetPage(null, years, null, null,
                        null, null)), "budget"));
            }
            return Uni.combine().all().unis(
                            Fetch.part("budget", budget.threePercentRule(auth, year)),
                            Fetch.part("budget", budget.nonStateShare(auth, year)),
                            Fetch.part("budget", budget.bySystem(auth, year)),
                            Fetch.part("budget", budget.priority(auth, year)))
                    .with((r, s, b, p) -> pages.render(Templates.budget(new BudgetPage(year, years, r, s, b, p)),
                            "budget"));
        });
    }

    /** The year asked for, if it is a year; else this year if it has figures; else the latest with figures. */
    static Integer choose(String asked, List<FiscalYear> years) {
        if (asked != null && asked.matches("20\\d\\d")) {
            return Integer.valueOf(asked);
        }
        int now = LocalDate.now(Formats.VIET_NAM).getYear();
        return years.stream().map(FiscalYear::year).filter(y -> y <= now).max(Comparator.naturalOrder())
                .orElse(years.stream().map(FiscalYear::year).min(Comparator.naturalOrder()).orElse(null));
    }
}
