package vn.nq57.portal.approval;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.nq57.portal.api.KpiApi;
import vn.nq57.portal.api.Views.FederationRecord;
import vn.nq57.portal.api.Views.History;
import vn.nq57.portal.api.Views.Measurement;
import vn.nq57.portal.web.CurrentUser;
import vn.nq57.portal.web.Fetch;
import vn.nq57.portal.web.Instance;
import vn.nq57.portal.web.Pages;
import vn.nq57.portal.web.Part;

/** One reported value and its whole history: every change, who made it, when, and why (kpi-service's audit of it). */
@Path("/values/{id}")
public class ValueResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance value(Measurement value, Part<List<History>> history,
                                             Part<FederationRecord> federation);
    }

    @Inject
    @RestClient
    KpiApi kpi;

    @Inject
    CurrentUser user;

    @Inject
    Pages pages;

    @Inject
    Instance instance;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> value(@PathParam("id") String id) {
        UUID uuid = Pages.id(id);
        String auth = user.bearer();
        return Fetch.part("kpi", kpi.value(auth, uuid)).chain(v -> {
            if (!v.ok()) {
                throw new NotFoundException();
            }
            // at a ministry: whether central took it (at central there is nothing to say)
            Uni<Part<FederationRecord>> federation = instance.central() ? Uni.createFrom().item(Part.of("kpi", null))
                    : Fetch.part("kpi", kpi.federationRecord(auth, uuid));
            return Uni.combine().all().unis(Fetch.part("kpi", kpi.history(auth, uuid)), federation)
                    .with((h, f) -> pages.render(Templates.value(v.get(), h, f), "approvals"));
        });
    }
}
