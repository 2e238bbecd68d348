package vn.nq57.kpi.indicator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.kpi.indicator.IndicatorViews.IndicatorRequest;
import vn.nq57.kpi.indicator.IndicatorViews.IndicatorSummary;
import vn.nq57.kpi.indicator.IndicatorViews.IndicatorView;
import vn.nq57.platform.period.Frequency;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.http.Params;
import vn.nq57.platform.idempotency.Idempotent;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.Roles;

@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "Indicators (KPI, chỉ tiêu), their baseline and targets")
@RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER, Roles.VIEWER, Roles.FEDERATION})
public class IndicatorResource {

    static final String ID_OR_CODE = "The indicator's id (UUID) or code";
    static final String ID = "The indicator's id (UUID; its code is not accepted here)";
    static final String ID_EXAMPLE = "7d0c5b1e-2f4a-4b8e-9c3d-1a6e8f2b4c90";

    @Inject
    IndicatorService service;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Indicators, paginated", description = "Filters: system (H1..H6), tier (STRATEGIC, "
            + "OPERATIONAL), initiative (id), ownerAgency (code), frequency, q (text, accent-insensitive: "
            + "'doi moi sang tao' finds 'đổi mới sáng tạo'), origin (the owning instance, e.g. central or bkhcn). "
            + "A bad enum or UUID value is 400 naming the parameter.")
    public Page<IndicatorSummary> list(
            @Parameter(description = "Only indicators of this System (H1..H6, case-insensitive)", example = "H5",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"H1", "H2", "H3", "H4", "H5", "H6"}))
            @QueryParam("system") String system,
            @Parameter(description = "Only indicators of this tier (case-insensitive)", example = "STRATEGIC",
                    schema = @Schema(implementation = Tier.class))
            @QueryParam("tier") String tier,
            @Parameter(description = "Only the OPERATIONAL indicators of this initiative (its id)",
                    example = "0b6f3c2e-6a4d-4f1e-9c1a-2d5e8f7a9b10",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("initiative") String initiative,
            @Parameter(description = "Only indicators owned by this agency (its code)", example = "BKHCN")
            @QueryParam("ownerAgency") String ownerAgency,
            @Parameter(description = "Only indicators reported at this frequency (case-insensitive)",
                    example = "ANNUAL", schema = @Schema(implementation = Frequency.class))
            @QueryParam("frequency") String frequency,
            @Parameter(description = "Text in the code or names, ignoring accents and case",
                    example = "doi moi sang tao")
            @QueryParam("q") String q,
            @Parameter(description = "Only indicators owned by this instance (central or a ministry instance's id)",
                    example = "bkhcn")
            @QueryParam("origin") String origin,
            @BeanParam @Valid PageRequest page) {
        return service.list(new IndicatorService.Filter(system, Params.enumValue(Tier.class, "tier", tier),
                Params.uuid("initiative", initiative), ownerAgency,
                Params.enumValue(Frequency.class, "frequency", frequency), q, origin), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One indicator (by id or code) in full, with its ETag", description = "The ETag is the "
            + "version to send as If-Match when updating or deleting it.")
    @APIResponse(responseCode = "200", description = "The indicator, with its baseline and targets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IndicatorView.class)))
    public Response get(@Parameter(description = ID_OR_CODE, example = "R57-RD-GDP") @PathParam("id") String idOrCode) {
        Indicator i = service.byIdOrCode(idOrCode);
        return ETags.ok(IndicatorView.of(i), i.version);
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Create an indicator", description = "STRATEGIC (national, per System): central admin. "
            + "OPERATIONAL (per initiative): also a ministry admin of the initiative's lead agency. The code is stored "
            + "upper-case; a code that exists already is 409; an unknown agency code (owner, reporting) or an "
            + "unknown or cancelled initiative is 422 naming the field; a STRATEGIC indicator without a System, or an "
            + "OPERATIONAL one without an initiative, is 400.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL, ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IndicatorView.class)))
    public Response create(@NotNull @Valid IndicatorRequest request) {
        IndicatorView view = service.create(request);
        return ETags.created(uri, view.id(), view, view.version());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Replace an indicator's fields (If-Match required)", description = "Targets are replaced. "
            + "The code cannot change (400); the frequency cannot change once values exist (409). 409 also when the "
            + "indicator is a read-only replica of another instance's (type read-only-replica). Otherwise the rules "
            + "of create apply.")
    @APIResponse(responseCode = "200", description = "The indicator as updated, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IndicatorView.class)))
    public Response update(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id,
                           @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid IndicatorRequest request) {
        IndicatorView view = service.update(id, ifMatch, request);
        return ETags.ok(view, view.version());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Delete an indicator without measurements (If-Match required)", description = "409 when "
            + "the indicator has measurements, or is a read-only replica of another instance's indicator.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id,
                           @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }
}
