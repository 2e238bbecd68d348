package vn.nq57.initiative.plan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.initiative.plan.InitiativeViews.DeliveryRequest;
import vn.nq57.initiative.plan.InitiativeViews.InitiativeRequest;
import vn.nq57.initiative.plan.InitiativeViews.InitiativeSummary;
import vn.nq57.initiative.plan.InitiativeViews.InitiativeView;
import vn.nq57.initiative.plan.InitiativeViews.OutputRequest;
import vn.nq57.initiative.plan.InitiativeViews.OutputView;
import vn.nq57.initiative.plan.InitiativeViews.SimilarInitiative;
import vn.nq57.initiative.plan.InitiativeViews.TransitionRequest;
import vn.nq57.initiative.plan.InitiativeViews.TransitionView;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.http.IfMatchOptional;
import vn.nq57.platform.http.Params;
import vn.nq57.platform.idempotency.Idempotent;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.period.Period;
import vn.nq57.platform.security.Roles;

@Path("/api/v1/initiatives")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Initiatives", description = "Breakthrough initiatives (sáng kiến đột phá), their outputs and lifecycle")
@RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER, Roles.VIEWER, Roles.FEDERATION})
public class InitiativeResource {

    /** How the path parameters are described in the OpenAPI document. */
    static final String ID_OR_CODE = "The initiative's id (UUID) or code";
    static final String ID = "The initiative's id (UUID; its code is not accepted here)";
    static final String ID_EXAMPLE = "0b6f3c2e-6a4d-4f1e-9c1a-2d5e8f7a9b10";
    static final String OUTPUT_ID = "The output's id (UUID)";
    static final String OUTPUT_ID_EXAMPLE = "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

    @Inject
    Clock clock;

    @Inject
    InitiativeService service;

    @Inject
    OutputService outputs;

    @Inject
    SimilarityService similarity;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Initiatives, paginated", description = "Filters: system (H1..H6), phase (P1..P3), leadAgency "
            + "(code), status, key, deadlineFrom/deadlineTo (YYYY-MM-DD), overdue (has an overdue output), q (text, "
            + "accent-insensitive: 'chuyen doi so' finds 'chuyển đổi số'), origin (the owning instance, e.g. central or "
            + "bkhcn). Sorted by code. A bad enum, boolean or date value is 400 naming the parameter.")
    public Page<InitiativeSummary> list(
            @Parameter(description = "Only initiatives of this System (H1..H6, case-insensitive)", example = "H4")
            @QueryParam("system") String system,
            @Parameter(description = "Only initiatives of this Phase (P1..P3, case-insensitive)", example = "P2")
            @QueryParam("phase") String phase,
            @Parameter(description = "Only initiatives led by this agency (its code; agencies below it are not "
                    + "included)", example = "BKHCN")
            @QueryParam("leadAgency") String leadAgency,
            @Parameter(description = "Only initiatives in this status (case-insensitive)", example = "IN_PROGRESS",
                    schema = @Schema(implementation = InitiativeStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "true: only key initiatives (trọng điểm); false: only the others",
                    example = "true", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("key") String key,
            @Parameter(description = "Only initiatives whose deadline is on or after this date", example = "2026-01-01",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("deadlineFrom") String deadlineFrom,
            @Parameter(description = "Only initiatives whose deadline is on or before this date",
                    example = "2030-12-31",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("deadlineTo") String deadlineTo,
            @Parameter(description = "true: only initiatives with an output past its due date and neither delivered "
                    + "nor cancelled; false: only those without one", example = "true",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("overdue") String overdue,
            @Parameter(description = "Text in the code, titles or content, ignoring accents and case",
                    example = "chuyen doi so")
            @QueryParam("q") String q,
            @Parameter(description = "Only initiatives owned by this instance (central or a ministry instance's id)",
                    example = "bkhcn")
            @QueryParam("origin") String origin,
            @BeanParam @Valid PageRequest page) {
        return service.list(new InitiativeService.Filter(system, phase, leadAgency,
                Params.enumValue(InitiativeStatus.class, "status", status), Params.bool("key", key),
                Params.date("deadlineFrom", deadlineFrom), Params.date("deadlineTo", deadlineTo), q,
                Params.bool("overdue", overdue), origin), page);
    }

    /** The JSON and the CSV import are one operation of the contract (one POST per path): both describe it whole. */
    static final String IMPORT_SUMMARY = "Import up to 2,000 initiatives with their outputs (JSON, or a CSV upload; "
            + "central admins)";
    static final String IMPORT_DESCRIPTION = "Each row is created as POST /api/v1/initiatives would (validation, scope, "
            + "audit, events). Answers one entry per row (IMPORTED, EXISTING: the code exists and nothing is written, "
            + "REJECTED with reasons) and totals. mode=ATOMIC (default): any rejected row refuses the whole import (422, "
            + "the summary under `importSummary`, nothing written); mode=PARTIAL writes the valid rows and answers 200 "
            + "with status WARNING.\n\nThe body is JSON (`application/json`, an ImportRequest) or CSV (`text/csv`): "
            + "UTF-8 with or without BOM, a header row naming the columns code, system, phase, titleVi, titleEn, "
            + "contentOrientation, deadline, leadAgency, coordinatingAgencies, key, evaluationCriteria, "
            + "linkedProgrammes, chiefArchitectName, chiefArchitectPosition, chiefArchitectAgency, outputs (in any "
            + "order; Vietnamese headings accepted, e.g. mã, hệ thống, tên nhiệm vụ, cơ quan chủ trì, thời hạn, sản "
            + "phẩm; an unknown column is a 400); lists are separated by `;`, an output is `YYYY-MM-DD: description`. "
            + "An Excel workbook (XLSX) whose first sheet has the same heading row is read the same way.";

    @jakarta.inject.Inject
    InitiativeImport importer;

    @POST
    @Path("/batch")
    @Idempotent
    @RolesAllowed(Roles.CENTRAL_ADMIN)
    @Operation(summary = IMPORT_SUMMARY, description = IMPORT_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The import summary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InitiativeImport.ImportSummary.class)))
    public Response importJson(
            @Parameter(description = "ATOMIC (default) or PARTIAL", example = "ATOMIC",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"ATOMIC", "PARTIAL"}, defaultValue = "ATOMIC"))
            @QueryParam("mode") String mode,
            @NotNull @Valid InitiativeImport.ImportRequest request) {
        return imported(importer.importAll(request.initiatives(), mode));
    }

    @POST
    @Path("/batch")
    @Idempotent
    @Consumes({"text/csv", "application/csv", vn.nq57.tabular.Format.XLSX_MEDIA_TYPE})
    @RolesAllowed(Roles.CENTRAL_ADMIN)
    @Operation(summary = IMPORT_SUMMARY, description = IMPORT_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The import summary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InitiativeImport.ImportSummary.class)))
    public Response importCsv(
            @Parameter(description = "ATOMIC (default) or PARTIAL", example = "ATOMIC",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"ATOMIC", "PARTIAL"}, defaultValue = "ATOMIC"))
            @QueryParam("mode") String mode,
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(description = "The CSV file or an "
                    + "Excel workbook whose first sheet has the same heading row", content = {
                        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                            example = "code,system,phase,titleVi,contentOrientation,deadline,leadAgency,"
                                    + "evaluationCriteria,outputs\nH6-09,H6,P2,Công nghệ gen,Giải mã hệ gen người Việt,"
                                    + "2030-12-31,BKHCN,Số hệ gen được giải mã,2027-12-31: Ngân hàng dữ liệu gen\n"),
                        @Content(mediaType = vn.nq57.tabular.Format.XLSX_MEDIA_TYPE,
                                schema = @Schema(type = SchemaType.STRING, format = "binary"))})
            byte[] body) {
        return imported(importer.importAll(InitiativeImport.parseCsv(body), mode));
    }

    private static Response imported(InitiativeImport.ImportSummary summary) {
        if (summary.status().equals("REJECTED")) {
            throw vn.nq57.platform.error.ApiException.unprocessable(summary.rejected() + " of " + summary.total()
                    + " rows are rejected: nothing was written (ATOMIC)").with("importSummary", summary);
        }
        return Response.ok(summary).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One initiative (by id or code) in full, with its ETag", description = "The ETag is the "
            + "version to send as If-Match when updating it or changing its status.")
    @APIResponse(responseCode = "200", description = "The initiative, with its outputs and milestones",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InitiativeView.class)))
    public Response get(@Parameter(description = ID_OR_CODE, example = "H4-07") @PathParam("id") String idOrCode) {
        Initiative i = byIdOrCode(idOrCode);
        return ETags.ok(InitiativeView.of(i, Period.today(clock)), i.version);
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Create an initiative (DRAFT)", description = "A ministry admin creates initiatives led by "
            + "agencies in its scope. The answer lists similar existing initiatives under 'similar' (a warning). "
            + "At least one output is required. A code that exists already is 409; an unknown agency code (lead, "
            + "coordinating, chief architect's) is 422 naming the field; a deadline outside 2025-01-01..2045-12-31 "
            + "is 400.")
    @APIResponse(responseCode = "201", description = "Created in DRAFT; Location is its URL, ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InitiativeView.class)))
    public Response create(@NotNull @Valid InitiativeRequest request) {
        InitiativeView view = service.create(request);
        return ETags.created(uri, view.id(), view, view.version());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Replace an initiative's fields (If-Match required)", description = "Outputs are managed "
            + "through /outputs; the 'outputs' member of the body is ignored here. Milestones are replaced. The code "
            + "cannot change (400). 409: the initiative is COMPLETED or CANCELLED, or it is a read-only replica of "
            + "another instance's initiative (type read-only-replica).")
    @APIResponse(responseCode = "200", description = "The initiative as updated, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InitiativeView.class)))
    public Response update(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id,
                           @HeaderParam("If-Match") String ifMatch, @NotNull @Valid InitiativeRequest request) {
        InitiativeView view = service.update(id, ifMatch, request);
        return ETags.ok(view, view.version());
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Change the status, with a reason", description = "DRAFT → APPROVED (central-admin) → "
            + "IN_PROGRESS → COMPLETED; any non-final → SUSPENDED or CANCELLED; SUSPENDED → IN_PROGRESS. An illegal "
            + "transition is 409 naming the allowed ones (`allowed`, `currentStatus`); approving is for central "
            + "admins only (403). If-Match is checked when sent. The change is recorded in the status history.")
    @APIResponse(responseCode = "200", description = "The initiative in its new status, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InitiativeView.class)))
    @IfMatchOptional
    public Response transition(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id,
                               @HeaderParam("If-Match") String ifMatch, @NotNull @Valid TransitionRequest request) {
        InitiativeView view = service.transition(id, ifMatch, request);
        return ETags.ok(view, view.version());
    }

    @GET
    @Path("/{id}/transitions")
    @Operation(summary = "The status history: who, when, from, to, why")
    public List<TransitionView> transitions(@Parameter(description = ID, example = ID_EXAMPLE)
                                            @PathParam("id") UUID id) {
        return service.history(id);
    }

    @GET
    @Path("/{id}/similar")
    @Operation(summary = "Initiatives similar in title or content (accent-insensitive trigram similarity)")
    public List<SimilarInitiative> similar(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id,
                                           @Parameter(description = "How many at most (default 10; kept within 1..50)",
                                                   example = "10", schema = @Schema(type = SchemaType.INTEGER,
                                                   format = "int32"))
                                           @QueryParam("limit") String limit) {
        Initiative i = service.get(id);
        Integer n = Params.integer("limit", limit);
        return similarity.similarTo(i.titleVi, i.contentOrientation, i.id, n == null ? 10 : Math.max(1, Math.min(n, 50)));
    }

    @GET
    @Path("/similar")
    @Operation(summary = "Initiatives similar to a proposed title and content (check before creating)",
            description = "Give a title, a content or both (neither is 400). At most 10, most similar first.")
    public List<SimilarInitiative> similarTo(
            @Parameter(description = "The proposed Vietnamese title",
                    example = "Cơ sở dữ liệu quốc gia về khoa học và công nghệ")
            @QueryParam("title") String title,
            @Parameter(description = "The proposed content orientation",
                    example = "Kết nối, chia sẻ dữ liệu giữa các bộ, ngành")
            @QueryParam("content") String content) {
        if ((title == null || title.isBlank()) && (content == null || content.isBlank())) {
            throw vn.nq57.platform.error.ApiException.badRequest("title", "give a title or a content to compare");
        }
        return similarity.similarTo(title, content, null, 10);
    }

    @POST
    @Path("/{id}/outputs")
    @Idempotent
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = "Add an output", description = "To an initiative of the caller's agency scope that is "
            + "neither COMPLETED nor CANCELLED (409 otherwise, or when it is a read-only replica). An output created "
            + "DELIVERED needs an evidence link (400).")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL, ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OutputView.class)))
    public Response addOutput(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id,
                              @NotNull @Valid OutputRequest request) {
        OutputView view = outputs.add(id, request);
        return ETags.created(uri, view.id(), view, view.version());
    }

    @PUT
    @Path("/{id}/outputs/{outputId}")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = "Update an output (If-Match with the output's version)", description = "Description, due "
            + "date, status and evidence link. Delivering goes through .../delivery (status DELIVERED here is 400); a "
            + "delivered output stays delivered (409), and so does a change on a COMPLETED or CANCELLED initiative.")
    @APIResponse(responseCode = "200", description = "The output as updated, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OutputView.class)))
    public Response updateOutput(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id,
                                 @Parameter(description = OUTPUT_ID, example = OUTPUT_ID_EXAMPLE)
                                 @PathParam("outputId") UUID outputId,
                                 @HeaderParam("If-Match") String ifMatch, @NotNull @Valid OutputRequest request) {
        OutputView view = outputs.update(id, outputId, ifMatch, request);
        return ETags.ok(view, view.version());
    }

    @POST
    @Path("/{id}/outputs/{outputId}/delivery")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = "Mark an output delivered, with the evidence link", description = "409: the output is "
            + "already delivered or cancelled, or its initiative is COMPLETED or CANCELLED. If-Match (the output's "
            + "ETag) is checked when sent.")
    @APIResponse(responseCode = "200", description = "The output, now DELIVERED, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OutputView.class)))
    @IfMatchOptional
    public Response deliver(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id,
                            @Parameter(description = OUTPUT_ID, example = OUTPUT_ID_EXAMPLE)
                            @PathParam("outputId") UUID outputId,
                            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid DeliveryRequest request) {
        OutputView view = outputs.deliver(id, outputId, ifMatch, request);
        return ETags.ok(view, view.version());
    }

    private Initiative byIdOrCode(String idOrCode) {
        try {
            return service.get(UUID.fromString(idOrCode));
        } catch (IllegalArgumentException notUuid) {
            return service.getByCode(idOrCode);
        }
    }
}
