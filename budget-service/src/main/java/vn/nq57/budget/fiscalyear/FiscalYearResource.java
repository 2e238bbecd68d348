package vn.nq57.budget.fiscalyear;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.budget.fiscalyear.FiscalYearViews.FiscalYearRequest;
import vn.nq57.budget.fiscalyear.FiscalYearViews.FiscalYearUpdate;
import vn.nq57.budget.fiscalyear.FiscalYearViews.FiscalYearView;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.http.Params;
import vn.nq57.platform.idempotency.Idempotent;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.Roles;

@Path("/api/v1/fiscal-years")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Fiscal years", description = "Total state spending and the S&T/innovation/digital-transformation line")
@RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER, Roles.VIEWER, Roles.FEDERATION})
public class FiscalYearResource {

    @Inject
    FiscalYearService service;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Fiscal years, oldest first, with the share of the S&T line and the 3% rule")
    public Page<FiscalYearView> list(@BeanParam @Valid PageRequest page) {
        return service.list(page);
    }

    @GET
    @Path("/{year}")
    @Operation(summary = "One fiscal year, with its ETag")
    public Response get(@PathParam("year") String year) {
        FiscalYear f = service.get(year(year));
        return ETags.ok(FiscalYearView.of(f), f.version);
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.CENTRAL_ADMIN)
    @Operation(summary = "Create a fiscal year (central-admin)")
    public Response create(@NotNull @Valid FiscalYearRequest request) {
        FiscalYearView view = service.create(request);
        return ETags.created(uri, view.year(), view, view.version());
    }

    @PUT
    @Path("/{year}")
    @RolesAllowed(Roles.CENTRAL_ADMIN)
    @Operation(summary = "Replace a fiscal year's figures (central-admin, If-Match required)")
    public Response update(@PathParam("year") String year, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid FiscalYearUpdate request) {
        FiscalYearView view = service.update(year(year), ifMatch, request);
        return ETags.ok(view, view.version());
    }

    static int year(String value) {
        Integer year = Params.integer("year", value);
        if (year == null) {
            throw vn.nq57.platform.error.ApiException.badRequest("year", "a fiscal year is required");
        }
        return year;
    }
}
