package vn.nq57.budget.disbursement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.budget.disbursement.DisbursementViews.DisbursementBatch;
import vn.nq57.platform.federation.OriginFilter;
import vn.nq57.budget.disbursement.DisbursementViews.DisbursementView;
import vn.nq57.platform.upload.ImportMode;
import vn.nq57.tabular.Format;
import vn.nq57.budget.disbursement.DisbursementViews.ImportSummary;
import vn.nq57.budget.disbursement.DisbursementViews.ReversalRequest;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.http.Params;
import vn.nq57.platform.idempotency.Idempotent;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.Roles;

@Path("/api/v1/disbursements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Disbursements", description = "Money paid out of approved allocations; reversals; bulk uploads")
@RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER, Roles.VIEWER, Roles.FEDERATION})
public class DisbursementResource {

    @Inject
    DisbursementService service;

    @Inject
    BulkDisbursementService bulk;

    @Inject
    OriginFilter origins;

    @Context
    UriInfo uri;

    static final String ID = "The disbursement's id (UUID)";
    static final String MODE = "`atomic` (default): a rejected row refuses the whole batch (422 with the summary under "
            + "`importSummary`); `partial`: the valid rows are recorded and the rejected ones reported (200)";
    static final String SUMMARY = "The import summary: per row IMPORTED, UNCHANGED or REJECTED with reasons, the counts "
            + "and whether anything was committed";

    @GET
    @Operation(summary = "Disbursements, by date", description = "Filters: allocationId, fiscalYear, leadAgency, kind "
            + "(PAYMENT or REVERSAL), from/to (YYYY-MM-DD), origin (the owning instance).")
    public Page<DisbursementView> list(
            @Parameter(description = "Only disbursements of this allocation (its id)",
                    example = "6b2d8e4f-1a3c-4f5e-8d7b-9c0a1b2c3d4e",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("allocationId") String allocationId,
            @Parameter(description = "Only disbursements of allocations of this fiscal year", example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
            @QueryParam("fiscalYear") String fiscalYear,
            @Parameter(description = "Only disbursements of allocations of this lead agency (its code)",
                    example = "BKHCN")
            @QueryParam("leadAgency") String leadAgency,
            @Parameter(description = "Only payments or only reversals", example = "PAYMENT",
                    schema = @Schema(implementation = Disbursement.Kind.class))
            @QueryParam("kind") String kind,
            @Parameter(description = "Only disbursements dated on or after this day (YYYY-MM-DD)",
                    example = "2026-01-01", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") String from,
            @Parameter(description = "Only disbursements dated on or before this day (YYYY-MM-DD)",
                    example = "2026-06-30", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to,
            @Parameter(description = "Only disbursements owned by this instance: at central, `central` for its own, a "
                    + "ministry's instance id (e.g. `bkhcn`) for those it reported", example = "bkhcn")
            @QueryParam("origin") String origin,
            @BeanParam @Valid PageRequest page) {
        return service.list(new DisbursementService.Filter(Params.uuid("allocationId", allocationId),
                Params.integer("fiscalYear", fiscalYear), leadAgency,
                Params.enumValue(Disbursement.Kind.class, "kind", kind), Params.date("from", from),
                Params.date("to", to), origins.parse(origin)), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One disbursement, with its allocation's current figures")
    @APIResponse(responseCode = "200", description = "The disbursement (a payment or a reversal), with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DisbursementView.class)))
    public Response get(@Parameter(description = ID, example = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a",
                                   schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                        @PathParam("id") String id) {
        Disbursement d = service.get(uuid(id));
        return ETags.ok(DisbursementView.of(d), d.version);
    }

    @POST
    @Path("/{id}/reversal")
    @Idempotent
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = "Reverse a payment in full, with a reason", description = "Records a negative entry; the "
            + "payment is never edited. A payment is reversed at most once (409); a reversal cannot be reversed (409); "
            + "its date lies on or after the payment's, inside the fiscal year and not in the future (400).")
    @APIResponse(responseCode = "201", description = "Reversed: the new REVERSAL entry (a negative amount), at "
            + "`Location`, with the allocation's new figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DisbursementView.class)))
    public Response reverse(@Parameter(description = "The id (UUID) of the payment to reverse",
                                       example = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a",
                                       schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                            @PathParam("id") String id, @NotNull @Valid ReversalRequest request) {
        DisbursementView view = service.reverse(uuid(id), request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/disbursements").path(view.id().toString()).build())
                .entity(view).tag(ETags.of(view.version())).build();
    }

    @POST
    @Path("/batch")
    @Idempotent
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = "Record disbursements in bulk (JSON)", description = "Up to 5,000 rows {allocation (id or "
            + "code), date, amount, paymentReference, note}. Answers an import summary: per row IMPORTED, UNCHANGED "
            + "(same reference and figures already recorded) or REJECTED with reasons, and totals. All-or-nothing by "
            + "default (422 problem with 'importSummary' when a row is rejected); mode=partial keeps the valid rows.")
    @APIResponse(responseCode = "200", description = SUMMARY,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportSummary.class)))
    public Response batch(@Parameter(description = MODE, example = "partial",
                                     schema = @Schema(type = SchemaType.STRING, enumeration = {"atomic", "partial"},
                                             defaultValue = "atomic"))
                          @QueryParam("mode") String mode, @NotNull @Valid DisbursementBatch request) {
        ImportMode m = ImportMode.of(mode);
        ImportSummary summary = bulk.run(DisbursementRows.fromJson(request.rows()), m, "json");
        return Response.ok(summary).build();
    }

    @POST
    @Path("/batch")
    @Idempotent
    @Consumes({"text/csv", "application/csv", Format.XLSX_MEDIA_TYPE})
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = "Record disbursements in bulk (CSV upload)", description = "UTF-8 (a BOM is accepted), "
            + "comma- or semicolon-separated, a header line with allocation, date, amount, paymentReference, note "
            + "(Vietnamese aliases: mã phân bổ, ngày, số tiền, số chứng từ, ghi chú). Dates YYYY-MM-DD or DD/MM/YYYY; "
            + "amounts in digits only. Or an Excel workbook whose first sheet has the same heading row. Same summary "
            + "and modes as the JSON batch.")
    @APIResponse(responseCode = "200", description = SUMMARY,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportSummary.class)))
    public Response batchCsv(@Parameter(description = MODE, example = "partial",
                                        schema = @Schema(type = SchemaType.STRING, enumeration = {"atomic", "partial"},
                                                defaultValue = "atomic"))
                             @QueryParam("mode") String mode,
                             @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
                                     description = "The rows: JSON, a CSV file or an Excel workbook", content = {
                                         @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                                         @Content(mediaType = "application/csv",
                                                 schema = @Schema(type = SchemaType.STRING)),
                                         @Content(mediaType = Format.XLSX_MEDIA_TYPE,
                                                 schema = @Schema(type = SchemaType.STRING, format = "binary"))})
                             byte[] body) {
        ImportMode m = ImportMode.of(mode);
        byte[] content = body == null ? new byte[0] : body;
        Format format = Format.ofUpload(null, content);
        ImportSummary summary = bulk.run(DisbursementRows.fromUpload(content, format), m, format.extension);
        return Response.ok(summary).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static UUID uuid(String id) {
        return Params.uuid("id", id);
    }
}
