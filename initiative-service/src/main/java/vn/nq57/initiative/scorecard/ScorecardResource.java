package vn.nq57.initiative.scorecard;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import vn.nq57.initiative.agency.Agency;
import vn.nq57.initiative.agency.AgencyLevel;
import vn.nq57.initiative.agency.AgencyService;
import vn.nq57.initiative.agency.AgencyTree;
import vn.nq57.initiative.scorecard.ScorecardViews.AgencyScorecard;
import vn.nq57.initiative.scorecard.ScorecardViews.InitiativeScore;
import vn.nq57.initiative.scorecard.ScorecardViews.PlanScore;
import vn.nq57.initiative.scorecard.ScorecardViews.ScorecardChange;
import vn.nq57.initiative.scorecard.ScorecardViews.SystemScorecard;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.AgencyAccess;
import vn.nq57.platform.security.Caller;
import vn.nq57.platform.security.Roles;

@Path("/api/v1/scorecard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scorecard", description = "Health of the plan, a System, an agency or an initiative: KPI status and "
        + "progress, overdue outputs, open obstacles, budget disbursement; and a live stream of changes")
@RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER, Roles.VIEWER, Roles.FEDERATION})
public class ScorecardResource {

    @Inject
    ScorecardService service;

    @Inject
    ScorecardStream stream;

    @Inject
    AgencyService agencies;

    @Inject
    AgencyTree tree;

    @Inject
    AgencyAccess access;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The whole plan: each System's health with its reasons, and the totals")
    public PlanScore plan() {
        return service.plan();
    }

    @GET
    @Path("/systems/{code}")
    @Operation(summary = "One System: its strategic KPIs and its initiatives (paginated, by code)")
    public SystemScorecard system(@Parameter(description = "The System's code, H1..H6", example = "H4")
                                  @PathParam("code") String code, @BeanParam @Valid PageRequest page) {
        return service.system(code, page);
    }

    @GET
    @Path("/agencies/{code}")
    @Operation(summary = "The initiatives led by an agency and the agencies below it")
    public AgencyScorecard agency(@Parameter(description = "The agency's code", example = "BKHCN")
                                  @PathParam("code") String code, @BeanParam @Valid PageRequest page) {
        Agency agency = agencies.getByCode(code);
        return service.agency(agency.code, tree.subtree(agency.code), page);
    }

    @GET
    @Path("/initiatives/{id}")
    @Operation(summary = "One initiative's health with the reasons it was given")
    public InitiativeScore initiative(@Parameter(description = "The initiative's id (UUID; a cancelled one is 404)",
                                                 example = "0b6f3c2e-6a4d-4f1e-9c1a-2d5e8f7a9b10")
                                      @PathParam("id") UUID id) {
        return service.initiative(id);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Server-Sent Events: scorecard changes and new measurements", description = "Filters: system, "
            + "agency (and the agencies below it). A caller sees its own agency subtree; central admins and users of a "
            + "central body see the nation. Every change carries its number as the event `id`, in commit order, "
            + "whichever replica serves the stream; a client reconnecting with `Last-Event-ID` first receives what it "
            + "missed (a `reload` message instead when those changes are no longer kept). A heartbeat comes every "
            + "15 s; the stream ends when the replica shuts down (reconnect).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    implementation = ScorecardChange.class)))
    public Multi<OutboundSseEvent> stream(
            @Parameter(description = "Only changes of this System's initiatives (H1..H6)", example = "H4")
            @QueryParam("system") String system,
            @Parameter(description = "Only changes of initiatives of this agency and the agencies below it (its code; "
                    + "outside the caller's scope is 403)", example = "BKHCN")
            @QueryParam("agency") String agency,
            @Parameter(description = "The id of the last change the client received (sent by EventSource when it "
                    + "reconnects): the changes after it come first", example = "1042")
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context Sse sse) {
        Set<String> scope;
        if (agency != null && !agency.isBlank()) {
            Agency a = agencies.getByCode(agency);
            if (!national()) {
                access.requireScope(a.code);
            }
            scope = tree.subtree(a.code);
        } else {
            scope = national() ? null : caller.agency() == null ? Set.of() : tree.subtree(caller.agency());
        }
        Long after = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                after = Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                throw vn.nq57.platform.error.ApiException.badRequest("Last-Event-ID",
                        "'" + lastEventId + "' is not the id of a change (a number)");
            }
            if (after < 0) {
                throw vn.nq57.platform.error.ApiException.badRequest("Last-Event-ID", "an id is 0 or more");
            }
        }
        return stream.subscribe(sse, system == null || system.isBlank() ? null : system.trim(), scope, after);
    }

    private boolean national() {
        if (caller.isCentralAdmin()) {
            return true;
        }
        return caller.agency() != null
                && Agency.byCode(caller.agency()).map(a -> a.level == AgencyLevel.CENTRAL_BODY).orElse(false);
    }
}
