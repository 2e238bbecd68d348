package vn.nq57.portal.initiative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.nq57.portal.api.InitiativeApi;
import vn.nq57.portal.api.Views.Initiative;
import vn.nq57.portal.api.Writes.Delivery;
import vn.nq57.portal.api.Writes.TransitionRequest;
import vn.nq57.portal.web.CurrentUser;
import vn.nq57.portal.web.Forms;
import vn.nq57.portal.web.Outcome;
import vn.nq57.portal.web.Pages;

/**
 * Managing an initiative (admins): its fields edited at the version the form was opened at (a change made meanwhile
 * by someone else is refused and explained), a lifecycle step with its required reason, an output marked delivered
 * with its evidence link.
 */
@Path("/initiatives/{id}/manage")
public class ManageResource {

    /** The lifecycle steps each status allows (initiative-service checks them again). */
    static final Map<String, List<String>> NEXT = Map.of(
            "DRAFT", List.of("APPROVED", "SUSPENDED", "CANCELLED"),
            "APPROVED", List.of("IN_PROGRESS", "SUSPENDED", "CANCELLED"),
            "IN_PROGRESS", List.of("COMPLETED", "SUSPENDED", "CANCELLED"),
            "SUSPENDED", List.of("IN_PROGRESS", "CANCELLED"));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance manage(ManagePage page);
    }

    /** What the edit form holds (as typed when a save was refused). */
    public record Fields(String titleVi, String titleEn, String contentOrientation, String deadline,
                         String criteria) {
        static Fields of(Initiative i) {
            return new Fields(i.titleVi(), i.titleEn(), i.contentOrientation(),
                    i.deadline() == null ? "" : i.deadline().toString(),
                    i.evaluationCriteria() == null ? "" : String.join("\n", i.evaluationCriteria()));
        }
    }

    public record ManagePage(Initiative initiative, long version, Fields fields, List<String> next,
                             Outcome<Initiative> outcome, String form, String done) {
        public List<vn.nq57.portal.api.Writes.Violation> errors(String field) {
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

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> page(@PathParam("id") String id, @QueryParam("done") String done) {
        return load(id).map(i -> render(new ManagePage(i, i.version(), Fields.of(i), NEXT.getOrDefault(i.status(),
                List.of()), null, null, done)));
    }

    @POST
    @Path("/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> edit(@PathParam("id") String id, @FormParam("version") Long version,
                              @FormParam("titleVi") String titleVi, @FormParam("titleEn") String titleEn,
                              @FormParam("contentOrientation") String content, @FormParam("deadline") String deadline,
                              @FormParam("criteria") String criteria) {
        String auth = user.bearer();
        Fields typed = new Fields(titleVi, titleEn, content, deadline, criteria);
        return initiatives.initiativeJson(auth, id).onFailure().transform(e -> new NotFoundException()).chain(view -> {
            UUID uuid = UUID.fromString(view.get("id").asText());
            ObjectNode body = request(view);
            body.put("titleVi", Forms.blankToNull(titleVi));
            body.put("titleEn", Forms.blankToNull(titleEn));
            body.put("contentOrientation", Forms.blankToNull(content));
            body.put("deadline", Forms.blankToNull(deadline));
            ArrayNode list = body.putArray("evaluationCriteria");
            if (criteria != null) {
                criteria.lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(list::add);
            }
            return Outcome.of("initiative", initiatives.update(auth, uuid, Forms.ifMatch(version), body))
                    .chain(o -> after(id, o, "edit", version, typed));
        });
    }

    @POST
    @Path("/transition")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> transition(@PathParam("id") String id, @FormParam("version") Long version,
                                    @FormParam("to") String to, @FormParam("reason") String reason) {
        String auth = user.bearer();
        return load(id).chain(i -> Outcome.of("initiative", initiatives.transition(auth, i.id(), Forms.ifMatch(version),
                new TransitionRequest(Forms.blankToNull(to), Forms.blankToNull(reason))))
                .chain(o -> after(id, o, "transition", version, null)));
    }

    @POST
    @Path("/deliver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> deliver(@PathParam("id") String id, @FormParam("version") Long version,
                                 @FormParam("output") String output, @FormParam("evidenceLink") String link) {
        String auth = user.bearer();
        UUID out;
        try {
            out = UUID.fromString(output);
        } catch (RuntimeException e) {
            throw new NotFoundException();
        }
        return load(id).chain(i -> Outcome.of("initiative", initiatives.deliver(auth, i.id(), out,
                Forms.ifMatch(version), new Delivery(Forms.blankToNull(link))))
                .chain(o -> after(id, o, "deliver", version, null)));
    }

    private Uni<Response> after(String id, Outcome<Initiative> outcome, String form, Long version, Fields typed) {
        if (outcome.ok()) {
            return Uni.createFrom().item(Forms.seeOther("/initiatives/" + outcome.value().id() + "/manage?done=" + form));
        }
        return load(id).map(i -> Response.status(outcome.status()).entity(render(new ManagePage(i,
                version == null ? i.version() : version, typed != null ? typed : Fields.of(i),
                NEXT.getOrDefault(i.status(), List.of()), outcome, form, null))).build());
    }

    /** The initiative as initiative-service's PUT takes it, from how its GET shows it (agencies by code). */
    static ObjectNode request(ObjectNode view) {
        ObjectNode r = view.objectNode();
        for (String f : List.of("code", "system", "phase", "titleVi", "titleEn", "contentOrientation", "deadline",
                "key", "evaluationCriteria", "linkedProgrammes")) {
            if (view.hasNonNull(f)) {
                r.set(f, view.get(f));
            }
        }
        r.put("leadAgency", view.path("leadAgency").path("code").asText(null));
        ArrayNode coordinating = r.putArray("coordinatingAgencies");
        view.path("coordinatingAgencies").forEach(a -> coordinating.add(a.path("code").asText()));
        JsonNode chief = view.path("chiefArchitect");
        if (chief.hasNonNull("name")) {
            ObjectNode c = r.putObject("chiefArchitect");
            c.put("name", chief.get("name").asText());
            if (chief.hasNonNull("position")) {
                c.put("position", chief.get("position").asText());
            }
            if (chief.path("agency").hasNonNull("code")) {
                c.put("agency", chief.path("agency").get("code").asText());
            }
        }
        ArrayNode milestones = r.putArray("milestones");
        view.path("milestones").forEach(m -> {
            ObjectNode n = milestones.addObject();
            n.put("title", m.path("title").asText());
            n.put("dueDate", m.path("dueDate").asText());
            n.put("done", m.path("done").asBoolean());
        });
        return r;
    }

    private Uni<Initiative> load(String id) {
        if (id == null || !id.matches("[A-Za-z0-9-]{1,40}")) {
            throw new NotFoundException();
        }
        return initiatives.initiative(user.bearer(), id).onFailure().transform(e -> new NotFoundException());
    }

    private TemplateInstance render(ManagePage page) {
        return pages.render(Templates.manage(page), "overview");
    }
}
