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
import java.util.ArrayList;
import java.util.Arrays;
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
import vn.nq57.portal.web.Downloads;
import vn.nq57.tabular.Table;
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
    @Produces({MediaType.TEXT_HTML, MediaType.WILDCARD})
    public Uni<jakarta.ws.rs.core.Response> budget(@QueryParam("year") String yearParam,
                                                   @QueryParam("table") String table,
                                                   @QueryParam("format") String format) {
        String auth = user.bearer();
        return Fetch.part("budget", budget.fiscalYears(auth, 100).map(Page::items)).chain(years -> {
            Integer year = choose(yearParam, years.or(List.of()));
            if (year == null) {
                return Uni.createFrom().item(jakarta.ws.rs.core.Response.ok(pages.render(Templates.budget(
                        new BudgetPage(null, years, null, null, null, null)), "budget")).build());
            }
            return Uni.combine().all().unis(
                            Fetch.part("budget", budget.threePercentRule(auth, year)),
                            Fetch.part("budget", budget.nonStateShare(auth, year)),
                            Fetch.part("budget", budget.bySystem(auth, year)),
                            Fetch.part("budget", budget.priority(auth, year)))
                    .with((r, s, b, p) -> Downloads.or(format, () -> table(table, year, s, b),
                            "nq57-ngan-sach-" + ("sources".equals(table) ? "nguon-" : "he-thong-") + year,
                            () -> pages.render(Templates.budget(new BudgetPage(year, years, r, s, b, p)), "budget")));
        });
    }

    /** One of the page's tables to download: by funding source ({@code sources}) or by System (the default). */
    static Table table(String which, int year, Part<NonStateShare> share, Part<Breakdown> bySystem) {
        List<List<Object>> rows = new ArrayList<>();
        if ("sources".equals(which)) {
            if (!share.ok()) {
                return null;
            }
            for (var r : share.get().bySource()) {
                rows.add(Arrays.asList(r.fundingSource(), r.nonState(), r.approved(), r.disbursed(),
                        r.disbursementRate(), r.shareOfApproved()));
            }
            return new Table("Theo nguồn " + year, List.of("Nguồn vốn", "Ngoài nhà nước", "Đã phê duyệt (đồng)",
                    "Đã giải ngân (đồng)", "Tỷ lệ giải ngân (%)", "Tỷ trọng (%)"), rows);
        }
        if (!bySystem.ok()) {
            return null;
        }
        for (var r : bySystem.get().rows()) {
            rows.add(Arrays.asList(r.system(), r.planned(), r.approved(), r.disbursed(), r.disbursementRate()));
        }
        return new Table("Theo Hệ thống " + year, List.of("Hệ thống", "Kế hoạch (đồng)", "Đã phê duyệt (đồng)",
                "Đã giải ngân (đồng)", "Tỷ lệ giải ngân (%)"), rows);
    }

    /** The year asked for, if it is a year; else this year if it has figures; else the latest with figures. */
    static Integer choose(String asked, List<FiscalYear> years) {
        if (asked != null && asked.matches("20\\d\\d")) {
            return Integer.valueOf(asked);
        }
        int now = Formats.today().getYear();
        return years.stream().map(FiscalYear::year).filter(y -> y <= now).max(Comparator.naturalOrder())
                .orElse(years.stream().map(FiscalYear::year).min(Comparator.naturalOrder()).orElse(null));
    }
}
