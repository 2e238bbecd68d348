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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.kpi.evaluation.EvaluationViews.IndicatorEvaluation;
import vn.nq57.kpi.evaluation.EvaluationViews.InitiativeScorecard;
import vn.nq57.kpi.evaluation.EvaluationViews.PlanScorecard;
import vn.nq57.kpi.evaluation.EvaluationViews.SystemScorecard;
import vn.nq57.platform.audit.AuditTrail;
import vn.nq57.platform.http.Params;
import vn.nq57.platform.security.Roles;

@Path("/api/v1/evaluation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluation", description = "Progress, trajectory, status, forecast, timeliness and roll-ups")
@RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER, Roles.VIEWER, Roles.FEDERATION})
public class EvaluationResource {

    @Inject
    EvaluationService service;

    @Inject
    EvaluationMaintainer maintainer;

    @Inject
    AuditTrail audit;

    @GET
    @Path("/indicators/{id}")
    @Operation(summary = "One indicator's evaluation (by id or code)", description = "National by default; agency=CODE "
            + "evaluates over that agency and the agencies below it. Includes progress toward each target, the "
            + "expected trajectory, status, forecast, the series, and timeliness of period (default: the latest due).")
    public IndicatorEvaluation indicator(@PathParam("id") String idOrCode, @QueryParam("agency") String agency,
                                         @QueryParam("period") String period) {
        return service.indicator(idOrCode, agency, period);
    }

    @GET
    @Path("/initiatives/{id}")
    @Operation(summary = "An initiative's scorecard: its OPERATIONAL indicators and their roll-up")
    public InitiativeScorecard initiative(@PathParam("id") String id) {
        return service.initiative(Params.uuid("id", id));
    }

    @GET
    @Path("/systems/{code}")
    @Operation(summary = "A System's scorecard (H1..H6)", description = "Its STRATEGIC indicators, a roll-up per "
            + "initiative of their OPERATIONAL indicators, and the overall roll-up. Read from the incrementally "
            + "maintained evaluation: no measurement is scanned.")
    public SystemScorecard system(@PathParam("code") String code) {
        return service.system(code);
    }

    @GET
    @Path("/plan")
    @Operation(summary = "The whole plan: a roll-up per System and overall")
    public PlanScorecard plan() {
        return service.plan();
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.CENTRAL_ADMIN)
    @Transactional
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeout = 3600)
    @Operation(summary = "Recompute every aggregate and evaluation from the measurements (operations)")
    public Map<String, Object> rebuild() {
        int n = maintainer.rebuildAll();
        audit.record("evaluation.rebuilt", "evaluation", "all", null, Map.of("indicators", n));
        return Map.of("indicators", n);
    }
}
