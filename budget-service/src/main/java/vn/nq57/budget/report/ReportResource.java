package vn.nq57.budget.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.budget.disbursement.DisbursementService;
import vn.nq57.platform.export.Exports;
import vn.nq57.platform.period.Period;
import vn.nq57.tabular.Format;
import vn.nq57.tabular.Table;
import vn.nq57.platform.federation.OriginFilter;
import vn.nq57.budget.report.ReportViews.AgencyBreakdown;
import vn.nq57.budget.report.ReportViews.AgencyRow;
import vn.nq57.budget.report.ReportViews.Breakdown;
import vn.nq57.budget.report.ReportViews.FundingSourceBreakdown;
import vn.nq57.budget.report.ReportViews.InitiativeBreakdown;
import vn.nq57.budget.report.ReportViews.InitiativeRow;
import vn.nq57.budget.report.ReportViews.NonStateShare;
import vn.nq57.budget.report.ReportViews.PriorityReport;
import vn.nq57.budget.report.ReportViews.SourceRow;
import vn.nq57.budget.report.ReportViews.SystemBreakdown;
import vn.nq57.budget.report.ReportViews.SystemRow;
import vn.nq57.budget.report.ReportViews.ThreePercentRule;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.http.Params;
import vn.nq57.platform.security.Roles;

/**
 * The budget reports of a fiscal year, as JSON or CSV ({@code Accept: text/csv} or {@code ?format=csv}). Money is
 * whole VND; shares and rates are percentages. At central the figures include every ministry's allocations (reported
 * through federation); {@code ?origin=} restricts the allocation figures to one owning instance ({@code central} for
 * central's own).
 */
@Path("/api/v1/reports")
@Produces({MediaType.APPLICATION_JSON, "text/csv", Format.XLSX_MEDIA_TYPE})
@Tag(name = "Reports", description = "3% rule, non-state share, allocation and disbursement breakdowns, priority")
@RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER, Roles.VIEWER, Roles.FEDERATION})
public class ReportResource {

    private static final List<String> FIGURES = List.of("allocations", "planned", "approved", "disbursed", "remaining",
            "disbursementRate");

    @Inject
    Clock clock;

    @Inject
    ReportService reports;

    @Inject
    OriginFilter origins;

    @Context
    HttpHeaders headers;

    static final String YEAR = "The fiscal year (a calendar year, 2000 to 2100)";
    static final String FORMAT = "`json` (the default), `csv` (the same as `Accept: text/csv`: UTF-8 with a BOM, comma, "
            + "CRLF, served as an attachment) or `xlsx` (an Excel workbook, numbers as numbers)";
    static final String ORIGIN = "Only allocations owned by this instance: at central, `central` for its own, a "
            + "ministry's instance id (e.g. `bkhcn`) for those it reported; without it, all";
    static final String CSV = "With CSV or XLSX: `attachment; filename=\"<report>-<year>.csv\"` (or `.xlsx`)";
    static final String ANSWER = "The report as JSON, or as CSV (`Accept: text/csv` or `?format=csv`) or XLSX "
            + "(`?format=xlsx`)";

    @GET
    @Path("/{year}/three-percent-rule")
    @Operation(summary = "The 3% rule: the S&T/innovation/digital-transformation line as a share of state spending")
    @APIResponse(responseCode = "200", description = ANSWER,
            headers = @Header(name = "Content-Disposition", description = CSV,
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ThreePercentRule.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = Format.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response threePercentRule(
            @Parameter(description = YEAR, example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
            @PathParam("year") String year,
            @Parameter(description = FORMAT, example = "csv",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv", "xlsx"}))
            @QueryParam("format") String format,
            @Parameter(description = ORIGIN, example = "bkhcn") @QueryParam("origin") String origin) {
        ThreePercentRule r = reports.threePercentRule(year(year), origins.parse(origin));
        return answer(r, format, "three-percent-rule-" + r.fiscalYear(), () -> table(
                List.of("fiscalYear", "totalStateExpenditure", "stiBudget", "stiShare", "thresholdPercent", "passes",
                        "shortfall", "approvedStateAllocations", "approvedStateAllocationsShare"),
                List.of(List.of(r.fiscalYear(), r.totalStateExpenditure(), r.stiBudget(), text(r.stiShare()),
                        r.thresholdPercent().toPlainString(), r.passes(), r.shortfall(), r.approvedStateAllocations(),
                        text(r.approvedStateAllocationsShare())))));
    }

    @GET
    @Path("/{year}/non-state-share")
    @Operation(summary = "The non-state share (ENTERPRISE + SOCIAL) of approved funding, against the 60% target")
    @APIResponse(responseCode = "200", description = ANSWER,
            headers = @Header(name = "Content-Disposition", description = CSV,
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NonStateShare.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = Format.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response nonStateShare(
            @Parameter(description = YEAR, example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
            @PathParam("year") String year,
            @Parameter(description = FORMAT, example = "csv",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv", "xlsx"}))
            @QueryParam("format") String format,
            @Parameter(description = ORIGIN, example = "bkhcn") @QueryParam("origin") String origin) {
        NonStateShare r = reports.nonStateShare(year(year), origins.parse(origin));
        return answer(r, format, "non-state-share-" + r.fiscalYear(), () -> table(
                List.of("fiscalYear", "approvedTotal", "nonStateApproved", "stateApproved", "otherApproved",
                        "nonStateShare", "targetPercent", "meetsTarget"),
                List.of(List.of(r.fiscalYear(), r.approvedTotal(), r.nonStateApproved(), r.stateApproved(),
                        r.otherApproved(), text(r.nonStateShare()), r.targetPercent().toPlainString(),
                        r.meetsTarget()))));
    }

    @GET
    @Path("/{year}/by-funding-source")
    @Operation(summary = "Allocation and disbursement by funding source, with each source's share of approved money")
    @APIResponse(responseCode = "200", description = ANSWER,
            headers = @Header(name = "Content-Disposition", description = CSV,
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FundingSourceBreakdown.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = Format.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response byFundingSource(
            @Parameter(description = YEAR, example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
            @PathParam("year") String year,
            @Parameter(description = FORMAT, example = "csv",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv", "xlsx"}))
            @QueryParam("format") String format,
            @Parameter(description = ORIGIN, example = "bkhcn") @QueryParam("origin") String origin) {
        Breakdown<SourceRow> r = reports.byFundingSource(year(year), origins.parse(origin));
        return answer(r, format, "by-funding-source-" + r.fiscalYear(), () -> breakdownTable(r,
                List.of("fundingSource", "nonState"), row -> List.of(row.fundingSource(), row.nonState(),
                        row.allocations(), row.planned(), row.approved(), row.disbursed(), row.remaining(),
                        text(row.disbursementRate()))));
    }

    @GET
    @Path("/{year}/by-system")
    @Operation(summary = "Allocation and disbursement by System (H1..H6), with disbursement rate")
    @APIResponse(responseCode = "200", description = ANSWER,
            headers = @Header(name = "Content-Disposition", description = CSV,
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SystemBreakdown.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = Format.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response bySystem(
            @Parameter(description = YEAR, example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
            @PathParam("year") String year,
            @Parameter(description = FORMAT, example = "csv",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv", "xlsx"}))
            @QueryParam("format") String format,
            @Parameter(description = ORIGIN, example = "bkhcn") @QueryParam("origin") String origin) {
        Breakdown<SystemRow> r = reports.bySystem(year(year), origins.parse(origin));
        return answer(r, format, "by-system-" + r.fiscalYear(), () -> breakdownTable(r, List.of("system"),
                row -> List.of(row.system(), row.allocations(), row.planned(), row.approved(), row.disbursed(),
                        row.remaining(), text(row.disbursementRate()))));
    }

    @GET
    @Path("/{year}/by-agency")
    @Operation(summary = "Allocation and disbursement by lead agency, with disbursement rate")
    @APIResponse(responseCode = "200", description = ANSWER,
            headers = @Header(name = "Content-Disposition", description = CSV,
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AgencyBreakdown.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = Format.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response byAgency(
            @Parameter(description = YEAR, example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
            @PathParam("year") String year,
            @Parameter(description = FORMAT, example = "csv",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv", "xlsx"}))
            @QueryParam("format") String format,
            @Parameter(description = ORIGIN, example = "bkhcn") @QueryParam("origin") String origin) {
        Breakdown<AgencyRow> r = reports.byAgency(year(year), origins.parse(origin));
        return answer(r, format, "by-agency-" + r.fiscalYear(), () -> breakdownTable(r, List.of("agency", "agencyName"),
                row -> List.of(row.agency(), nullToEmpty(row.agencyName()), row.allocations(), row.planned(),
                        row.approved(), row.disbursed(), row.remaining(), text(row.disbursementRate()))));
    }

    @GET
    @Path("/{year}/by-initiative")
    @Operation(summary = "Allocation and disbursement by initiative, with disbursement rate")
    @APIResponse(responseCode = "200", description = ANSWER,
            headers = @Header(name = "Content-Disposition", description = CSV,
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InitiativeBreakdown.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = Format.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response byInitiative(
            @Parameter(description = YEAR, example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
            @PathParam("year") String year,
            @Parameter(description = FORMAT, example = "csv",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv", "xlsx"}))
            @QueryParam("format") String format,
            @Parameter(description = ORIGIN, example = "bkhcn") @QueryParam("origin") String origin) {
        Breakdown<InitiativeRow> r = reports.byInitiative(year(year), origins.parse(origin));
        return answer(r, format, "by-initiative-" + r.fiscalYear(), () -> breakdownTable(r,
                List.of("initiativeId", "initiativeCode", "system", "leadAgency", "key"),
                row -> List.of(row.initiativeId(), nullToEmpty(row.initiativeCode()), row.system(), row.leadAgency(),
                        row.key(), row.allocations(), row.planned(), row.approved(), row.disbursed(), row.remaining(),
                        text(row.disbursementRate()))));
    }

    @GET
    @Path("/{year}/priority")
    @Operation(summary = "Priority of key initiatives", description = "Key initiatives with no approved allocation in "
            + "the year, and non-key allocations approved while a key initiative of the same System had none. "
            + "Use 'current' for the current year.")
    @APIResponse(responseCode = "200", description = ANSWER,
            headers = @Header(name = "Content-Disposition", description = CSV,
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PriorityReport.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = Format.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response priority(
            @Parameter(description = "The fiscal year, or `current` for the current year (Asia/Ho_Chi_Minh)",
                    example = "2026", schema = @Schema(type = SchemaType.STRING, pattern = "^([0-9]{4}|current)$"))
            @PathParam("year") String year,
            @Parameter(description = FORMAT, example = "csv",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv", "xlsx"}))
            @QueryParam("format") String format) {
        int y = "current".equalsIgnoreCase(year) ? Period.today(clock).getYear() : year(year);
        PriorityReport r = reports.priority(y);
        return answer(r, format, "priority-" + r.fiscalYear(), () -> {
            List<List<?>> rows = new ArrayList<>();
            r.keyInitiativesWithoutApprovedAllocation().forEach(k -> rows.add(List.of(
                    "KEY_WITHOUT_APPROVED_ALLOCATION", k.system(), k.initiativeId(), nullToEmpty(k.initiativeCode()),
                    k.leadAgency(), "", "", k.plannedAmount(), "", "")));
            r.nonKeyApprovedWhileKeyUnfunded().forEach(w -> rows.add(List.of(
                    "NON_KEY_APPROVED_WHILE_KEY_UNFUNDED", w.system(), w.initiativeId(),
                    nullToEmpty(w.initiativeCode()), w.leadAgency(), w.allocationCode(), w.fundingSource(), w.amount(),
                    w.approvedAt(), String.join(" ", w.unfundedKeyInitiatives()))));
            return table(List.of("finding", "system", "initiativeId", "initiativeCode", "leadAgency",
                    "allocationCode", "fundingSource", "amount", "approvedAt", "unfundedKeyInitiatives"), rows);
        });
    }

    private Response answer(Object json, String format, String name, java.util.function.Supplier<Table> table) {
        Format file = file(format);
        if (file == null) {
            return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
        }
        Table t = table.get();
        return Exports.download(new Table(name, t.headings(), t.rows()), file, name);
    }

    /** The file asked for, by {@code ?format=} or else by the Accept header; null for JSON. */
    private Format file(String format) {
        if (format != null && !format.isBlank()) {
            return "json".equalsIgnoreCase(format.trim()) ? null : Format.of(format).orElseThrow(() ->
                    ApiException.badRequest("format", "'" + format + "' is not one of [json, csv, xlsx]"));
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType()) {
                return null;
            }
            if ("text".equals(accepted.getType()) && "csv".equals(accepted.getSubtype())) {
                return Format.CSV;
            }
            if (accepted.isCompatible(MediaType.valueOf(Format.XLSX_MEDIA_TYPE))) {
                return Format.XLSX;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return null;
            }
        }
        return null;
    }

    /** A report's rows as a table (its sheet is named when it is answered). */
    private static Table table(List<String> header, List<? extends List<?>> rows) {
        return new Table("report", header, rows.stream().map(r -> (List<Object>) new ArrayList<Object>(r)).toList());
    }

    private static <T> Table breakdownTable(Breakdown<T> r, List<String> keys, Function<T, List<?>> row) {
        List<String> header = new ArrayList<>(keys);
        header.addAll(FIGURES);
        List<List<?>> rows = new ArrayList<>();
        r.rows().forEach(x -> rows.add(row.apply(x)));
        List<Object> total = new ArrayList<>();
        total.add("TOTAL");
        for (int i = 1; i < keys.size(); i++) {
            total.add("");
        }
        total.addAll(List.of(r.totals().allocations(), r.totals().planned(), r.totals().approved(),
                r.totals().disbursed(), r.totals().remaining(), text(r.totals().disbursementRate())));
        rows.add(total);
        return table(header, rows);
    }

    /** A figure as a number cell (CSV: written plainly), empty when there is none. */
    private static Object text(java.math.BigDecimal d) {
        return d == null ? "" : d;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static int year(String value) {
        Integer year = Params.integer("year", value);
        if (year == null) {
            throw ApiException.badRequest("year", "a fiscal year is required");
        }
        return year;
    }
}
