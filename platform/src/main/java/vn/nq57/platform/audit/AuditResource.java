package vn.nq57.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.AgencyHierarchy;
import vn.nq57.platform.security.Caller;
import vn.nq57.platform.security.Roles;

/** The audit trail of the service, readable by administrators (a ministry admin sees its agencies' writes). */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    @Inject
    AuditTrail trail;

    @Inject
    Caller caller;

    @Inject
    AgencyHierarchy hierarchy;

    @GET
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Audit entries, newest first", description = "Who changed what, when, for which agency, "
            + "with the changed fields before and after. A ministry admin sees writes made for its agency subtree.")
    public Page<AuditView> list(@Parameter(description = "Only writes of this kind of record", example = "initiative")
                                @QueryParam("entityType") String entityType,
                                @Parameter(description = "Only writes of this record (its id)",
                                        example = "4e2a9c7b-1d3f-4a6e-8b5c-0f9d2e7a1b36")
                                @QueryParam("entityId") String entityId,
                                @Parameter(description = "Only writes by this user (the token's preferred_username)",
                                        example = "admin.bkhcn")
                                @QueryParam("subject") String subject, @BeanParam @Valid PageRequest page) {
        var agencies = caller.isCentralAdmin() ? null
                : caller.agency() == null ? java.util.Set.<String>of() : hierarchy.subtree(caller.agency());
        return trail.list(entityType, entityId, subject, agencies, page);
    }
}
