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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.kpi.indicator.IndicatorViews.IndicatorRequest;
import vn.nq57.kpi.indicator.IndicatorViews.IndicatorSummary;
import vn.nq57.kpi.indicator.IndicatorViews.IndicatorView;
import vn.nq57.kpi.period.Frequency;
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

    @Inject
    IndicatorService service;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Indicators, paginated", description = "Filters: system (H1..H6), tier (STRATEGIC, "
            + "OPERATIONAL), initiative (id), ownerAgency (code), frequency, q (text, accent-insensitive: "
            + "'doi moi sang tao' finds 'đổi mới sáng tạo'), origin (the owning instance, e.g. central or bkhcn).")
    public Page<IndicatorSummary> list(@QueryParam("system") String system, @QueryParam("tier") String tier,
                                       @QueryParam("initiative") String initiative,
                                       @QueryParam("ownerAgency") String ownerAgency,
                                       @QueryParam("frequency") String frequency, @QueryParam("q") String q,
                                       @QueryParam("origin") String origin,
                                       @BeanParam @Valid PageRequest page) {
        return service.list(new IndicatorService.Filter(system, Params.enumValue(Tier.class, "tier", tier),
                Params.uuid("initiative", initiative), ownerAgency,
                Params.enumValue(Frequency.class, "frequency", frequency), q, origin), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One indicator (by id or code) in full, with its ETag")
    public Response get(@PathParam("id") String idOrCode) {
        Indicator i = service.byIdOrCode(idOrCode);
        return ETags.ok(IndicatorView.of(i), i.version);
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Create an indicator", description = "STRATEGIC (national, per System): central admin. "
            + "OPERATIONAL (per initiative): also a ministry admin of the initiative's lead agency.")
    public Response create(@NotNull @Valid IndicatorRequest request) {
        IndicatorView view = service.create(request);
        return ETags.created(uri, view.id(), view, view.version());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Replace an indicator's fields (If-Match required)", description = "Targets are replaced. "
            + "The code cannot change; the frequency cannot change once values exist.")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid IndicatorRequest request) {
        IndicatorView view = service.update(id, ifMatch, request);
        return ETags.ok(view, view.version());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Delete an indicator without measurements (If-Match required)")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }
}
