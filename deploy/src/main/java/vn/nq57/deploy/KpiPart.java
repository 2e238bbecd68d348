package vn.nq57.deploy;

import static vn.nq57.deploy.SampleLoader.CENTRAL_ADMIN;
import static vn.nq57.deploy.SampleLoader.adminOf;
import static vn.nq57.deploy.SampleLoader.submitterOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import vn.nq57.client.kpi.ApiClient;
import vn.nq57.client.kpi.model.Aggregation;
import vn.nq57.client.kpi.model.Baseline;
import vn.nq57.client.kpi.model.BatchRequest;
import vn.nq57.client.kpi.model.BatchRow;
import vn.nq57.client.kpi.model.DecisionRequest;
import vn.nq57.client.kpi.model.Direction;
import vn.nq57.client.kpi.model.Frequency;
import vn.nq57.client.kpi.model.ImportCount;
import vn.nq57.client.kpi.model.ImportSummary;
import vn.nq57.client.kpi.model.IndicatorRequest;
import vn.nq57.client.kpi.model.IndicatorView;
import vn.nq57.client.kpi.model.MeasurementStatus;
import vn.nq57.client.kpi.model.MeasurementView;
import vn.nq57.client.kpi.model.RowResult;
import vn.nq57.client.kpi.model.RowStatus;
import vn.nq57.client.kpi.model.TargetRequest;
import vn.nq57.client.kpi.model.Tier;
import vn.nq57.client.kpi.model.Unit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The KPIs (kpi-service): baselines and 2022–2025 values of the seeded national indicators, then an operational
 * indicator per funded initiative (Idempotency-Key) with its quarterly values; values in batches (mode=partial), the
 * final ones approved (If-Match: the value's ETag).
 */
final class KpiPart extends Part {

    /** The kpi client's own JSON settings: for the batch body, and for rejected rows' reasons in the report. */
    static final ObjectMapper JSON = ApiClient.createDefaultObjectMapper();


    KpiPart(Clients clients, Calls calls, Report report, Map<String, UUID> initiativeIds, LocalDate today) {
        super(clients, calls, report, initiativeIds, today);
    }

    void national() throws Exception {
        int baselines = 0, values = 0, approved = 0;
        for (SampleData.NationalSeries s : SampleData.nationalSeries()) {
            Reply<IndicatorView> got = calls.kpi(() -> clients.as(CENTRAL_ADMIN).indicators()
                    .getIndicatorWithHttpInfo(s.indicator()));
            if (got.status() != 200) {
                report.skip("indicator " + s.indicator() + " not found in kpi-service", got);
                continue;
            }
            if (got.body().getBaseline() == null && setBaseline(s, got)) baselines++;
            List<BatchRow> rows = new ArrayList<>();
            for (int k = 0; k < s.periods().length; k++) {
                rows.add(new BatchRow().indicator(s.indicator()).period(s.periods()[k])
                        .agency(SampleData.STATISTICS_OFFICE).value(String.valueOf(s.values()[k]))
                        .note(k == s.periods().length - 1 ? "Sơ bộ" : "Chính thức"));
            }
            ImportSummary summary = batch(rows, CENTRAL_ADMIN, "values of " + s.indicator());
            if (summary == null) continue;
            values += written(summary);
            // approve the final figures (all but the latest, preliminary year)
            String preliminary = s.periods()[s.periods().length - 1];
            for (RowResult row : rows(summary)) {
                if (preliminary.equals(row.getPeriod())) continue;
                if (approve(row, CENTRAL_ADMIN)) approved++;
            }
        }
        report.count("national KPIs", baselines + " baselines set, " + values + " values written (2022–2025, "
                + SampleData.STATISTICS_OFFICE + "), " + approved + " approved");
    }

    private boolean setBaseline(SampleData.NationalSeries s, Reply<IndicatorView> got) throws Exception {
        IndicatorView view = got.body();
        IndicatorRequest put = indicatorRequest(view)
                .baseline(new Baseline().value(BigDecimal.valueOf(s.baseline())).period(s.baselinePeriod()))
                .dataSource("Tổng cục Thống kê / Cục Thống kê (Bộ Tài chính) — số liệu minh họa");
        String ifMatch = got.ifMatch(view.getVersion());
        Reply<IndicatorView> r = calls.kpi(() -> clients.as(CENTRAL_ADMIN).indicators()
                .updateIndicatorWithHttpInfo(view.getId(), ifMatch, put));
        if (r.ok()) return true;
        report.skip("set the baseline of " + s.indicator(), r);
        return false;
    }

    void operational() throws Exception {
        int created = 0, existing = 0, values = 0, approved = 0;
        List<String> quarters = SampleData.endedQuarters(today);
        for (SampleData.Initiative i : SampleData.initiatives()) {
            UUID id = initiativeIds.get(i.code());
            if (id == null || !i.funded()) continue;
            String code = i.code() + "-TIEN-DO";
            Reply<IndicatorView> got = calls.kpi(() -> clients.as(CENTRAL_ADMIN).indicators().getIndicatorWithHttpInfo(code));
            if (got.status() == 200) {
                existing++;
            } else if (createOperational(i, id, code)) {
                created++;
            } else {
                continue;
            }
            List<BatchRow> rows = new ArrayList<>();
            for (int k = 0; k < quarters.size(); k++) {
                rows.add(new BatchRow().indicator(code).period(quarters.get(k)).agency(i.leadAgency())
                        .value(String.valueOf(SampleData.operationalValue(i, k))));
            }
            ImportSummary summary = batch(rows, submitterOf(i.leadAgency()), "values of " + code);
            if (summary == null) continue;
            values += written(summary);
            int last = quarters.size() - 1;
            for (RowResult row : rows(summary)) {
                if (quarters.get(last).equals(row.getPeriod())) continue; // the newest stays SUBMITTED
                if (approve(row, adminOf(i.leadAgency()))) approved++;
            }
        }
        report.count("operational KPIs", created + " created, " + existing + " already there; " + values
                + " quarterly values written (" + String.join(",", quarters.isEmpty() ? List.of("none") : List.of(
                quarters.get(0), "…", quarters.get(quarters.size() - 1))) + "), " + approved + " approved");
    }

    private boolean createOperational(SampleData.Initiative i, UUID id, String code) throws Exception {
        IndicatorRequest body = new IndicatorRequest().code(code)
                .nameVi("Mức độ hoàn thành kế hoạch: " + i.titleVi())
                .nameEn("Plan completion: " + i.titleEn())
                .unit(Unit.PERCENT).direction(Direction.HIGHER_IS_BETTER).aggregation(Aggregation.AVERAGE)
                .frequency(Frequency.QUARTERLY).tier(Tier.OPERATIONAL).system(i.system())
                .initiativeId(id).ownerAgency(i.leadAgency())
                .dataSource("Báo cáo quý của cơ quan chủ trì").graceDays(30)
                .baseline(new Baseline().value(BigDecimal.valueOf(10)).period("2024Q4"))
                .targets(new ArrayList<>(List.of(new TargetRequest().period("2026").value(BigDecimal.valueOf(50)),
                        new TargetRequest().period("2030").value(BigDecimal.valueOf(100)))));
        String user = adminOf(i.leadAgency());
        Reply<IndicatorView> r = calls.retryUnknownInitiative(() -> calls.kpi(() -> clients.as(user).indicators()
                .createIndicatorWithHttpInfo(body, "sample-indicator-" + code)));
        if (r.ok()) return true;
        report.skip("create indicator " + code + " as " + user, r);
        return false;
    }

    /**
     * The body of a PUT from an indicator's view: every field the request has, none the server owns (id, version,
     * origin, timestamps). Converted rather than copied field by field, so that a field the contract adds to both is
     * kept (a PUT replaces the indicator).
     */
    static IndicatorRequest indicatorRequest(IndicatorView view) {
        return JSON.convertValue(view, IndicatorRequest.class);
    }

    private ImportSummary batch(List<BatchRow> rows, String user, String what) throws Exception {
        String body = JSON.writeValueAsString(new BatchRequest().measurements(rows));
        Reply<ImportSummary> r = calls.kpi(() -> clients.as(user).batches()
                .batchMeasurementWithHttpInfo(body, "partial", null));
        if (!r.ok()) {
            report.skip("batch of " + what + " as " + user, r);
            return null;
        }
        ImportSummary summary = Objects.requireNonNullElseGet(r.body(), ImportSummary::new);
        if (count(summary, ImportCount::getRejected) > 0) {
            for (RowResult row : rows(summary)) {
                if (row.getStatus() == RowStatus.REJECTED) {
                    report.skipped("row " + row.getPeriod() + " of " + what + ": " + JSON.writeValueAsString(row.getReasons()));
                }
            }
        }
        return summary;
    }

    private boolean approve(RowResult row, String user) throws Exception {
        UUID id = row.getMeasurementId();
        if (id == null) return false;
        Reply<MeasurementView> cur = calls.kpi(() -> clients.as(user).measurements().getMeasurementWithHttpInfo(id));
        if (cur.status() != 200 || cur.body() == null || cur.body().getStatus() != MeasurementStatus.SUBMITTED) return false;
        Reply<MeasurementView> r = calls.kpi(() -> clients.as(user).measurements()
                .approveMeasurementWithHttpInfo(id, new DecisionRequest(), cur.etag()));
        if (r.ok()) return true;
        report.skip("approve measurement " + row.getIndicator() + " " + row.getPeriod() + " as " + user, r);
        return false;
    }

    private static int written(ImportSummary summary) {
        return count(summary, ImportCount::getImported) + count(summary, ImportCount::getUpdated);
    }

    private static int count(ImportSummary summary, java.util.function.Function<ImportCount, Integer> which) {
        Integer n = summary.getImportCount() == null ? null : which.apply(summary.getImportCount());
        return n == null ? 0 : n;
    }

    private static List<RowResult> rows(ImportSummary summary) {
        return Objects.requireNonNullElse(summary.getRows(), List.of());
    }
}
