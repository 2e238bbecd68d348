package vn.nq57.portal.federation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.nq57.portal.api.Views.FederatedInstance;
import vn.nq57.portal.api.Views.HandoverProgress;
import vn.nq57.portal.web.CurrentUser;
import vn.nq57.portal.web.Fetch;
import vn.nq57.portal.web.Instance;
import vn.nq57.portal.web.Pages;
import vn.nq57.portal.web.Part;

/**
 * The ministry instances (issue #20). At central, for its admins: each ministry instance central commissioned or
 * retired, where it stands in each service and since when, and the rows it owns. At a ministry, for its admins: how
 * far the pull of its own rows from central has come in each service, and the rows it kept instead of central's.
 */
@Path("/federation/instances")
public class InstanceResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance instances(InstancesPage page);
    }

    /** One ministry instance across the three services. */
    public record Row(String instance, String agency, Map<String, FederatedInstance> byService) {
        public FederatedInstance in(String service) {
            return byService.get(service);
        }
    }

    /** One service's pull at a ministry. */
    public record Pull(String service, HandoverProgress progress) {
    }

    public record InstancesPage(boolean central, List<String> services, List<Row> rows, List<Pull> pulls,
                                List<Part<?>> missing) {
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
    public Uni<TemplateInstance> page() {
        String auth = user.bearer();
        List<String> services = FederationApis.SERVICES;
        if (instance.central()) {
            List<Uni<Part<List<FederatedInstance>>>> parts = new ArrayList<>();
            for (String service : services) {
                parts.add(Fetch.part(service, apis.of(service).instances(auth)));
            }
            return Uni.combine().all().unis(parts).with(list -> {
                Map<String, Row> rows = new LinkedHashMap<>();
                List<Part<?>> missing = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    @SuppressWarnings("unchecked")
                    Part<List<FederatedInstance>> part = (Part<List<FederatedInstance>>) list.get(i);
                    if (!part.ok()) {
                        missing.add(part);
                        continue;
                    }
                    for (FederatedInstance f : part.get()) {
                        rows.computeIfAbsent(f.instance(), k -> new Row(k, f.agency(), new LinkedHashMap<>()))
                                .byService().put(services.get(i), f);
                    }
                }
                return render(new InstancesPage(true, services, List.copyOf(rows.values()), List.of(), missing));
            });
        }
        List<Uni<Part<HandoverProgress>>> parts = new ArrayList<>();
        for (String service : services) {
            parts.add(Fetch.part(service, apis.of(service).handover(auth)));
        }
        return Uni.combine().all().unis(parts).with(list -> {
            List<Pull> pulls = new ArrayList<>();
            List<Part<?>> missing = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                @SuppressWarnings("unchecked")
                Part<HandoverProgress> part = (Part<HandoverProgress>) list.get(i);
                if (part.ok()) {
                    pulls.add(new Pull(services.get(i), part.get()));
                } else {
                    missing.add(part);
                }
            }
            return render(new InstancesPage(false, services, List.of(), pulls, missing));
        });
    }

    private TemplateInstance render(InstancesPage page) {
        return pages.render(Templates.instances(page), "work");
    }
}
