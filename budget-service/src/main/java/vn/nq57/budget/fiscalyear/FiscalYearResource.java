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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    static final String YEAR = "The fiscal year (a calendar year, 2000 to 2100)";

    @GET
    @Operation(summary = "Fiscal years, oldest first, with the share of the S&T line and the 3% rule")
    public Page<FiscalYearView> list(@BeanParam @Valid PageRequest page) {
        return service.list(page);
    }

    @GET
    @Path("/{year}")
    @Operation(summary = "One fiscal year, with its ETag")
    @APIResponse(responseCode = "200", description = "The fiscal year, its S&T share and the 3% rule; its ETag is the "
            + "version to send as If-Match",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FiscalYearView.class)))
    public Response get(@Parameter(description = YEAR, example = "2026",
                                   schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
                        @PathParam("year") String year) {
        FiscalYear f = service.get(year(year));
        return ETags.ok(FiscalYearView.of(f), f.version);
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.CENTRAL_ADMIN)
    @Operation(summary = "Create a fiscal year (central-admin)", description = "A year exists once: creating it again "
            + "is 409 (update it with PUT and If-Match). The S&T line cannot exceed the total (400).")
    @APIResponse(responseCode = "201", description = "Created: the fiscal year, at `Location`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FiscalYearView.class)))
    public Response create(@NotNull @Valid FiscalYearRequest request) {
        FiscalYearView view = service.create(request);
        return ETags.created(uri, view.year(), view, view.version());
    }

    @PUT
    @Path("/{year}")
    @RolesAllowed(Roles.CENTRAL_ADMIN)
    @Operation(summary = "Replace a fiscal year's figures (central-admin, If-Match required)")
    @APIResponse(responseCode = "200", description = "Updated: the fiscal year with its new figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FiscalYearView.class)))
    public Response update(@Parameter(description = YEAR, example = "2026",
                                      schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
                           @PathParam("year") String year, @HeaderParam("If-Match") String ifMatch,
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
