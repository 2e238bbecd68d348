package vn.nq57.portal.work;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.nq57.portal.api.BudgetApi;
import vn.nq57.portal.api.InitiativeApi;
import vn.nq57.portal.api.KpiApi;
import vn.nq57.portal.api.Views.Allocation;
import vn.nq57.portal.api.Views.Board;
import vn.nq57.portal.api.Views.InitiativeScore;
import vn.nq57.portal.api.Views.InitiativeSummary;
import vn.nq57.portal.api.Views.Measurement;
import vn.nq57.portal.api.Views.Obstacle;
import vn.nq57.portal.api.Views.OutputDetail;
import vn.nq57.portal.api.Views.Page;
import vn.nq57.portal.api.Views.RankingEntry;
import vn.nq57.portal.api.Views.ValueDetail;
import vn.nq57.portal.api.Views.Warning;
import vn.nq57.portal.web.CurrentUser;
import vn.nq57.portal.web.Fetch;
import vn.nq57.portal.web.Formats;
import vn.nq57.portal.web.Pages;
import vn.nq57.portal.web.Part;

/**
 * My work (Việc của tôi): the home of the work people do, by role. A data clerk sees the values due and overdue for
 * its agency and those returned to it; an agency admin the values waiting for its approval, the obstacles asked of
 * it, the outputs due and overdue and its initiatives at RED; a central admin the allocations and initiatives waiting
 * for approval, the obstacles asked of the centre and the agencies furthest behind. Every item links to where it is
 * acted on. Each list is fetched on its own, so one slow service never hides the others.
 */
@Path("/work")
public class WorkResource {

    static final int OUTPUT_HORIZON_DAYS = 30;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance work(WorkPage page);

        static native TemplateInstance count(long count);
    }

    public record WorkPage(String role, String agency, Part<List<ValueDetail>> due, Part<List<ValueDetail>> overdue,
                           Part<Page<Measurement>> returned, Part<Page<Measurement>> toApprove,
                           Part<List<Obstacle>> askedOfUs, Part<List<OutputDetail>> outputs,
                           Part<List<InitiativeScore>> red, Part<Page<Allocation>> allocations,
                           Part<Page<InitiativeSummary>> proposed, Part<List<RankingEntry>> behind,
                           Part<Page<Warning>> warnings, Part<Long> conflicts) {
        /** A list this user has: missing (the notice says why) or present, even when empty. */
        public boolean shows(Part<?> part) {
            return !part.ok() || part.get() != null;
        }

        public boolean clerk() {
            return "data-submitter".equals(role);
        }

        public boolean admin() {
            return "ministry-admin".equals(role) || central();
        }

        public boolean central() {
            return "central-admin".equals(role);
        }
    }

    @Inject
    @RestClient
    InitiativeApi initiatives;

    @Inject
    @RestClient
    KpiApi kpi;

    @Inject
    @RestClient
    BudgetApi budget;

    @Inject
    CurrentUser user;

    @Inject
    Pages pages;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> work() {
        String auth = user.bearer();
        String agency = user.agency();
        String role = user.role();
        boolean admin = user.centralAdmin() || "ministry-admin".equals(role);
        boolean reporter = admin || "data-submitter".equals(role);
        LocalDate today = Formats.today();
        // a value of last year is due early this year: the boards of both years
        Uni<Part<Board>> board = agency == null ? none() : Fetch.part("initiative", Uni.combine().all()
                .unis(initiatives.board(auth, agency, today.getYear() - 1), initiatives.board(auth, agency,
                        today.getYear())).with(WorkResource::merge));
        Uni<Part<Page<Measurement>>> returned = reporter && agency != null
                ? Fetch.part("kpi", kpi.values(auth, null, null, agency, null, "RETURNED", 0, 20)) : none();
        Uni<Part<Page<Measurement>>> toApprove = admin
                ? Fetch.part("kpi", kpi.values(auth, null, null, user.centralAdmin() ? null : agency, null, "SUBMITTED",
                0, 10)) : none();
        Uni<Part<List<Obstacle>>> asked = admin && agency != null
                ? Fetch.part("initiative", initiatives.obstacles(auth, null, agency, true, 200).map(p -> p.items()
                .stream().filter(o -> agency.equals(o.askedAgency().code()) && "OPEN".equals(o.status())).toList()))
                : none();
        Uni<Part<List<InitiativeScore>>> red = admin && agency != null && !user.centralAdmin()
                ? Fetch.part("initiative", initiatives.agency(auth, agency, 500).map(s -> s.items().items().stream()
                .filter(i -> "RED".equals(i.health())).toList())) : none();
        Uni<Part<Page<Allocation>>> allocations = user.centralAdmin()
                ? Fetch.part("budget", budget.allocationsWith(auth, "PLANNED", null, null, 10)) : none();
        Uni<Part<Page<InitiativeSummary>>> proposed = user.centralAdmin()
                ? Fetch.part("initiative", initiatives.initiatives(auth, null, null, "DRAFT", 10)) : none();
        Uni<Part<List<RankingEntry>>> behind = user.centralAdmin()
                ? Fetch.part("initiative", initiatives.ranking(auth, "MINISTRY", today.getYear()).map(r -> r.items().stream()
                .sorted(Comparator.comparingInt(RankingEntry::rank).reversed()).limit(5).toList())) : none();
        Uni<Part<Page<Warning>>> warnings = agency == null ? none()
                : Fetch.part("initiative", initiatives.warnings(auth, user.centralAdmin() ? null : agency, true, 20));
        // writes central refused (at a ministry: its own; at central: the ministries'), to be resolved by an admin
        Uni<Part<Long>> conflicts = admin ? Uni.combine().all().unis(conflictCount(initiatives, auth),
                conflictCount(kpi, auth), conflictCount(budget, auth)).with((a, b, c) -> Part.of("", a + b + c)) : none();
        return Uni.combine().all().unis(board, returned, toApprove, asked, red, allocations, proposed, behind, warnings,
                        conflicts)
                .with(list -> {
                    @SuppressWarnings("unchecked")
                    Part<Board> b = (Part<Board>) list.get(0);
                    Part<List<ValueDetail>> due = b.ok() && b.get() != null ? Part.of("initiative", b.get().values()
                            .stream().filter(v -> "PENDING".equals(v.status())).toList()) : missing(b);
                    Part<List<ValueDetail>> overdue = b.ok() && b.get() != null ? Part.of("initiative", b.get()
                            .values().stream().filter(v -> "MISSING".equals(v.status())).toList()) : missing(b);
                    Part<List<OutputDetail>> outputs = !admin ? Part.of("initiative", null)
                            : b.ok() && b.get() != null ? Part.of("initiative", b.get().outputs().stream()
                            .filter(o -> "MISSING".equals(o.status()) || "PENDING".equals(o.status())
                                    && o.dueDate() != null && !o.dueDate().isAfter(today.plusDays(OUTPUT_HORIZON_DAYS)))
                            .sorted(Comparator.comparing(OutputDetail::dueDate)).toList()) : missing(b);
                    return pages.render(Templates.work(new WorkPage(role, agency, reporter ? due : Part.of("", null),
                            reporter ? overdue : Part.of("", null), cast(list.get(1)), cast(list.get(2)),
                            cast(list.get(3)), outputs, cast(list.get(4)), cast(list.get(5)), cast(list.get(6)),
                            cast(list.get(7)), cast(list.get(8)), cast(list.get(9)))), "work");
                });
    }

    /** The number shown next to "My work" in the header: open warnings of my agency and values waiting for me. */
    @GET
    @Path("/count")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> count() {
        String auth = user.bearer();
        String agency = user.agency();
        boolean admin = user.centralAdmin() || "ministry-admin".equals(user.role());
        Uni<Long> warnings = agency == null ? Uni.createFrom().item(0L)
                : initiatives.warnings(auth, user.centralAdmin() ? null : agency, true, 1).map(Page::total)
                .onFailure().recoverWithItem(0L);
        Uni<Long> values = agency == null ? Uni.createFrom().item(0L)
                : kpi.values(auth, null, null, user.centralAdmin() ? null : agency, null,
                admin ? "SUBMITTED" : "RETURNED", 0, 1).map(Page::total).onFailure().recoverWithItem(0L);
        return Uni.combine().all().unis(warnings, values).with((w, v) -> Templates.count(w + v));
    }

    /** How many open conflicts a service lists (0 when it does not answer: the page says nothing then). */
    private static Uni<Long> conflictCount(vn.nq57.portal.api.FederationApi api, String auth) {
        return api.conflicts(auth, false, 1).map(Page::total).ifNoItem().after(Fetch.TIMEOUT).recoverWithItem(0L)
                .onFailure().recoverWithItem(0L);
    }

    static Board merge(Board last, Board current) {
        List<ValueDetail> values = new java.util.ArrayList<>(last.values());
        values.addAll(current.values());
        List<OutputDetail> outputs = new java.util.ArrayList<>(last.outputs());
        current.outputs().stream().filter(o -> last.outputs().stream().noneMatch(x -> x.id().equals(o.id())))
                .forEach(outputs::add);
        return new Board(current.compliance(), values, outputs, current.year());
    }

    private static <T> Uni<Part<T>> none() {
        return Uni.createFrom().item(Part.of("", null));
    }

    private static <T> Part<T> missing(Part<?> p) {
        return Part.missing(p.service(), p.problem() == null ? "unavailable" : p.problem());
    }

    @SuppressWarnings("unchecked")
    private static <T> Part<T> cast(Object o) {
        return (Part<T>) o;
    }
}
