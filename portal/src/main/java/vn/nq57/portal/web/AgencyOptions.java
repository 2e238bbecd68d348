package vn.nq57.portal.web;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.nq57.portal.api.InitiativeApi;
import vn.nq57.portal.api.Views.AgencyNode;

/** The agency tree as a flat list of options, indented by depth (for the agency filter and the drill-down). */
@ApplicationScoped
public class AgencyOptions {

    public record Option(String code, String name, String level, int depth) {
        public String indent() {
            return "\u00a0\u00a0".repeat(depth);
        }
    }

    @Inject
    @RestClient
    InitiativeApi initiatives;

    public Uni<List<Option>> all(String auth) {
        return initiatives.agencyTree(auth).map(roots -> {
            List<Option> out = new ArrayList<>();
            roots.forEach(r -> flatten(r, 0, out));
            return out;
        });
    }

    static void flatten(AgencyNode node, int depth, List<Option> out) {
        out.add(new Option(node.code(), node.nameVi(), node.level(), depth));
        if (node.children() != null) {
            node.children().forEach(c -> flatten(c, depth + 1, out));
        }
    }
}
