package vn.nq57.portal.report;

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
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.nq57.portal.api.InitiativeApi;
import vn.nq57.portal.api.KpiApi;
import vn.nq57.portal.api.Views.Measurement;
import vn.nq57.portal.api.Views.Obligation;
import vn.nq57.portal.api.Writes.MeasurementRequest;
import vn.nq57.portal.api.Writes.Violation;
import vn.nq57.portal.web.CurrentUser;
import vn.nq57.portal.web.Fetch;
import vn.nq57.portal.web.Forms;
import vn.nq57.portal.web.Outcome;
import vn.nq57.portal.web.Pages;
import vn.nq57.portal.web.Part;

/**
 * Reporting one value (Báo cáo số liệu): indicator, agency, period, value, note and evidence, saved as a draft or
 * submitted for approval, with the service's own field errors next to each field.
 */
@Path("/report")
public class ReportResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(ReportForm form);
    }

    /** The form as shown: what was typed, the indicators the agency reports, and the answer to the last attempt. */
    public record ReportForm(String key, String indicator, String agency, String period, String value, String note,
                             String evidenceLink, Part<List<Obligation>> obligations, Outcome<Measurement> outcome,
                             Measurement saved) {
        public List<Violation> errors(String field) {
            return outcome == null ? List.of() : outcome.errors(field);
        }

        /** The refusal not tied to one field (scope, lock, unknown code, service down). */
        public boolean refused() {
            return outcome != null && !outcome.ok();
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

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> form(@QueryParam("indicator") String indicator, @QueryParam("agency") String agency,
                                      @QueryParam("period") String period, @QueryParam("saved") String saved) {
        String a = agency == null || agency.isBlank() ? user.agency() : agency;
        Uni<Measurement> savedValue = saved == null || !saved.matches("[0-9a-f-]{36}") ? Uni.createFrom().nullItem()
                : kpi.value(user.bearer(), java.util.UUID.fromString(saved)).onFailure().recoverWithNull();
        return Uni.combine().all().unis(obligations(a), savedValue).with((o, s) -> render(
                new ReportForm(Forms.key(), indicator, a, period, null, null, null, o, null, s)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> submit(@FormParam("key") String key, @FormParam("indicator") String indicator,
                                @FormParam("agency") String agency, @FormParam("period") String period,
                                @FormParam("value") String value, @FormParam("note") String note,
                                @FormParam("evidenceLink") String evidenceLink, @FormParam("action") String action) {
        String k = Forms.key(key);
        BigDecimal number;
        try {
            number = Forms.decimal(value);
        } catch (NumberFormatException e) {
            number = null;
        }
        Uni<Outcome<Measurement>> call;
        if (number == null) {
            // the portal's own check: the service would refuse it too, and nothing is sent
            call = Uni.createFrom().item(Outcome.refused(400, null, List.of(new Violation("value",
                    value == null || value.isBlank() ? "a value is required"
                            : "'" + value.strip() + "' is not a number (use '.' as the decimal point)"))));
        } else {
            MeasurementRequest request = new MeasurementRequest(Forms.blankToNull(indicator),
                    Forms.blankToNull(period), Forms.blankToNull(agency), number, Forms.blankToNull(note),
                    Forms.blankToNull(evidenceLink), "draft".equals(action) ? "DRAFT" : "SUBMITTED");
            call = Outcome.of("kpi", kpi.record(user.bearer(), k, null, request));
        }
        return call.chain(outcome -> {
            if (outcome.ok()) {
                Measurement m = outcome.value();
                return Uni.createFrom().item(Forms.seeOther("/report?saved=" + m.id() + "&agency=" + m.agency()));
            }
            return obligations(agency).map(o -> Response.status(outcome.status())
                    .entity(render(new ReportForm(k, indicator, agency, period, value, note, evidenceLink, o, outcome,
                            null))).build());
        });
    }

    Uni<Part<List<Obligation>>> obligations(String agency) {
        if (agency == null || agency.isBlank()) {
            return Uni.createFrom().item(Part.of("initiative", List.of()));
        }
        return Fetch.part("initiative", initiatives.obligations(user.bearer(), agency, true, 500).map(p -> p.items()));
    }

    private TemplateInstance render(ReportForm form) {
        return pages.render(Templates.report(form), "report");
    }
}
