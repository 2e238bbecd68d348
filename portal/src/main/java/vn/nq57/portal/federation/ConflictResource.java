package vn.nq57.portal.federation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.nq57.portal.api.Views.Conflict;
import vn.nq57.portal.api.Writes.Decision;
import vn.nq57.portal.web.CurrentUser;
import vn.nq57.portal.web.Fetch;
import vn.nq57.portal.web.Forms;
import vn.nq57.portal.web.Instance;
import vn.nq57.portal.web.Outcome;
import vn.nq57.portal.web.Pages;
import vn.nq57.portal.web.Part;

/**
 * Writes central refused (issue #20), for the admins who resolve them: at a ministry its own writes central did not
 * take, with central's reason, each to resubmit, withdraw or put to central; at central the ministries' writes it
 * refused, each to keep central's data with a reason or to accept the ministry's in its place. The three services' lists side by side, each fetched on its own.
 */
@Path("/federation/conflicts")
public class ConflictResource {

    static final Set<String> MINISTRY_ACTIONS = Set.of("RESUBMIT", "WITHDRAW", "ASK_CENTRAL");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance conflicts(ConflictPage page);
    }

    /** One open conflict and the service it belongs to. */
    public record Item(String service, Conflict conflict) {
        /** The portal page of the record, or null for a kind the portal has no page of. */
        public String link() {
            return ConflictResource.link(conflict.aggregateType(), conflict.aggregateId());
        }

        /** The record's id as people can read it: its first 8 characters (the whole id is in the link). */
        public String shortId() {
            String id = conflict.aggregateId();
            return id == null ? "" : id.length() > 8 ? id.substring(0, 8) : id;
        }
    }

    public record ConflictPage(boolean central, List<Item> items, List<Part<?>> missing, String done,
                               UUID failed, Outcome<Conflict> outcome) {
    }

    @Inject
    FederationApis apis;

    @Inject
    CurrentUser user;

    @Inject
    Instance instance;

    @Inject
    Pages pages;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> list(@QueryParam("done") String done) {
        return page(done == null || done.isBlank() ? null : done, null, null).map(p -> pages.render(Templates.conflicts(p), "work"));
    }

    @POST
    @Path("/{service:initiative|kpi|budget}/{eventId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> resolve(@PathParam("service") String service, @PathParam("eventId") String eventId,
                                 @FormParam("action") String action, @FormParam("note") String note) {
        UUID id = Pages.id(eventId);
        boolean allowed = instance.central() ? "KEEP_CENTRAL".equals(action) || "ACCEPT".equals(action)
                : action != null && MINISTRY_ACTIONS.contains(action);
        Uni<Outcome<Conflict>> call = allowed
                ? Outcome.of(service, apis.of(service).resolveConflict(user.bearer(), id, new Decision(action, Forms.blankToNull(note))))
                : Uni.createFrom().item(Outcome.refused(400, null, List.of(new vn.nq57.portal.api.Writes.Violation(
                "action", "choose what to do"))));
        return call.chain(outcome -> {
            if (outcome.ok()) {
                return Uni.createFrom().item(Forms.seeOther("/federation/conflicts?done=" + action));
            }
            return page(null, id, outcome).map(p -> Response.status(outcome.status())
                    .entity(pages.render(Templates.conflicts(p), "work")).build());
        });
    }

    private Uni<ConflictPage> page(String done, UUID failed, Outcome<Conflict> outcome) {
        String auth = user.bearer();
        List<Uni<Part<List<Item>>>> parts = new ArrayList<>();
        for (String service : FederationApis.SERVICES) {
            parts.add(Fetch.part(service, apis.of(service).conflicts(auth, false, 200)
                    .map(p -> p.items().stream().map(c -> new Item(service, c)).toList())));
        }
        return Uni.combine().all().unis(parts).with(list -> {
            List<Item> items = new ArrayList<>();
            List<Part<?>> missing = new ArrayList<>();
            for (Object o : list) {
                @SuppressWarnings("unchecked")
                Part<List<Item>> part = (Part<List<Item>>) o;
                if (part.ok()) {
                    items.addAll(part.get());
                } else {
                    missing.add(part);
                }
            }
            items.sort(Comparator.comparing((Item i) -> i.conflict().rejectedAt(),
                    Comparator.nullsLast(Comparator.reverseOrder())));
            return new ConflictPage(instance.central(), items, missing, done, failed, outcome);
        });
    }


    /** The portal page of a record by its aggregate type, or null. */
    static String link(String type, String id) {
        if (type == null || id == null) {
            return null;
        }
        return switch (type) {
            case "measurement" -> "/values/" + id;
            case "initiative" -> "/initiatives/" + id;
            case "obstacle" -> "/obstacles/" + id;
            case "allocation" -> "/allocations/" + id;
            default -> null;
        };
    }
}
