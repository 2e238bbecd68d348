package vn.nq57.portal.allocation;

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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.nq57.portal.api.BudgetApi;
import vn.nq57.portal.api.Views.Allocation;
import vn.nq57.portal.api.Views.Disbursement;
import vn.nq57.portal.api.Views.Page;
import vn.nq57.portal.api.Writes.DisbursementRequest;
import vn.nq57.portal.api.Writes.Note;
import vn.nq57.portal.api.Writes.Violation;
import vn.nq57.portal.web.CurrentUser;
import vn.nq57.portal.web.Downloads;
import vn.nq57.portal.web.Fetch;
import vn.nq57.portal.web.Forms;
import vn.nq57.portal.web.Formats;
import vn.nq57.portal.web.Outcome;
import vn.nq57.portal.web.Pages;
import vn.nq57.portal.web.Part;
import vn.nq57.tabular.Table;

/**
 * Budget allocations (phân bổ kinh phí): the list with its filters and exports, one allocation with its disbursements,
 * approving a planned one, and recording a disbursement (an overdraft is refused by budget-service and shown with the
 * amount that remains).
 */
@Path("/allocations")
public class AllocationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance allocations(String status, String initiative, Part<Page<Allocation>> list);

        static native TemplateInstance allocation(AllocationPage page);
    }

    public record AllocationPage(Allocation allocation, Part<Page<Disbursement>> disbursements, String key,
                                 Outcome<?> outcome, String form, String done, String date, String amount,
                                 String reference, String note) {
        public List<Violation> errors(String field) {
            return outcome == null || !"disburse".equals(form) ? List.of() : outcome.errors(field);
        }
    }

    @Inject
    @RestClient
    BudgetApi budget;

    @Inject
    CurrentUser user;

    @Inject
    Pages pages;

    @GET
    @Produces({MediaType.TEXT_HTML, MediaType.WILDCARD})
    public Uni<Response> list(@QueryParam("status") String status, @QueryParam("initiative") String initiative,
                              @QueryParam("format") String format) {
        String s = status == null || !status.matches("[A-Z_]{1,20}") ? null : status;
        String i = initiative == null || !initiative.matches("[0-9a-f-]{36}") ? null : initiative;
        Uni<Page<Allocation>> call = i != null ? budget.allocations(user.bearer(), UUID.fromString(i), 500)
                : budget.allocationsWith(user.bearer(), s, null, null, 500);
        return Fetch.part("budget", call).map(list -> Downloads.or(format,
                () -> list.ok() ? table(list.get().items()) : null, "nq57-phan-bo",
                () -> pages.render(Templates.allocations(s, i, list), "budget")));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> one(@PathParam("id") String id, @QueryParam("done") String done) {
        UUID uuid = Pages.id(id);
        return load(uuid).chain(a -> disbursements(uuid).map(d -> render(new AllocationPage(a, d, Forms.key(), null,
                null, done, Formats.today().toString(), null, null, null))));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> approve(@PathParam("id") String id, @FormParam("version") Long version,
                                 @FormParam("note") String note) {
        UUID uuid = Pages.id(id);
        return Outcome.of("budget", budget.approve(user.bearer(), uuid, Forms.ifMatch(version),
                new Note(Forms.blankToNull(note)))).chain(o -> o.ok()
                ? Uni.createFrom().item(Forms.seeOther("/allocations/" + uuid + "?done=approve"))
                : refused(uuid, o, "approve", null, null, null, null, Forms.key()));
    }

    @POST
    @Path("/{id}/disburse")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> disburse(@PathParam("id") String id, @FormParam("key") String key,
                                  @FormParam("date") String date, @FormParam("amount") String amount,
                                  @FormParam("paymentReference") String reference, @FormParam("note") String note) {
        UUID uuid = Pages.id(id);
        String k = Forms.key(key);
        List<Violation> local = new ArrayList<>();
        Long money = null;
        LocalDate day = null;
        try {
            money = Forms.amount(amount);
        } catch (NumberFormatException e) {
            local.add(new Violation("amount", "'" + amount + "' is not a number"));
        }
        try {
            day = date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            local.add(new Violation("date", "'" + date + "' is not a date"));
        }
        if (!local.isEmpty()) {
            return refused(uuid, Outcome.refused(400, null, local), "disburse", date, amount, reference, note, k);
        }
        return Outcome.of("budget", budget.disburse(user.bearer(), uuid, k, new DisbursementRequest(day, money,
                Forms.blankToNull(reference), Forms.blankToNull(note)))).chain(o -> o.ok()
                ? Uni.createFrom().item(Forms.seeOther("/allocations/" + uuid + "?done=disburse"))
                : refused(uuid, o, "disburse", date, amount, reference, note, k));
    }

    private Uni<Response> refused(UUID id, Outcome<?> outcome, String form, String date, String amount,
                                  String reference, String note, String key) {
        return load(id).chain(a -> disbursements(id).map(d -> Response.status(outcome.status())
                .entity(render(new AllocationPage(a, d, key, outcome, form, null, date, amount, reference, note)))
                .build()));
    }

    static Table table(List<Allocation> list) {
        List<List<Object>> rows = new ArrayList<>();
        for (Allocation a : list) {
            rows.add(Arrays.asList(a.code(), a.initiative() == null ? null : a.initiative().code(), a.leadAgency(),
                    a.fiscalYear(), a.fundingSource(), a.status(), a.amount(), a.disbursed(), a.remaining()));
        }
        return new Table("Phân bổ", List.of("Mã phân bổ", "Sáng kiến", "Cơ quan chủ trì", "Năm ngân sách", "Nguồn",
                "Trạng thái", "Số tiền (đồng)", "Đã giải ngân (đồng)", "Còn lại (đồng)"), rows);
    }

    private Uni<Allocation> load(UUID id) {
        return budget.allocation(user.bearer(), id).onFailure().transform(e -> new NotFoundException());
    }

    private Uni<Part<Page<Disbursement>>> disbursements(UUID id) {
        return Fetch.part("budget", budget.disbursements(user.bearer(), id, 200));
    }

    private TemplateInstance render(AllocationPage page) {
        return pages.render(Templates.allocation(page), "budget");
    }

}
