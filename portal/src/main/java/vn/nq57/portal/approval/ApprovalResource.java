package vn.nq57.portal.approval;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.nq57.portal.api.KpiApi;
import vn.nq57.portal.api.Views.Measurement;
import vn.nq57.portal.api.Views.Page;
import vn.nq57.portal.api.Writes.DecisionItem;
import vn.nq57.portal.api.Writes.DecisionSummary;
import vn.nq57.portal.api.Writes.Decisions;
import vn.nq57.portal.web.CurrentUser;
import vn.nq57.portal.web.Downloads;
import vn.nq57.portal.web.Fetch;
import vn.nq57.portal.web.Forms;
import vn.nq57.portal.web.Outcome;
import vn.nq57.portal.web.Pages;
import vn.nq57.portal.web.Part;
import vn.nq57.tabular.Table;

/**
 * The approval inbox (Phê duyệt số liệu): the submitted values of the approver's agency and the agencies below it,
 * each with the same agency's value of the period before and the change; filters; many approved or returned (with a
 * reason) at once through kpi-service's decision list, the result shown per value.
 */
@Path("/approvals")
public class ApprovalResource {

    static final int SIZE = 200;
    /** How many of an indicator's values are read for the previous ones (newest first; the services' largest page). */
    static final int SERIES = 500;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance approvals(ApprovalPage page);
    }

    /** A submitted value, and the same indicator's and agency's value of the latest period before it (or null). */
    public record Row(Measurement value, Measurement previous) {
        public BigDecimal change() {
            return previous == null || value.value() == null || previous.value() == null ? null
                    : value.value().subtract(previous.value());
        }
    }

    public record Filter(String indicator, String agency, String period) {
        public String query() {
            StringBuilder q = new StringBuilder();
            if (indicator != null) {
                q.append("&indicator=").append(indicator);
            }
            if (agency != null) {
                q.append("&agency=").append(agency);
            }
            if (period != null) {
                q.append("&period=").append(period);
            }
            return q.toString();
        }
    }

    public record ApprovalPage(String key, Filter filter, Part<List<Row>> rows, long total,
                               Outcome<DecisionSummary> outcome, String action) {
        public DecisionSummary summary() {
            if (outcome == null) {
                return null;
            }
            return outcome.ok() ? outcome.value() : outcome.problem().decisionSummary();
        }
    }

    @Inject
    @RestClient
    KpiApi kpi;

    @Inject
    CurrentUser user;

    @Inject
    Pages pages;

    @GET
    @Produces({MediaType.TEXT_HTML, MediaType.WILDCARD})
    public Uni<Response> inbox(@QueryParam("indicator") String indicator, @QueryParam("agency") String agency,
                               @QueryParam("period") String period, @QueryParam("format") String format) {
        Filter f = filter(indicator, agency, period);
        return rows(f).map(rows -> Downloads.or(format, () -> rows.ok() ? table(rows.get()) : null, "nq57-phe-duyet",
                () -> render(new ApprovalPage(Forms.key(), f, rows, rows.or(List.of()).size(), null, null))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> decide(@FormParam("key") String key, @FormParam("pick") List<String> picks,
                                @FormParam("action") String action, @FormParam("reason") String reason,
                                @FormParam("indicator") String indicator, @FormParam("agency") String agency,
                                @FormParam("period") String period) {
        Filter f = filter(indicator, agency, period);
        String step = "return".equals(action) ? "RETURN" : "APPROVE";
        List<DecisionItem> items = new ArrayList<>();
        for (String p : picks) {
            String[] parts = p.split(":");
            try {
                items.add(new DecisionItem(UUID.fromString(parts[0]), parts.length > 1 ? Long.valueOf(parts[1]) : null));
            } catch (IllegalArgumentException ignored) {
                // not a value this page offered
            }
        }
        Uni<Outcome<DecisionSummary>> call = items.isEmpty()
                ? Uni.createFrom().item(Outcome.refused(400, null, List.of(new vn.nq57.portal.api.Writes.Violation(
                        "measurements", "choose at least one value"))))
                : Outcome.of("kpi", kpi.decide(user.bearer(), Forms.key(key), "partial",
                        new Decisions(step, Forms.blankToNull(reason), items)));
        return call.chain(outcome -> rows(f).map(rows -> Response.status(outcome.ok() ? 200 : outcome.status())
                .entity(render(new ApprovalPage(Forms.key(), f, rows, rows.or(List.of()).size(), outcome, step)))
                .build()));
    }

    Uni<Part<List<Row>>> rows(Filter f) {
        String auth = user.bearer();
        String under = user.centralAdmin() ? null : user.agency();
        Uni<Page<Measurement>> submitted = kpi.values(auth, f.indicator(), f.agency(), under, f.period(), "SUBMITTED",
                0, SIZE);
        return Fetch.part("kpi", submitted.chain(page -> {
            List<Measurement> values = page.items();
            if (values.isEmpty()) {
                return Uni.createFrom().item(List.<Row>of());
            }
            // one call per indicator (not per value): the indicator's recent values in the same subtree
            Set<String> indicators = values.stream().map(Measurement::indicatorCode)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            List<Uni<List<Measurement>>> histories = indicators.stream().map(code -> kpi.values(auth, code, null, under,
                    null, null, 0, SERIES).map(Page::items).onFailure().recoverWithItem(List.<Measurement>of())).toList();
            return Uni.join().all(histories).andFailFast().map(all -> {
                Map<String, List<Measurement>> byPair = all.stream().flatMap(List::stream)
                        .collect(Collectors.groupingBy(m -> m.indicatorCode() + "|" + m.agency()));
                return values.stream().map(v -> new Row(v, previous(v, byPair.getOrDefault(
                        v.indicatorCode() + "|" + v.agency(), List.of())))).toList();
            });
        }));
    }

    /** The latest value of an earlier period of the same kind (a draft does not count). */
    static Measurement previous(Measurement v, List<Measurement> sameSeries) {
        return sameSeries.stream()
                .filter(m -> !"DRAFT".equals(m.status()) && m.period().length() == v.period().length()
                        && m.period().compareTo(v.period()) < 0)
                .max((a, b) -> a.period().compareTo(b.period())).orElse(null);
    }

    static Table table(List<Row> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : rows) {
            Measurement v = r.value();
            out.add(Arrays.asList(v.indicatorCode(), v.agency(), v.period(), v.value(),
                    r.previous() == null ? null : r.previous().period(),
                    r.previous() == null ? null : r.previous().value(), r.change(), v.submittedBy(), v.submittedAt(),
                    v.note()));
        }
        return new Table("Chờ phê duyệt", List.of("Mã chỉ tiêu", "Cơ quan", "Kỳ", "Giá trị", "Kỳ trước",
                "Giá trị kỳ trước", "Thay đổi", "Người gửi", "Thời điểm gửi", "Ghi chú"), out);
    }

    private static Filter filter(String indicator, String agency, String period) {
        return new Filter(Forms.blankToNull(indicator), Forms.blankToNull(agency) == null ? null
                : agency.strip().toUpperCase(), Forms.blankToNull(period) == null ? null : period.strip().toUpperCase());
    }

    private TemplateInstance render(ApprovalPage page) {
        return pages.render(Templates.approvals(page), "approvals");
    }
}
