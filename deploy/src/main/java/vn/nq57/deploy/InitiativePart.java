package vn.nq57.deploy;

import static vn.nq57.deploy.SampleLoader.CENTRAL_ADMIN;
import static vn.nq57.deploy.SampleLoader.adminOf;
import static vn.nq57.deploy.SampleLoader.submitterOf;

import vn.nq57.client.initiative.model.ChiefArchitect;
import vn.nq57.client.initiative.model.DeliveryRequest;
import vn.nq57.client.initiative.model.InitiativeRequest;
import vn.nq57.client.initiative.model.InitiativeStatus;
import vn.nq57.client.initiative.model.InitiativeView;
import vn.nq57.client.initiative.model.MilestoneRequest;
import vn.nq57.client.initiative.model.OutputRequest;
import vn.nq57.client.initiative.model.OutputStatus;
import vn.nq57.client.initiative.model.OutputView;
import vn.nq57.client.initiative.model.TransitionRequest;

import java.util.ArrayList;
import java.util.List;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The initiatives (initiative-service): each found by code or created by its lead ministry's admin (Idempotency-Key),
 * its outputs delivered as planned (If-Match: the output's version), its lifecycle walked to where the sample says
 * (If-Match: the initiative's ETag). Fills {@code initiativeIds} for the KPI and budget parts.
 */
final class InitiativePart extends Part {


    InitiativePart(Clients clients, Calls calls, Report report, Map<String, UUID> initiativeIds, LocalDate today) {
        super(clients, calls, report, initiativeIds, today);
    }

    void run() throws Exception {
        int created = 0, existing = 0, outputs = 0, delivered = 0, transitions = 0;
        for (SampleData.Initiative i : SampleData.initiatives()) {
            Reply<InitiativeView> found = calls.initiative(() -> clients.as(CENTRAL_ADMIN).initiatives()
                    .getInitiativeWithHttpInfo(i.code()));
            InitiativeView view;
            if (found.status() == 200) {
                view = found.body();
                existing++;
            } else {
                view = create(i);
                created++;
            }
            UUID id = view.getId();
            initiativeIds.put(i.code(), id);
            // outputs to deliver (evidence link), as the lead agency's people would
            for (OutputView o : Objects.requireNonNullElse(view.getOutputs(), List.<OutputView>of())) {
                outputs++;
                if (deliver(i, id, o)) delivered++;
            }
            transitions += walkLifecycle(i, id, view.getStatus());
        }
        report.count("initiatives", created + " created, " + existing + " already there (" + outputs + " outputs, "
                + delivered + " delivered; " + transitions + " lifecycle transitions)");
    }

    private InitiativeView create(SampleData.Initiative i) throws Exception {
        String user = adminOf(i.leadAgency());
        InitiativeRequest body = request(i);
        Reply<InitiativeView> r = calls.initiative(() -> clients.as(user).initiatives()
                .createInitiativeWithHttpInfo(body, "sample-initiative-" + i.code()));
        Report.expect(r, "POST /api/v1/initiatives " + i.code() + " as " + user, 201, 200);
        return r.body();
    }

    /** The initiative as its lead ministry registers it; outputs to deliver start IN_PROGRESS (delivery comes after). */
    static InitiativeRequest request(SampleData.Initiative i) {
        InitiativeRequest body = new InitiativeRequest()
                .code(i.code()).system(i.system()).phase(i.phase())
                .titleVi(i.titleVi()).titleEn(i.titleEn())
                .contentOrientation(i.contentOrientation()).deadline(i.deadline())
                .leadAgency(i.leadAgency()).key(i.key())
                .coordinatingAgencies(new ArrayList<>(i.coordinatingAgencies()))
                .evaluationCriteria(new ArrayList<>(i.criteria()))
                .linkedProgrammes(new ArrayList<>(List.of("Chương trình chuyển đổi số quốc gia")));
        if (i.architect() != null) {
            body.chiefArchitect(new ChiefArchitect().name(i.architect())
                    .position("Tổng công trình sư").agency(i.leadAgency()));
        }
        for (SampleData.Output o : SampleData.outputs(i)) {
            body.addOutputsItem(new OutputRequest().description(o.description()).dueDate(o.dueDate())
                    .status(OutputStatus.fromValue(o.targetStatus().equals("DELIVERED") ? "IN_PROGRESS" : o.targetStatus())));
        }
        for (SampleData.Milestone m : SampleData.milestones(i)) {
            body.addMilestonesItem(new MilestoneRequest().title(m.title()).dueDate(m.dueDate()).done(m.done()));
        }
        return body;
    }

    /** Delivers an output the sample has delivered; true when it is delivered (now or before). */
    private boolean deliver(SampleData.Initiative i, UUID id, OutputView o) throws Exception {
        boolean toDeliver = SampleData.outputs(i).stream().anyMatch(p -> p.description().equals(o.getDescription())
                && p.targetStatus().equals("DELIVERED"));
        if (o.getStatus() == OutputStatus.DELIVERED) return true;
        if (!toDeliver) return false;
        String user = submitterOf(i.leadAgency());
        DeliveryRequest body = new DeliveryRequest().evidenceLink("https://vanban.chinhphu.vn/sample/"
                + i.code().toLowerCase() + "-" + (o.getDueDate() == null ? "" : o.getDueDate().toString()));
        String ifMatch = "\"" + (o.getVersion() == null ? 0 : o.getVersion()) + "\"";
        Reply<OutputView> r = calls.initiative(() -> clients.as(user).initiatives()
                .deliverInitiativeWithHttpInfo(id, o.getId(), body, ifMatch));
        if (r.ok()) return true;
        report.skip("deliver an output of " + i.code() + " as " + user, r);
        return false;
    }

    /** DRAFT → APPROVED (central admin) → IN_PROGRESS (the lead ministry's admin) → SUSPENDED where the sample says so. */
    private int walkLifecycle(SampleData.Initiative i, UUID id, InitiativeStatus status) throws Exception {
        List<String> path = switch (i.finalStatus()) {
            case "DRAFT" -> List.of();
            case "APPROVED" -> List.of("APPROVED");
            case "IN_PROGRESS" -> List.of("APPROVED", "IN_PROGRESS");
            case "SUSPENDED" -> List.of("APPROVED", "IN_PROGRESS", "SUSPENDED");
            default -> throw new IllegalStateException(i.finalStatus());
        };
        int from = path.indexOf(status == null ? "" : status.getValue()) + 1; // DRAFT (or unknown) → 0
        int done = 0;
        for (String to : path.subList(Math.min(from, path.size()), path.size())) {
            String user = to.equals("APPROVED") ? CENTRAL_ADMIN : adminOf(i.leadAgency());
            String reason = switch (to) {
                case "APPROVED" -> "Ban Chỉ đạo Trung ương phê duyệt (dữ liệu mẫu)";
                case "IN_PROGRESS" -> "Bắt đầu triển khai theo kế hoạch";
                default -> "Tạm dừng chờ bố trí vốn và điều chỉnh phạm vi";
            };
            Reply<InitiativeView> cur = calls.initiative(() -> clients.as(CENTRAL_ADMIN).initiatives()
                    .getInitiativeWithHttpInfo(id.toString()));
            TransitionRequest body = new TransitionRequest().to(InitiativeStatus.fromValue(to)).reason(reason);
            Reply<InitiativeView> r = calls.initiative(() -> clients.as(user).initiatives()
                    .transitionInitiativeWithHttpInfo(id, body, cur.etag()));
            if (!r.ok()) {
                report.skip("transition " + i.code() + " → " + to + " as " + user, r);
                break;
            }
            done++;
        }
        return done;
    }
}
