package vn.nq57.kpi.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.kpi.evaluation.EvaluationViews.IndicatorEvaluation;
import vn.nq57.kpi.evaluation.EvaluationViews.InitiativeScorecard;
import vn.nq57.kpi.evaluation.EvaluationViews.PlanScorecard;
import vn.nq57.kpi.evaluation.EvaluationViews.RebuildSummary;
import vn.nq57.kpi.evaluation.EvaluationViews.SystemScorecard;
import vn.nq57.platform.audit.AuditTrail;
import vn.nq57.platform.http.Params;
import vn.nq57.platform.security.Roles;

@Path("/api/v1/evaluation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluation", description = "Progress, trajectory, status, forecast, timeliness and roll-ups")
@RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER, Roles.VIEWER, Roles.FEDERATION})
public class EvaluationResource {

    static final String INDICATOR_ID_OR_CODE = "The indicator's id (UUID) or code";
    static final String INITIATIVE_ID = "The initiative's id (UUID; its code is not accepted here)";
    static final String INITIATIVE_ID_EXAMPLE = "0b6f3c2e-6a4d-4f1e-9c1a-2d5e8f7a9b10";

    @Inject
    EvaluationService service;

    @Inject
    Scorecards scorecards;

    @Inject
    EvaluationMaintainer maintainer;

    @Inject
    AuditTrail audit;

    @GET
    @Path("/indicators/{id}")
    @Operation(summary = "One indicator's evaluation (by id or code)", description = "National by default; agency=CODE "
            + "evaluates over that agency and the agencies below it. Includes progress toward each target, the "
            + "expected trajectory, status, forecast, the series, and timeliness of period (default: the latest due). "
            + "An unknown agency, or a period not of the indicator's frequency, is 400.")
    public IndicatorEvaluation indicator(
            @Parameter(description = INDICATOR_ID_OR_CODE, example = "R57-RD-GDP") @PathParam("id") String idOrCode,
            @Parameter(description = "Evaluate over this agency and the agencies below it (its code, "
                    + "case-insensitive); default: national", example = "BKHCN")
            @QueryParam("agency") String agency,
            @Parameter(description = "The period whose timeliness is reported, of the indicator's frequency (YYYY, "
                    + "YYYYQn or YYYY-MM); default: the latest period due", example = "2025")
            @QueryParam("period") String period) {
        return service.indicator(idOrCode, agency, period);
    }

    @GET
    @Path("/initiatives/{id}")
    @Operation(summary = "An initiative's scorecard: its OPERATIONAL indicators and their roll-up", description = "404 "
            + "when the initiative is unknown here and has no indicators.")
    public InitiativeScorecard initiative(
            @Parameter(description = INITIATIVE_ID, example = INITIATIVE_ID_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id) {
        return scorecards.initiative(Params.uuid("id", id));
    }

    @GET
    @Path("/systems/{code}")
    @Operation(summary = "A System's scorecard (H1..H6)", description = "Its STRATEGIC indicators, a roll-up per "
            + "initiative of their OPERATIONAL indicators, and the overall roll-up. Read from the incrementally "
            + "maintained evaluation: no measurement is scanned. A code other than H1..H6 is 404.")
    public SystemScorecard system(
            @Parameter(description = "The System's code (H1..H6, case-insensitive)", example = "H4",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"H1", "H2", "H3", "H4", "H5", "H6"}))
            @PathParam("code") String code) {
        return scorecards.system(code);
    }

    @GET
    @Path("/plan")
    @Operation(summary = "The whole plan: a roll-up per System and overall")
    public PlanScorecard plan() {
        return scorecards.plan();
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.CENTRAL_ADMIN)
    @Transactional
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeout = 3600)
    @Operation(summary = "Recompute every aggregate and evaluation from the measurements (operations)",
            description = "Runs in one transaction (time-out: one hour) and is audited (evaluation.rebuilt).")
    @APIResponse(responseCode = "200", description = "How many indicators were re-evaluated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RebuildSummary.class)))
    public Map<String, Object> rebuild() {
        int n = maintainer.rebuildAll();
        audit.record("evaluation.rebuilt", "evaluation", "all", null, Map.of("indicators", n));
        return Map.of("indicators", n);
    }
}
