package vn.nq57.portal.initiative;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.nq57.portal.api.InitiativeApi;
import vn.nq57.portal.api.Views.Initiative;
import vn.nq57.portal.api.Writes.Violation;
import vn.nq57.portal.web.CurrentUser;
import vn.nq57.portal.web.Forms;
import vn.nq57.portal.web.Outcome;
import vn.nq57.portal.web.Pages;

/**
 * Proposing a new initiative (an admin: central for any agency, a ministry admin for its own): the five required
 * attributes of the Strategic Action Plan (content orientation, outputs come after, deadline, lead agency, evaluation
 * criteria), its System and phase. It starts as a draft that the Steering Committee approves.
 */
@Path("/initiatives/new")
public class NewInitiativeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance create(NewForm form);
    }

    /** The form as typed. */
    public record NewForm(String key, String code, String system, String phase, String titleVi, String titleEn,
                          String contentOrientation, String deadline, String leadAgency, String criteria, boolean key_,
                          String output, String outputDue, Outcome<Initiative> outcome) {
        public List<Violation> errors(String field) {
            return outcome == null ? List.of() : outcome.errors(field);
        }
    }

    @Inject
    @RestClient
    InitiativeApi initiatives;

    @Inject
    CurrentUser user;

    @Inject
    Pages pages;

    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        return render(new NewForm(Forms.key(), null, "H1", "P2", null, null, null, null, user.agency(), null, false,
                null, null, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> create(@FormParam("key") String key, @FormParam("code") String code,
                                @FormParam("system") String system, @FormParam("phase") String phase,
                                @FormParam("titleVi") String titleVi, @FormParam("titleEn") String titleEn,
                                @FormParam("contentOrientation") String content, @FormParam("deadline") String deadline,
                                @FormParam("leadAgency") String lead, @FormParam("criteria") String criteria,
                                @FormParam("keyInitiative") String keyInitiative,
                                @FormParam("output") String output, @FormParam("outputDue") String outputDue) {
        String k = Forms.key(key);
        ObjectNode body = json.createObjectNode();
        body.put("code", Forms.blankToNull(code));
        body.put("system", Forms.blankToNull(system));
        body.put("phase", Forms.blankToNull(phase));
        body.put("titleVi", Forms.blankToNull(titleVi));
        body.put("titleEn", Forms.blankToNull(titleEn));
        body.put("contentOrientation", Forms.blankToNull(content));
        body.put("deadline", Forms.blankToNull(deadline));
        body.put("leadAgency", Forms.blankToNull(lead));
        body.put("key", keyInitiative != null);
        ArrayNode outputs = body.putArray("outputs");
        if (Forms.blankToNull(output) != null || Forms.blankToNull(outputDue) != null) {
            outputs.addObject().put("description", Forms.blankToNull(output)).put("dueDate", Forms.blankToNull(outputDue));
        }
        ArrayNode list = body.putArray("evaluationCriteria");
        if (criteria != null) {
            criteria.lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(list::add);
        }
        return Outcome.of("initiative", initiatives.create(user.bearer(), k, body)).map(o -> o.ok()
                ? Forms.seeOther("/initiatives/" + o.value().id() + "/manage?done=created")
                : Response.status(o.status()).entity(render(new NewForm(k, code, system, phase, titleVi, titleEn, content,
                        deadline, lead, criteria, keyInitiative != null, output, outputDue, o))).build());
    }

    private TemplateInstance render(NewForm form) {
        return pages.render(Templates.create(form), "overview");
    }
}
