package vn.nq57.portal.indicator;

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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.nq57.portal.api.KpiApi;
import vn.nq57.portal.api.Views.Indicator;
import vn.nq57.portal.api.Views.IndicatorEvaluation;
import vn.nq57.portal.api.Views.Measurement;
import vn.nq57.portal.api.Views.Page;
import vn.nq57.portal.api.Views.SeriesPoint;
import vn.nq57.portal.api.Views.Target;
import vn.nq57.portal.web.CurrentUser;
import vn.nq57.portal.web.Fetch;
import vn.nq57.portal.web.Pages;
import vn.nq57.portal.web.Part;

/**
 * One indicator (chỉ tiêu): definition, unit, baseline, targets, the actual values against the target path (national,
 * or of one reporting agency), the values with their status, the forecast.
 */
@Path("/indicators/{code}")
public class IndicatorResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance indicator(IndicatorPage page);
    }

    /** A period of the chart and its table: the actual value and where the target path expects it. */
    public record ChartPoint(String period, BigDecimal actual, BigDecimal expected) {
    }

    public record IndicatorPage(String code, Part<Indicator> indicator, Part<IndicatorEvaluation> evaluation,
                                Part<Page<Measurement>> measurements, String agency, List<ChartPoint> chart) {
        /** "2024:0.45:0.44;2025:0.52:0.6" for the chart script (the table below says the same). */
        public String chartData() {
            return chart.stream().map(p -> p.period() + ":" + (p.actual() == null ? "" : p.actual().toPlainString())
                    + ":" + (p.expected() == null ? "" : p.expected().toPlainString())).collect(Collectors.joining(";"));
        }

        /**
         * The rows of the table under the chart: periods with a value, the next period, and target years (the chart
         * draws every year to the last target; the table does not list a row per empty year).
         */
        public List<ChartPoint> tableRows() {
            int lastActual = -1;
            for (int i = 0; i < chart.size(); i++) {
                if (chart.get(i).actual() != null) {
                    lastActual = i;
                }
            }
            Set<String> targets = indicator.ok() && indicator.get().targets() != null ? indicator.get().targets()
                    .stream().map(Target::period).collect(Collectors.toSet()) : Set.of();
            List<ChartPoint> rows = new ArrayList<>();
            for (int i = 0; i < chart.size(); i++) {
                if (chart.get(i).actual() != null || i == lastActual + 1 || targets.contains(chart.get(i).period())) {
                    rows.add(chart.get(i));
                }
            }
            return rows;
        }

        public List<String> agencies() {
            return indicator.ok() && indicator.get().reportingAgencies() != null ? indicator.get().reportingAgencies()
                    : List.of();
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
    public Uni<jakarta.ws.rs.core.Response> indicator(@PathParam("code") String code,
                                                      @QueryParam("agency") String agency,
                                                      @QueryParam("format") String format) {
        if (!code.matches("[A-Za-z0-9_.-]{1,60}")) {
            throw new NotFoundException();
        }
        String scope = agency != null && agency.matches("[A-Za-z0-9_-]{1,50}") ? agency.toUpperCase() : null;
        String auth = user.bearer();
        Uni<Part<Indicator>> ind = Fetch.part("kpi", kpi.indicator(auth, code));
        Uni<Part<IndicatorEvaluation>> eval = Fetch.part("kpi", kpi.evaluation(auth, code, scope));
        Uni<Part<Page<Measurement>>> values = Fetch.part("kpi", kpi.values(auth, code, null, null, null, null, 0, 200));
        return Uni.combine().all().unis(ind, eval, values).with((i, e, m) -> {
            if ("not-found".equals(i.problem())) {
                throw new NotFoundException();
            }
            List<ChartPoint> chart = i.ok() && e.ok() ? chart(i.get(), e.get()) : List.of();
            return vn.nq57.portal.web.Downloads.or(format, () -> m.ok() ? values(code, m.get().items()) : null,
                    "nq57-gia-tri-" + code.toLowerCase(), () -> pages.render(Templates.indicator(new IndicatorPage(code,
                            i, e, m, scope, chart)), "overview"));
        });
    }

    /** The reported values as a table to download. */
    static vn.nq57.tabular.Table values(String code, List<Measurement> values) {
        List<List<Object>> rows = new ArrayList<>();
        for (Measurement m : values) {
            rows.add(java.util.Arrays.asList(m.indicatorCode(), m.period(), m.agency(), m.value(), m.status(),
                    m.submittedBy(), m.submittedAt(), m.decidedBy(), m.decidedAt(), m.note()));
        }
        return new vn.nq57.tabular.Table("Giá trị " + code, List.of("Mã chỉ tiêu", "Kỳ", "Cơ quan", "Giá trị",
                "Trạng thái", "Người gửi", "Thời điểm gửi", "Người phê duyệt", "Thời điểm phê duyệt", "Ghi chú"), rows);
    }

    /**
     * The actual series with the target path: linear from the baseline to each target in turn (the evaluation's
     * expected trajectory), on yearly periods; other frequencies show the actual values only.
     */
    static List<ChartPoint> chart(Indicator indicator, IndicatorEvaluation e) {
        List<ChartPoint> out = new ArrayList<>();
        List<SeriesPoint> series = e.series() == null ? List.of() : e.series();
        boolean yearly = "ANNUAL".equals(indicator.frequency()) && indicator.baseline() != null
                && indicator.baseline().period().matches("\\d{4}");
        if (!yearly) {
            series.forEach(p -> out.add(new ChartPoint(p.period(), p.value(), null)));
            return out;
        }
        int from = Math.min(Integer.parseInt(indicator.baseline().period()),
                series.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(series.get(0).period().substring(0, 4)));
        List<Target> targets = indicator.targets() == null ? List.of() : indicator.targets().stream()
                .filter(t -> t.period().matches("\\d{4}")).sorted((a, b) -> a.period().compareTo(b.period())).toList();
        int to = targets.isEmpty() ? Integer.parseInt(series.isEmpty() ? indicator.baseline().period()
                : series.get(series.size() - 1).period()) : Integer.parseInt(targets.get(targets.size() - 1).period());
        for (int year = from; year <= to; year++) {
            String period = String.valueOf(year);
            BigDecimal actual = series.stream().filter(p -> p.period().equals(period)).map(SeriesPoint::value)
                    .findFirst().orElse(null);
            out.add(new ChartPoint(period, actual, expected(indicator, targets, year)));
        }
        return out;
    }

    static BigDecimal expected(Indicator indicator, List<Target> targets, int year) {
        int y0 = Integer.parseInt(indicator.baseline().period());
        BigDecimal v0 = indicator.baseline().value();
        if (year < y0) {
            return null;
        }
        for (Target t : targets) {
            int y1 = Integer.parseInt(t.period());
            if (year <= y1) {
                if (y1 == y0) {
                    return t.value();
                }
                BigDecimal share = BigDecimal.valueOf(year - y0).divide(BigDecimal.valueOf(y1 - y0), 6,
                        RoundingMode.HALF_UP);
                return v0.add(t.value().subtract(v0).multiply(share)).setScale(4, RoundingMode.HALF_UP)
                        .stripTrailingZeros();
            }
            y0 = y1;
            v0 = t.value();
        }
        return null;
    }
}
