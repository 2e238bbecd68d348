package vn.nq57.platform.federation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.security.Caller;
import vn.nq57.platform.security.Roles;

/** Central's list of ministry instances and their lifecycle: commissioning, hand-over, retirement (issue #20). */
@Path("/api/v1/federation/instances")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Federation", description = "Ministry instances report to central; central serves the catalogue")
public class InstancesResource {

    static final String INSTANCE = "[a-z0-9][a-z0-9-]{0,49}";

    @Inject
    Commissioning commissioning;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.CENTRAL_ADMIN)
    @Operation(summary = "The ministry instances central commissioned or retired (central)", description = "Per "
            + "instance: the agency it reports for, COMMISSIONING / FEDERATED / RETIRED since when, the rows that "
            + "changed owner, what the ministry reported it wrote, and the rows it owns here now.")
    public List<Commissioning.View> list() {
        return commissioning.list();
    }

    @GET
    @Path("/{instance}")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.FEDERATION})
    @Operation(summary = "One ministry instance (central)", description = "NOT_FEDERATED when central never "
            + "commissioned it. A ministry's federation token reads its own instance only.")
    public Commissioning.View one(@PathParam("instance") @Pattern(regexp = INSTANCE) String instance) {
        confine(instance);
        return commissioning.view(instance);
    }

    @POST
    @Path("/{instance}/commission")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CENTRAL_ADMIN)
    @Operation(summary = "Commission a ministry instance (central)", description = "Every row central owns for the "
            + "agency and the agencies below it (initiatives it leads with their outputs and obstacles, its values, "
            + "its allocations and disbursements, each with its history and audit trail) becomes the instance's in "
            + "one transaction: from then on central refuses writes for them (409 read-only-replica) and the ministry "
            + "pulls them as its own; it reports when it holds them (FEDERATED). Audited.")
    public Commissioning.View commission(@PathParam("instance") @Pattern(regexp = INSTANCE) String instance,
                                         @NotNull @Valid Commissioning.Request request) {
        return commissioning.commission(instance, request);
    }

    @POST
    @Path("/{instance}/retire")
    @RolesAllowed(Roles.CENTRAL_ADMIN)
    @Operation(summary = "Retire a ministry instance (central)", description = "Every row the instance owns here "
            + "becomes central's own again (writable here) and its events are refused from now on. Refused (409) "
            + "while the instance reported events it has not sent, unless force=true. Audited.")
    public Commissioning.View retire(@PathParam("instance") @Pattern(regexp = INSTANCE) String instance,
                                     @Parameter(description = "Retire even though the instance still has events to "
                                             + "send (they will be refused)", example = "false")
                                     @QueryParam("force") @DefaultValue("false") boolean force) {
        return commissioning.retire(instance, force);
    }

    @POST
    @Path("/{instance}/handover-report")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FEDERATION)
    @Operation(summary = "A ministry reports it holds its rows (central)", description = "Sent by the ministry's "
            + "instance with its federation token when its pull is complete: COMMISSIONING becomes FEDERATED.")
    public Commissioning.View report(@PathParam("instance") @Pattern(regexp = INSTANCE) String instance,
                                     @NotNull @Valid Commissioning.Report report) {
        confine(instance);
        return commissioning.report(instance, report);
    }

    private void confine(String instance) {
        if (caller.hasRole(Roles.FEDERATION) && !caller.hasRole(Roles.CENTRAL_ADMIN)
                && !instance.equals(FederationResource.sender(caller))) {
            throw ApiException.forbidden("a federation token reads and reports for its own instance only");
        }
    }
}
