package vn.nq57.kpi.measurement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.kpi.measurement.MeasurementViews.BatchRequest;
import vn.nq57.kpi.measurement.MeasurementViews.BatchRow;
import vn.nq57.kpi.measurement.MeasurementViews.DecisionRequest;
import vn.nq57.kpi.measurement.MeasurementViews.DecisionSummary;
import vn.nq57.kpi.measurement.MeasurementViews.DecisionsRequest;
import vn.nq57.kpi.measurement.MeasurementViews.HistoryView;
import vn.nq57.kpi.measurement.MeasurementViews.ImportSummary;
import vn.nq57.kpi.measurement.MeasurementViews.MeasurementRequest;
import vn.nq57.kpi.measurement.MeasurementViews.MeasurementView;
import vn.nq57.kpi.measurement.MeasurementViews.Row;
import vn.nq57.kpi.measurement.MeasurementViews.RowStatus;
import vn.nq57.platform.upload.ImportMode;
import vn.nq57.tabular.Format;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.http.IfMatchOptional;
import vn.nq57.platform.http.Params;
import vn.nq57.platform.idempotency.Idempotent;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.Roles;

@Path("/api/v1/measurements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Measurements", description = "Values agencies report for indicators: single, JSON batch, CSV; approval")
@RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER, Roles.VIEWER, Roles.FEDERATION})
public class MeasurementResource {

    public static final String CSV = "text/csv";
    public static final String XLSX = Format.XLSX_MEDIA_TYPE;

    static final String ID = "The value's id (UUID)";
    static final String ID_EXAMPLE = "4e2a9c7b-1d3f-4a6e-8b5c-0f9d2e7a1b36";
    /** The JSON and the CSV batch are one operation of the contract (one POST per path): both describe it whole. */
    static final String BATCH_SUMMARY = "Record up to 10,000 values (JSON, or a CSV upload)";
    static final String BATCH_DESCRIPTION = "Answers an import summary with one entry per row (IMPORTED, UPDATED, "
            + "UNCHANGED, REJECTED with reasons) and totals. mode=atomic (default): any rejected row refuses the whole "
            + "batch (422, or 403 when a row's agency is outside your scope) with the summary under 'importSummary'; "
            + "mode=partial writes the valid rows and answers 200 with status WARNING.\n\nThe body is either JSON "
            + "(`application/json`, a BatchRequest) or CSV (`text/csv` or `application/csv`): UTF-8 with or without "
            + "BOM, a header row: indicator, period, agency, value, note, evidenceLink, status (Vietnamese names "
            + "accepted: mã chỉ tiêu, kỳ, cơ quan / đơn vị, giá trị, ghi chú, minh chứng, trạng thái); or an Excel "
            + "workbook (`" + XLSX + "`) whose first sheet has the same heading row.";
    static final String MODE = "atomic (default): any rejected row refuses the whole request (422); partial: the valid "
            + "rows are written and the answer is 200 with status WARNING (case-insensitive)";

    @Inject
    MeasurementService service;

    @Inject
    MeasurementImport importer;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Measurements, paginated, newest period first", description = "Filters: indicator (code or "
            + "id), agency (code), under (an agency and every agency below it), period, status, origin (the owning "
            + "instance, e.g. central or bkhcn). A bad status or period is 400 naming the parameter; an unknown "
            + "indicator is 404.")
    public Page<MeasurementView> list(
            @Parameter(description = "Only values of this indicator (its code or id)", example = "R57-RD-GDP")
            @QueryParam("indicator") String indicator,
            @Parameter(description = "Only values reported by this agency (its code; agencies below it are not "
                    + "included)", example = "BKHCN")
            @QueryParam("agency") String agency,
            @Parameter(description = "Only values reported by this agency or an agency below it (its code): an "
                    + "approver's inbox", example = "BKHCN")
            @QueryParam("under") String under,
            @Parameter(description = "Only values of this period (YYYY, YYYYQn or YYYY-MM)", example = "2025",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{4}([Qq][1-4]|-(0[1-9]|1[0-2]))?$"))
            @QueryParam("period") String period,
            @Parameter(description = "Only values in this status (case-insensitive)", example = "SUBMITTED",
                    schema = @Schema(implementation = MeasurementStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "Only values owned by this instance (central or a ministry instance's id)",
                    example = "bkhcn")
            @QueryParam("origin") String origin,
            @BeanParam @Valid PageRequest page) {
        return service.list(new MeasurementService.Filter(indicator, agency, under, period,
                Params.enumValue(MeasurementStatus.class, "status", status), origin), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One measurement, with its ETag", description = "The ETag is the version to send as "
            + "If-Match when recording a new value for it or taking an approval step.")
    @APIResponse(responseCode = "200", description = "The value",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MeasurementView.class)))
    public Response get(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id) {
        Measurement m = service.get(id);
        return ETags.ok(service.view(m), m.version);
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every change of the value: who, when, old and new value and status, why")
    public List<HistoryView> history(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id) {
        return service.history(id);
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = "Record one value", description = "One current value per (indicator, period, agency): a new "
            + "one is 201, a changed or identical one 200 (the old value stays in the history). If-Match (optional) "
            + "guards against overwriting a value changed since it was read. Wrong or future period 400; unknown "
            + "indicator or agency 422; agency outside your scope 403; approved (locked) value 409.")
    @APIResponse(responseCode = "201", description = "A new value: Location is its URL, ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MeasurementView.class)))
    @APIResponse(responseCode = "200", description = "The current value of (indicator, period, agency) changed, or "
            + "was already the one sent; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MeasurementView.class)))
    @IfMatchOptional
    public Response record(@HeaderParam("If-Match") String ifMatch, @NotNull @Valid MeasurementRequest request) {
        MeasurementService.Recorded r = service.record(request, ifMatch);
        return r.outcome() == RowStatus.IMPORTED ? ETags.created(uri, r.view().id(), r.view(), r.view().version())
                : ETags.ok(r.view(), r.view().version());
    }

    @POST
    @Path("/batch")
    @Idempotent
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = BATCH_SUMMARY, description = BATCH_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The import summary: one entry per row and the totals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportSummary.class)))
    public Response batch(
            @Parameter(description = MODE, example = "ATOMIC",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"ATOMIC", "PARTIAL"},
                            defaultValue = "ATOMIC"))
            @QueryParam("mode") String mode,
            @NotNull @Valid BatchRequest request) {
        List<BatchRow> rows = request.measurements();
        List<Row> numbered = IntStream.range(0, rows.size()).mapToObj(i -> {
            BatchRow r = rows.get(i);
            return new Row(i + 1, r.indicator(), r.period(), r.agency(), r.value(), r.note(), r.evidenceLink(),
                    r.status());
        }).toList();
        ImportSummary summary = importer.importRows(numbered, ImportMode.of(mode), "json");
        return Response.ok(summary).build();
    }

    @POST
    @Path("/batch")
    @Idempotent
    @Consumes({CSV, "application/csv", XLSX})
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = BATCH_SUMMARY, description = BATCH_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The import summary: one entry per row and the totals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportSummary.class)))
    public Response csv(
            @Parameter(description = MODE, example = "ATOMIC",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"ATOMIC", "PARTIAL"},
                            defaultValue = "ATOMIC"))
            @QueryParam("mode") String mode,
            @RequestBody(description = "The CSV file (UTF-8, a header row, then one value per row) or an Excel workbook", content = {
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                        example = "indicator,period,agency,value,note,evidenceLink,status\n"
                                + "R57-RD-GDP,2025,BKHCN,0.5,Số liệu sơ bộ,,SUBMITTED\n"),
                @Content(mediaType = "application/csv", schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
            byte[] body) {
        byte[] content = body == null ? new byte[0] : body;
        Format format = Format.ofUpload(null, content);
        List<Row> rows = CsvMeasurements.parse(content, format, MeasurementImport.MAX_ROWS);
        ImportSummary summary = importer.importRows(rows, ImportMode.of(mode), format.extension);
        return Response.ok(summary).build();
    }

    @POST
    @Path("/decisions")
    @Idempotent
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = "Take one step (SUBMIT, APPROVE, RETURN, REOPEN) for up to 1,000 values", description = "Each "
            + "value is checked as by its single endpoint (scope, status, reason, version as If-Match) and gets the "
            + "same history, audit and event. Answers a summary with one entry per value (its new status and version, "
            + "or REJECTED with the HTTP status and reason its single endpoint would give). mode=atomic (default): any "
            + "rejected value refuses the list (422, or 403 when a value is outside your scope) with the summary under "
            + "'decisionSummary'; mode=partial applies the others.")
    @APIResponse(responseCode = "200", description = "The decision summary: one entry per value and the totals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DecisionSummary.class)))
    public Response decisions(
            @Parameter(description = "atomic (default): any rejected value refuses the whole list (422); partial: the "
                    + "other values are decided and the answer is 200 with status WARNING (case-insensitive)",
                    example = "ATOMIC", schema = @Schema(type = SchemaType.STRING,
                            enumeration = {"ATOMIC", "PARTIAL"}, defaultValue = "ATOMIC"))
            @QueryParam("mode") String mode,
            @NotNull @Valid DecisionsRequest request) {
        return Response.ok(service.decideAll(request.action(), request.reason(), request.measurements(), ImportMode.of(mode)))
                .build();
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = "Submit a DRAFT or RETURNED value (If-Match optional)", description = "DRAFT or RETURNED → "
            + "SUBMITTED; the value then counts in the evaluation. 409 when the value is in another status "
            + "(`currentStatus`, `allowed`), or is a read-only replica of another instance's value.")
    @APIResponse(responseCode = "200", description = "The value, now SUBMITTED, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MeasurementView.class)))
    @IfMatchOptional
    public Response submit(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id,
                           @HeaderParam("If-Match") String ifMatch,
                           @Valid DecisionRequest request) {
        MeasurementView view = service.submit(id, ifMatch, reason(request));
        return ETags.ok(view, view.version());
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Approve a SUBMITTED value (locks it)", description = "Bottom-up: an approver (ministry "
            + "admin) approves values of its own agency and of the agencies below it. SUBMITTED → APPROVED; the "
            + "value is then locked until reopened. 409 when the value is not SUBMITTED (`currentStatus`, `allowed`) "
            + "or is a read-only replica.")
    @APIResponse(responseCode = "200", description = "The value, now APPROVED, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MeasurementView.class)))
    @IfMatchOptional
    public Response approve(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id,
                            @HeaderParam("If-Match") String ifMatch,
                            @Valid DecisionRequest request) {
        MeasurementView view = service.approve(id, ifMatch, reason(request));
        return ETags.ok(view, view.version());
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Return a SUBMITTED value to its submitter, with a reason", description = "SUBMITTED → "
            + "RETURNED; the reason is required (400 without it) and shown to the submitter. 409 when the value is "
            + "not SUBMITTED (`currentStatus`, `allowed`) or is a read-only replica.")
    @APIResponse(responseCode = "200", description = "The value, now RETURNED, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MeasurementView.class)))
    @IfMatchOptional
    public Response returnValue(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id,
                                @HeaderParam("If-Match") String ifMatch,
                                @Valid DecisionRequest request) {
        MeasurementView view = service.returnValue(id, ifMatch, reason(request));
        return ETags.ok(view, view.version());
    }

    @POST
    @Path("/{id}/reopen")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Reopen an APPROVED value, with a reason (audited)", description = "The value goes back to "
            + "SUBMITTED and can be corrected by a new submission, then approved again. The reason is required (400 "
            + "without it). 409 when the value is not APPROVED (`currentStatus`, `allowed`) or is a read-only replica.")
    @APIResponse(responseCode = "200", description = "The value, SUBMITTED again, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MeasurementView.class)))
    @IfMatchOptional
    public Response reopen(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id,
                           @HeaderParam("If-Match") String ifMatch,
                           @Valid DecisionRequest request) {
        MeasurementView view = service.reopen(id, ifMatch, reason(request));
        return ETags.ok(view, view.version());
    }

    private static String reason(DecisionRequest request) {
        return request == null ? null : request.reason();
    }

}
