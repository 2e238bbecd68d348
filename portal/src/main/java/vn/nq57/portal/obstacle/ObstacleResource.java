package vn.nq57.portal.obstacle;

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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.nq57.portal.api.InitiativeApi;
import vn.nq57.portal.api.Views.Initiative;
import vn.nq57.portal.api.Views.Obstacle;
import vn.nq57.portal.api.Writes.Answer;
import vn.nq57.portal.api.Writes.Note;
import vn.nq57.portal.api.Writes.ObstacleRequest;
import vn.nq57.portal.web.AgencyOptions;
import vn.nq57.portal.web.AgencyOptions.Option;
import vn.nq57.portal.web.CurrentUser;
import vn.nq57.portal.web.Downloads;
import vn.nq57.portal.web.Fetch;
import vn.nq57.portal.web.Forms;
import vn.nq57.portal.web.Outcome;
import vn.nq57.portal.web.Pages;
import vn.nq57.portal.web.Part;
import vn.nq57.tabular.Table;

/**
 * Obstacles and requests (khó khăn, vướng mắc, kiến nghị): those asked of my agency, waiting for its answer, and those
 * my agency filed, each with its processing status, who holds it now and since when (what users of the official
 * portal say they cannot see); filing one for an initiative, answering, resolving and closing.
 */
@Path("/obstacles")
public class ObstacleResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance obstacles(ObstacleList page);

        static native TemplateInstance obstacle(ObstacleDetail page);

        static native TemplateInstance fileForm(FileForm form);
    }

    /** Who holds an obstacle now and since when: the asked agency until it answers, then the filer until it closes. */
    public record Holder(String agency, String agencyName, OffsetDateTime since, boolean closed) {
        static Holder of(Obstacle o) {
            return switch (o.status()) {
                case "OPEN" -> new Holder(o.askedAgency().code(), o.askedAgency().nameVi(), o.filedAt(), false);
                case "ANSWERED" -> new Holder(o.filedByAgency().code(), o.filedByAgency().nameVi(),
                        o.answeredAt() != null ? o.answeredAt() : o.filedAt(), false);
                default -> new Holder(null, null, o.closedAt(), true);
            };
        }
    }

    public record Line(Obstacle obstacle, Holder holder) {
    }

    public record ObstacleList(String agency, boolean open, Part<List<Line>> asked, Part<List<Line>> filed) {
    }

    public record ObstacleDetail(Obstacle obstacle, Holder holder, boolean mayAnswer, boolean mayClose,
                                 Outcome<Obstacle> outcome, String done, String step, String typed) {
        /** What the user typed into the form of {@code form}, kept when the service refused it. */
        public String typed(String form) {
            return form.equals(step) && typed != null ? typed : "";
        }
    }

    public record FileForm(String key, Initiative initiative, String filedByAgency, String askedAgency,
                           String description, String request, Part<List<Option>> agencies, Outcome<Obstacle> outcome) {
        public List<vn.nq57.portal.api.Writes.Violation> errors(String field) {
            return outcome == null ? List.of() : outcome.errors(field);
        }
    }

    @Inject
    @RestClient
    InitiativeApi initiatives;

    @Inject
    AgencyOptions agencies;

    @Inject
    CurrentUser user;

    @Inject
    Pages pages;

    @GET
    @Produces({MediaType.TEXT_HTML, MediaType.WILDCARD})
    public Uni<Response> list(@QueryParam("open") String open, @QueryParam("format") String format) {
        boolean onlyOpen = !"false".equals(open);
        String agency = user.agency();
        String auth = user.bearer();
        return Fetch.part("initiative", initiatives.obstacles(auth, null, agency, onlyOpen ? true : null, 500))
                .map(all -> {
                    List<Line> lines = all.ok() ? all.get().items().stream().map(o -> new Line(o, Holder.of(o))).toList()
                            : List.of();
                    Part<List<Line>> asked = all.ok() ? Part.of("initiative", lines.stream()
                            .filter(l -> agency == null || agency.equals(l.obstacle().askedAgency().code())).toList())
                            : Part.missing("initiative", all.problem());
                    Part<List<Line>> filed = all.ok() ? Part.of("initiative", lines.stream()
                            .filter(l -> agency == null || agency.equals(l.obstacle().filedByAgency().code())).toList())
                            : Part.missing("initiative", all.problem());
                    return Downloads.or(format, () -> all.ok() ? table(lines) : null, "nq57-vuong-mac",
                            () -> pages.render(Templates.obstacles(new ObstacleList(agency, onlyOpen, asked, filed)),
                                    "obstacles"));
                });
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> detail(@PathParam("id") String id, @QueryParam("done") String done) {
        UUID uuid = Pages.id(id);
        return initiatives.obstacle(user.bearer(), uuid).onFailure().transform(e -> new NotFoundException())
                .map(o -> detailPage(o, null, done, null, null));
    }

    @GET
    @Path("/new")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> fileForm(@QueryParam("initiative") String initiative) {
        if (initiative == null || !initiative.matches("[A-Za-z0-9-]{1,40}")) {
            throw new NotFoundException();
        }
        String auth = user.bearer();
        return initiatives.initiative(auth, initiative).onFailure().transform(e -> new NotFoundException())
                .chain(i -> Fetch.part("initiative", agencies.all(auth)).map(a -> pages.render(Templates.fileForm(
                        new FileForm(Forms.key(), i, user.agency(), null, null, null, a, null)), "obstacles")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> file(@FormParam("key") String key, @FormParam("initiative") String initiative,
                              @FormParam("filedByAgency") String filedBy, @FormParam("askedAgency") String asked,
                              @FormParam("description") String description, @FormParam("request") String request) {
        String auth = user.bearer();
        String k = Forms.key(key);
        return initiatives.initiative(auth, initiative).onFailure().transform(e -> new NotFoundException())
                .chain(i -> Outcome.of("initiative", initiatives.file(auth, k, new ObstacleRequest(i.id(),
                        Forms.blankToNull(filedBy), Forms.blankToNull(asked), Forms.blankToNull(description),
                        Forms.blankToNull(request)))).chain(outcome -> {
                            if (outcome.ok()) {
                                return Uni.createFrom().item(Forms.seeOther("/obstacles/" + outcome.value().id()
                                        + "?done=filed"));
                            }
                            return Fetch.part("initiative", agencies.all(auth)).map(a -> Response
                                    .status(outcome.status()).entity(pages.render(Templates.fileForm(new FileForm(k, i,
                                            filedBy, asked, description, request, a, outcome)), "obstacles"))
                                    .build());
                        }));
    }

    @POST
    @Path("/{id}/{step:answer|resolve|close}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> step(@PathParam("id") String id, @PathParam("step") String step,
                              @FormParam("version") Long version, @FormParam("text") String text) {
        UUID uuid = Pages.id(id);
        String auth = user.bearer();
        String ifMatch = Forms.ifMatch(version);
        String t = Forms.blankToNull(text);
        Uni<Obstacle> call = switch (step) {
            case "answer" -> initiatives.answer(auth, uuid, ifMatch, new Answer(t));
            case "resolve" -> initiatives.resolve(auth, uuid, ifMatch, new Note(t));
            default -> initiatives.close(auth, uuid, ifMatch, new Note(t));
        };
        return Outcome.of("initiative", call).chain(outcome -> {
            if (outcome.ok()) {
                return Uni.createFrom().item(Forms.seeOther("/obstacles/" + uuid + "?done=" + step));
            }
            return initiatives.obstacle(auth, uuid).onFailure().transform(e -> new NotFoundException())
                    .map(o -> Response.status(outcome.status()).entity(detailPage(o, outcome, null, step, t)).build());
        });
    }

    private TemplateInstance detailPage(Obstacle o, Outcome<Obstacle> outcome, String done, String step,
                                        String typed) {
        String mine = user.agency();
        boolean admin = user.centralAdmin() || "ministry-admin".equals(user.role());
        boolean open = "OPEN".equals(o.status()) || "ANSWERED".equals(o.status());
        boolean mayAnswer = open && admin && (user.centralAdmin() || o.askedAgency().code().equals(mine));
        boolean mayClose = open && (user.centralAdmin() || o.filedByAgency().code().equals(mine))
                && !"viewer".equals(user.role());
        return pages.render(Templates.obstacle(new ObstacleDetail(o, Holder.of(o), mayAnswer, mayClose, outcome,
                done, step, typed)), "obstacles");
    }

    static Table table(List<Line> lines) {
        List<List<Object>> rows = new ArrayList<>();
        for (Line l : lines) {
            Obstacle o = l.obstacle();
            rows.add(Arrays.asList(o.initiativeCode(), o.filedByAgency().code(), o.askedAgency().code(), o.status(),
                    l.holder().agency(), l.holder().since(), o.answerDue(), o.late() ? "quá hạn" : "", o.description(),
                    o.request(), o.answer()));
        }
        return new Table("Vướng mắc", List.of("Sáng kiến", "Cơ quan gửi", "Cơ quan được đề nghị", "Trạng thái",
                "Đang xử lý tại", "Từ", "Hạn trả lời", "Quá hạn", "Nội dung", "Kiến nghị", "Trả lời"), rows);
    }

}
