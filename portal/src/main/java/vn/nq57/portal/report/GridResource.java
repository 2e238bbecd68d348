package vn.nq57.portal.report;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.nq57.portal.api.InitiativeApi;
import vn.nq57.portal.api.KpiApi;
import vn.nq57.portal.api.Views.Measurement;
import vn.nq57.portal.api.Views.Obligation;
import vn.nq57.portal.api.Writes.ImportRow;
import vn.nq57.portal.api.Writes.ImportSummary;
import vn.nq57.portal.web.CurrentUser;
import vn.nq57.portal.web.Fetch;
import vn.nq57.portal.web.Forms;
import vn.nq57.portal.web.Formats;
import vn.nq57.portal.web.Outcome;
import vn.nq57.portal.web.Pages;
import vn.nq57.portal.web.Part;

/**
 * The data-entry grid (DHIS2's data entry is the model): one agency and one period, one row per indicator the agency
 * reports at that period's frequency, each cell with its state (empty, draft, submitted, returned with the reason,
 * approved and locked). Saved as drafts or submitted together; each cell shows what the service did with it.
 */
@Path("/report/grid")
public class GridResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance grid(GridPage page);
    }

    /** One row: the obligation, the value stored now (or null), what was typed, and the service's answer to it. */
    public record Cell(Obligation obligation, Measurement stored, String typed, ImportRow result) {
        public boolean locked() {
            return stored != null && "APPROVED".equals(stored.status());
        }

        public String state() {
            if (result != null && "REJECTED".equals(result.status())) {
                return "INVALID";
            }
            return stored == null ? "EMPTY" : stored.status();
        }
    }

    public record GridPage(String key, String agency, String period, String frequency, Part<List<Cell>> cells,
                           Outcome<ImportSummary> outcome, boolean nothingChanged) {
        public int saved() {
            if (outcome == null || !outcome.ok()) {
                return 0;
            }
            var c = outcome.value().importCount();
            return c.imported() + c.updated();
        }

        public int rejected() {
            return outcome == null || !outcome.ok() ? 0 : outcome.value().importCount().rejected();
        }
    }

    @Inject
    @RestClient
    KpiApi kpi;

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
    public Uni<TemplateInstance> grid(@QueryParam("agency") String agency, @QueryParam("period") String period) {
        String a = agency == null || agency.isBlank() ? user.agency() : agency.strip().toUpperCase();
        String p = period == null || !period.strip().matches("\\d{4}([Qq][1-4]|-(0[1-9]|1[0-2]))?")
                ? String.valueOf(Formats.today().getYear() - 1) : period.strip().toUpperCase();
        return cells(a, p, Map.of(), Map.of()).map(cells -> render(new GridPage(Forms.key(), a, p, frequency(p), cells,
                null, false)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> save(@FormParam("key") String key, @FormParam("agency") String agency,
                              @FormParam("period") String period, @FormParam("action") String action,
                              @FormParam("code") List<String> codes, @FormParam("value") List<String> values,
                              @FormParam("was") List<String> was, @FormParam("state") List<String> states) {
        String k = Forms.key(key);
        boolean submit = !"draft".equals(action);
        ArrayNode rows = json.createArrayNode();
        List<String> sent = new ArrayList<>();
        Map<String, String> typed = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            String v = i < values.size() ? values.get(i).strip() : "";
            String before = i < was.size() ? was.get(i) : "";
            String state = i < states.size() ? states.get(i) : "EMPTY";
            typed.put(codes.get(i), v);
            boolean changed = !v.isEmpty() && !same(v, before);
            boolean promote = submit && !v.isEmpty() && ("DRAFT".equals(state) || "RETURNED".equals(state));
            if ("APPROVED".equals(state) || !(changed || promote)) {
                continue;
            }
            ObjectNode row = rows.addObject();
            row.put("indicator", codes.get(i)).put("period", period).put("agency", agency);
            row.put("value", normalised(v));
            row.put("status", submit ? "SUBMITTED" : "DRAFT");
            sent.add(codes.get(i));
        }
        if (sent.isEmpty()) {
            return cells(agency, period, typed, Map.of()).map(c -> Response.ok(render(new GridPage(k, agency, period,
                    frequency(period), c, null, true))).build());
        }
        ObjectNode batch = json.createObjectNode();
        batch.set("measurements", rows);
        return Outcome.of("kpi", kpi.importRows(user.bearer(), k, "partial", batch)).chain(outcome -> {
            Map<String, ImportRow> results = new HashMap<>();
            ImportSummary s = outcome.ok() ? outcome.value() : outcome.problem().importSummary();
            if (s != null) {
                for (ImportRow r : s.rows()) {
                    if (r.row() >= 1 && r.row() <= sent.size()) {
                        results.put(sent.get(r.row() - 1), r);
                    }
                }
            }
            Map<String, String> keep = new HashMap<>();
            results.forEach((code, r) -> {
                if ("REJECTED".equals(r.status())) {
                    keep.put(code, typed.get(code));
                }
            });
            return cells(agency, period, keep, results).map(c -> Response.status(outcome.ok() ? 200 : outcome.status())
                    .entity(render(new GridPage(Forms.key(), agency, period, frequency(period), c, outcome, false)))
                    .build());
        });
    }

    Uni<Part<List<Cell>>> cells(String agency, String period, Map<String, String> typed, Map<String, ImportRow> results) {
        if (agency == null) {
            return Uni.createFrom().item(Part.of("initiative", List.of()));
        }
        String auth = user.bearer();
        String frequency = frequency(period);
        Uni<List<Obligation>> obligations = initiatives.obligations(auth, agency, true, 500)
                .map(p -> p.items().stream().filter(o -> frequency.equals(o.frequency())).toList());
        Uni<Map<String, Measurement>> stored = kpi.values(auth, null, agency, null, period, null, 0, 500)
                .map(p -> p.items().stream().collect(Collectors.toMap(Measurement::indicatorCode, Function.identity(),
                        (x, y) -> x)));
        return Fetch.part("kpi", Uni.combine().all().unis(obligations, stored).with((os, values) -> os.stream()
                .map(o -> new Cell(o, values.get(o.indicatorCode()), typed.get(o.indicatorCode()),
                        results.get(o.indicatorCode()))).toList()));
    }

    static String frequency(String period) {
        if (period == null) {
            return "ANNUAL";
        }
        return period.contains("Q") || period.contains("q") ? "QUARTERLY" : period.contains("-") ? "MONTHLY" : "ANNUAL";
    }

    private static boolean same(String typed, String before) {
        if (before == null || before.isEmpty()) {
            return false;
        }
        try {
            return Forms.decimal(typed).compareTo(new BigDecimal(before)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String normalised(String typed) {
        try {
            return Forms.decimal(typed).toPlainString();
        } catch (NumberFormatException e) {
            return typed;
        }
    }

    private TemplateInstance render(GridPage page) {
        return pages.render(Templates.grid(page), "report");
    }
}
