package vn.nq57.initiative.warning;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.initiative.warning.WarningViews.EvaluationResult;
import vn.nq57.initiative.warning.WarningViews.WarningView;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.http.IfMatchOptional;
import vn.nq57.platform.http.Params;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.Roles;

@Path("/api/v1/warnings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Warnings", description = "Early warnings (cảnh báo sớm): outputs due or overdue, values missing, "
        + "forecasts off target, RED initiatives, unanswered obstacles, slow disbursement")
@RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER, Roles.VIEWER})
public class WarningResource {

    static final String ID = "The warning's id (UUID)";
    static final String ID_EXAMPLE = "9c8b7a6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";

    @Inject
    WarningService service;

    @GET
    @Operation(summary = "Warnings, newest first", description = "Central admins read all; anyone else the warnings "
            + "addressed to their agency and the agencies below it. A bad enum, UUID or boolean is 400 naming the "
            + "parameter.")
    public Page<WarningView> list(
            @Parameter(description = "Only this kind (case-insensitive)", example = "VALUE_MISSING",
                    schema = @Schema(implementation = WarningKind.class)) @QueryParam("kind") String kind,
            @Parameter(description = "Only this severity", example = "CRITICAL",
                    schema = @Schema(implementation = Severity.class)) @QueryParam("severity") String severity,
            @Parameter(description = "Only warnings addressed to this agency (its code)", example = "BKHCN")
            @QueryParam("agency") String agency,
            @Parameter(description = "Only this kind of subject", example = "INDICATOR",
                    schema = @Schema(implementation = SubjectType.class)) @QueryParam("subjectType") String subjectType,
            @Parameter(description = "Only warnings about this subject (its id)",
                    example = "3f1c8a2e-5b7d-4e9f-a1b2-c3d4e5f6a7b8",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("subjectId") String subjectId,
            @Parameter(description = "Only this status", example = "OPEN",
                    schema = @Schema(implementation = WarningStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "true: OPEN or ACKNOWLEDGED; false: RESOLVED", example = "true",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("open") String open,
            @BeanParam @Valid PageRequest page) {
        return service.list(new WarningService.Filter(Params.enumValue(WarningKind.class, "kind", kind),
                Params.enumValue(Severity.class, "severity", severity), agency,
                Params.enumValue(SubjectType.class, "subjectType", subjectType), Params.uuid("subjectId", subjectId),
                Params.enumValue(WarningStatus.class, "status", status), Params.bool("open", open)), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One warning, with its ETag", description = "404 when unknown or outside the caller's scope")
    @APIResponse(responseCode = "200", description = "The warning",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WarningView.class)))
    public Response get(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id) {
        Warning w = service.get(id);
        return ETags.ok(WarningView.of(w), w.version);
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @IfMatchOptional
    @Operation(summary = "Acknowledge a warning (someone takes it up)", description = "OPEN → ACKNOWLEDGED, with who "
            + "and when; it still resolves by itself when its cause goes away. 409 when it is not OPEN "
            + "(`currentStatus`). If-Match is checked when sent.")
    @APIResponse(responseCode = "200", description = "The warning, now ACKNOWLEDGED, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WarningView.class)))
    public Response acknowledge(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id,
                                @HeaderParam("If-Match") String ifMatch) {
        WarningView view = service.acknowledge(id, ifMatch);
        return ETags.ok(view, view.version());
    }

    @POST
    @Path("/evaluate")
    @RolesAllowed(Roles.CENTRAL_ADMIN)
    @Operation(summary = "Evaluate the warnings now (central admins)", description = "What the schedule does after "
            + "events and once a day: brings the default obligations in step, finds every cause, opens the new "
            + "warnings and resolves those whose cause went away. Skipped (nothing done) while another replica runs it.")
    public EvaluationResult evaluate() {
        return service.evaluate();
    }
}
