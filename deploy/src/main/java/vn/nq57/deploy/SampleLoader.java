package vn.nq57.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Loads {@link SampleData} into the running suite through the REST APIs, with tokens of the demo users from Keycloak,
 * as a client would. Every part that fails is reported and skipped; the rest goes on. Safe to run twice (existing
 * initiatives and indicators are found by code; measurements and payments are idempotent by nature; allocations carry
 * an Idempotency-Key).
 *
 * <p>Configuration (system properties or environment): NQ57_KEYCLOAK_URL (http://127.0.0.1:8180), NQ57_INITIATIVE_URL,
 * NQ57_KPI_URL, NQ57_BUDGET_URL (http://127.0.0.1:8081..8083), NQ57_PORTAL_CLIENT_SECRET (the realm's LOCAL-ONLY secret
 * of the confidential client {@code portal}, {@value #PORTAL_CLIENT_SECRET}). Exit code 0 when done (parts may have
 * been skipped), 1 when nothing could be loaded (no token, a service not answering).
 */
public final class SampleLoader {

    static final String PASSWORD = "demo-local-only";
    /** The LOCAL-ONLY secret of the confidential client {@code portal} in identity/realm-nq57.json. */
    static final String PORTAL_CLIENT_SECRET = "local-dev-only-portal";
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String keycloak;
    private final String initiativeUrl;
    private final String kpiUrl;
    private final String budgetUrl;
    private final String portalSecret = cfg("NQ57_PORTAL_CLIENT_SECRET", PORTAL_CLIENT_SECRET);
    private final LocalDate today = LocalDate.now(VN);
    private final Map<String, String[]> tokens = new HashMap<>();
    private final Map<String, UUID> initiativeIds = new LinkedHashMap<>();
    private final Map<String, String> counts = new LinkedHashMap<>();
    private final List<String> skipped = new ArrayList<>();

    SampleLoader(String keycloak, String initiativeUrl, String kpiUrl, String budgetUrl) {
        this.keycloak = keycloak;
        this.initiativeUrl = initiativeUrl;
        this.kpiUrl = kpiUrl;
        this.budgetUrl = budgetUrl;
    }

    public static void main(String[] args) throws Exception {
        SampleLoader loader = new SampleLoader(cfg("NQ57_KEYCLOAK_URL", "http://127.0.0.1:8180"),
                cfg("NQ57_INITIATIVE_URL", "http://127.0.0.1:8081"), cfg("NQ57_KPI_URL", "http://127.0.0.1:8082"),
                cfg("NQ57_BUDGET_URL", "http://127.0.0.1:8083"));
        System.exit(loader.run());
    }

    static String cfg(String name, String def) {
        String v = System.getProperty(name, System.getenv(name));
        return v == null || v.isBlank() ? def : v;
    }

    int run() {
        long t0 = System.nanoTime();
        try {
            token("central.admin");
        } catch (Exception e) {
            System.err.println("sample: cannot get a token for central.admin from " + keycloak + ": " + e.getMessage());
            return 1;
        }
        part("initiatives (initiative-service)", this::initiatives);
        part("national KPI baselines and values (kpi-service)", this::nationalKpis);
        part("operational KPIs per initiative (kpi-service)", this::operationalKpis);
        part("fiscal years (budget-service)", this::fiscalYears);
        part("allocations and disbursements (budget-service)", this::budget);
        System.out.printf("sample: done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        counts.forEach((k, v) -> System.out.println("sample:   " + k + ": " + v));
        if (skipped.isEmpty()) {
            System.out.println("sample: nothing skipped");
        } else {
            System.out.println("sample: SKIPPED (" + skipped.size() + "):");
            skipped.forEach(s -> System.out.println("sample:   - " + s));
        }
        return initiativeIds.isEmpty() && counts.isEmpty() ? 1 : 0;
    }

    // ---------------------------------------------------------------- initiatives

    void initiatives() throws Exception {
        int created = 0, existing = 0, outputs = 0, delivered = 0, transitions = 0;
        for (SampleData.Initiative i : SampleData.initiatives()) {
            Resp found = call("GET", initiativeUrl + "/api/v1/initiatives/" + i.code(), "central.admin", null, null);
            JsonNode view;
            if (found.status == 200) {
                view = found.body;
                existing++;
            } else {
                String user = adminOf(i.leadAgency());
                ObjectNode body = json.createObjectNode()
                        .put("code", i.code()).put("system", i.system()).put("phase", i.phase())
                        .put("titleVi", i.titleVi()).put("titleEn", i.titleEn())
                        .put("contentOrientation", i.contentOrientation()).put("deadline", i.deadline().toString())
                        .put("leadAgency", i.leadAgency()).put("key", i.key());
                body.set("coordinatingAgencies", json.valueToTree(i.coordinatingAgencies()));
                body.set("evaluationCriteria", json.valueToTree(i.criteria()));
                body.set("linkedProgrammes", json.valueToTree(List.of("Chương trình chuyển đổi số quốc gia")));
                if (i.architect() != null) {
                    body.set("chiefArchitect", json.createObjectNode().put("name", i.architect())
                            .put("position", "Tổng công trình sư").put("agency", i.leadAgency()));
                }
                ArrayNode outs = body.putArray("outputs");
                for (SampleData.Output o : SampleData.outputs(i)) {
                    outs.addObject().put("description", o.description()).put("dueDate", o.dueDate().toString())
                            .put("status", o.targetStatus().equals("DELIVERED") ? "IN_PROGRESS" : o.targetStatus());
                }
                ArrayNode ms = body.putArray("milestones");
                for (SampleData.Milestone m : SampleData.milestones(i)) {
                    ms.addObject().put("title", m.title()).put("dueDate", m.dueDate().toString()).put("done", m.done());
                }
                Resp r = call("POST", initiativeUrl + "/api/v1/initiatives", user, body,
                        Map.of("Idempotency-Key", "sample-initiative-" + i.code()));
                expect(r, "POST /api/v1/initiatives " + i.code() + " as " + user, 201, 200);
                view = r.body;
                created++;
            }
            UUID id = UUID.fromString(view.get("id").asText());
            initiativeIds.put(i.code(), id);
            // outputs to deliver (evidence link), as the lead agency's people would
            List<SampleData.Output> planned = SampleData.outputs(i);
            for (JsonNode o : view.path("outputs")) {
                outputs++;
                boolean toDeliver = planned.stream().anyMatch(p -> p.description().equals(o.path("description").asText())
                        && p.targetStatus().equals("DELIVERED"));
                if (toDeliver && !o.path("status").asText().equals("DELIVERED")) {
                    String user = submitterOf(i.leadAgency());
                    Resp r = call("POST", initiativeUrl + "/api/v1/initiatives/" + id + "/outputs/"
                                    + o.get("id").asText() + "/delivery", user,
                            json.createObjectNode().put("evidenceLink",
                                    "https://vanban.chinhphu.vn/sample/" + i.code().toLowerCase() + "-" + o.path("dueDate").asText()),
                            Map.of("If-Match", "\"" + o.path("version").asLong() + "\""));
                    if (ok(r)) delivered++;
                    else skip("deliver an output of " + i.code() + " as " + user, r);
                } else if (o.path("status").asText().equals("DELIVERED")) {
                    delivered++;
                }
            }
            transitions += walkLifecycle(i, id, view.path("status").asText());
        }
        counts.put("initiatives", created + " created, " + existing + " already there (" + outputs + " outputs, "
                + delivered + " delivered; " + transitions + " lifecycle transitions)");
    }

    /** DRAFT → APPROVED (central admin) → IN_PROGRESS (the lead ministry's admin) → SUSPENDED where the sample says so. */
    int walkLifecycle(SampleData.Initiative i, UUID id, String status) throws Exception {
        List<String> path = switch (i.finalStatus()) {
            case "DRAFT" -> List.of();
            case "APPROVED" -> List.of("APPROVED");
            case "IN_PROGRESS" -> List.of("APPROVED", "IN_PROGRESS");
            case "SUSPENDED" -> List.of("APPROVED", "IN_PROGRESS", "SUSPENDED");
            default -> throw new IllegalStateException(i.finalStatus());
        };
        int from = path.indexOf(status) + 1; // DRAFT (or unknown) → 0
        int done = 0;
        for (String to : path.subList(Math.min(from, path.size()), path.size())) {
            String user = to.equals("APPROVED") ? "central.admin" : adminOf(i.leadAgency());
            String reason = switch (to) {
                case "APPROVED" -> "Ban Chỉ đạo Trung ương phê duyệt (dữ liệu mẫu)";
                case "IN_PROGRESS" -> "Bắt đầu triển khai theo kế hoạch";
                default -> "Tạm dừng chờ bố trí vốn và điều chỉnh phạm vi";
            };
            Resp cur = call("GET", initiativeUrl + "/api/v1/initiatives/" + id, "central.admin", null, null);
            Map<String, String> h = cur.etag == null ? Map.of() : Map.of("If-Match", cur.etag);
            Resp r = call("POST", initiativeUrl + "/api/v1/initiatives/" + id + "/transitions", user,
                    json.createObjectNode().put("to", to).put("reason", reason), h);
            if (!ok(r)) {
                skip("transition " + i.code() + " → " + to + " as " + user, r);
                break;
            }
            done++;
        }
        return done;
    }

    // ---------------------------------------------------------------- KPIs

    void nationalKpis() throws Exception {
        int baselines = 0, values = 0, approved = 0;
        for (SampleData.NationalSeries s : SampleData.nationalSeries()) {
            Resp got = call("GET", kpiUrl + "/api/v1/indicators/" + s.indicator(), "central.admin", null, null);
            if (got.status != 200) {
                skip("indicator " + s.indicator() + " not found in kpi-service", got);
                continue;
            }
            JsonNode b = got.body.path("baseline");
            if (b.isMissingNode() || b.isNull()) {
                ObjectNode put = indicatorRequest((ObjectNode) got.body);
                put.set("baseline", json.createObjectNode().put("value", s.baseline()).put("period", s.baselinePeriod()));
                put.put("dataSource", "Tổng cục Thống kê / Cục Thống kê (Bộ Tài chính) — số liệu minh họa");
                Resp r = call("PUT", kpiUrl + "/api/v1/indicators/" + got.body.get("id").asText(), "central.admin", put,
                        Map.of("If-Match", got.etag == null ? "\"" + got.body.path("version").asLong() + "\"" : got.etag));
                if (ok(r)) baselines++;
                else skip("set the baseline of " + s.indicator(), r);
            }
            ArrayNode rows = json.createArrayNode();
            for (int k = 0; k < s.periods().length; k++) {
                rows.addObject().put("indicator", s.indicator()).put("period", s.periods()[k])
                        .put("agency", SampleData.STATISTICS_OFFICE).put("value", String.valueOf(s.values()[k]))
                        .put("note", k == s.periods().length - 1 ? "Sơ bộ" : "Chính thức");
            }
            JsonNode summary = batch(rows, "central.admin", "values of " + s.indicator());
            if (summary == null) continue;
            values += summary.path("importCount").path("imported").asInt() + summary.path("importCount").path("updated").asInt();
            // approve the final figures (all but the latest, preliminary year)
            for (JsonNode row : summary.path("rows")) {
                if (row.path("period").asText().equals(s.periods()[s.periods().length - 1])) continue;
                if (approve(row, "central.admin")) approved++;
            }
        }
        counts.put("national KPIs", baselines + " baselines set, " + values + " values written (2022–2025, "
                + SampleData.STATISTICS_OFFICE + "), " + approved + " approved");
    }

    void operationalKpis() throws Exception {
        int created = 0, existing = 0, values = 0, approved = 0;
        List<String> quarters = SampleData.endedQuarters(today);
        for (SampleData.Initiative i : SampleData.initiatives()) {
            UUID id = initiativeIds.get(i.code());
            if (id == null || !i.funded()) continue;
            String code = i.code() + "-TIEN-DO";
            Resp got = call("GET", kpiUrl + "/api/v1/indicators/" + code, "central.admin", null, null);
            if (got.status == 200) {
                existing++;
            } else {
                ObjectNode body = json.createObjectNode().put("code", code)
                        .put("nameVi", "Mức độ hoàn thành kế hoạch: " + i.titleVi())
                        .put("nameEn", "Plan completion: " + i.titleEn())
                        .put("unit", "PERCENT").put("direction", "HIGHER_IS_BETTER").put("aggregation", "AVERAGE")
                        .put("frequency", "QUARTERLY").put("tier", "OPERATIONAL").put("system", i.system())
                        .put("initiativeId", id.toString()).put("ownerAgency", i.leadAgency())
                        .put("dataSource", "Báo cáo quý của cơ quan chủ trì").put("graceDays", 30);
                body.set("baseline", json.createObjectNode().put("value", 10).put("period", "2024Q4"));
                ArrayNode t = body.putArray("targets");
                t.addObject().put("period", "2026").put("value", 50);
                t.addObject().put("period", "2030").put("value", 100);
                String user = adminOf(i.leadAgency());
                Resp r = retryUnknownInitiative(() -> call("POST", kpiUrl + "/api/v1/indicators", user, body,
                        Map.of("Idempotency-Key", "sample-indicator-" + code)));
                if (!ok(r)) {
                    skip("create indicator " + code + " as " + user, r);
                    continue;
                }
                created++;
            }
            ArrayNode rows = json.createArrayNode();
            for (int k = 0; k < quarters.size(); k++) {
                rows.addObject().put("indicator", code).put("period", quarters.get(k)).put("agency", i.leadAgency())
                        .put("value", String.valueOf(SampleData.operationalValue(i, k)));
            }
            JsonNode summary = batch(rows, submitterOf(i.leadAgency()), "values of " + code);
            if (summary == null) continue;
            values += summary.path("importCount").path("imported").asInt() + summary.path("importCount").path("updated").asInt();
            int last = quarters.size() - 1;
            for (JsonNode row : summary.path("rows")) {
                if (row.path("period").asText().equals(quarters.get(last))) continue; // the newest stays SUBMITTED
                if (approve(row, adminOf(i.leadAgency()))) approved++;
            }
        }
        counts.put("operational KPIs", created + " created, " + existing + " already there; " + values
                + " quarterly values written (" + String.join(",", quarters.isEmpty() ? List.of("none") : List.of(
                quarters.get(0), "…", quarters.get(quarters.size() - 1))) + "), " + approved + " approved");
    }

    /** The request body of a PUT from an indicator's view: the view's fields minus what the server owns. */
    static ObjectNode indicatorRequest(ObjectNode view) {
        ObjectNode r = view.deepCopy();
        for (String owned : List.of("id", "originInstance", "version", "createdAt", "updatedAt")) r.remove(owned);
        if (r.path("ownerAgency").isObject()) r.put("ownerAgency", r.path("ownerAgency").path("code").asText());
        return r;
    }

    JsonNode batch(ArrayNode rows, String user, String what) throws Exception {
        ObjectNode body = json.createObjectNode();
        body.set("measurements", rows);
        Resp r = call("POST", kpiUrl + "/api/v1/measurements/batch?mode=partial", user, body, null);
        if (!ok(r)) {
            skip("batch of " + what + " as " + user, r);
            return null;
        }
        int rejected = r.body.path("importCount").path("rejected").asInt();
        if (rejected > 0) {
            for (JsonNode row : r.body.path("rows")) {
                if (row.path("status").asText().equals("REJECTED")) {
                    skipped.add("row " + row.path("period").asText() + " of " + what + ": " + row.path("reasons"));
                }
            }
        }
        return r.body;
    }

    boolean approve(JsonNode row, String user) throws Exception {
        String id = row.path("measurementId").asText(null);
        if (id == null) return false;
        Resp cur = call("GET", kpiUrl + "/api/v1/measurements/" + id, user, null, null);
        if (cur.status != 200 || !cur.body.path("status").asText().equals("SUBMITTED")) return false;
        Resp r = call("POST", kpiUrl + "/api/v1/measurements/" + id + "/approve", user, json.createObjectNode(),
                cur.etag == null ? null : Map.of("If-Match", cur.etag));
        if (ok(r)) return true;
        skip("approve measurement " + row.path("indicator").asText() + " " + row.path("period").asText() + " as " + user, r);
        return false;
    }

    // ---------------------------------------------------------------- budget

    void fiscalYears() throws Exception {
        int created = 0, existing = 0;
        for (SampleData.FiscalYear y : SampleData.fiscalYears()) {
            Resp got = call("GET", budgetUrl + "/api/v1/fiscal-years/" + y.year(), "central.admin", null, null);
            if (got.status == 200) {
                existing++;
                continue;
            }
            Resp r = call("POST", budgetUrl + "/api/v1/fiscal-years", "central.admin", json.createObjectNode()
                    .put("year", y.year()).put("totalStateExpenditure", y.totalStateExpenditure())
                    .put("stiBudget", y.stiBudget()).put("note", y.note()),
                    Map.of("Idempotency-Key", "sample-fiscal-year-" + y.year()));
            if (ok(r)) created++;
            else skip("create fiscal year " + y.year(), r);
        }
        counts.put("fiscal years", created + " created, " + existing + " already there (2024–2026)");
    }

    void budget() throws Exception {
        int allocations = 0, approvedCount = 0, payments = 0;
        long paid = 0;
        for (SampleData.Initiative i : SampleData.initiatives()) {
            UUID id = initiativeIds.get(i.code());
            if (id == null || !i.funded()) continue;
            record Planned(int year, String source, long amount, boolean approve) {
            }
            List<Planned> plan = new ArrayList<>();
            if (i.allocation2025() > 0) plan.add(new Planned(2025, "CENTRAL_BUDGET", i.allocation2025(), true));
            if (i.allocation2026() > 0) plan.add(new Planned(2026, "CENTRAL_BUDGET", i.allocation2026(),
                    !i.finalStatus().equals("SUSPENDED")));
            if (i.nonStateSource() != null) plan.add(new Planned(2026, i.nonStateSource(), i.nonStateAmount(), true));
            for (Planned p : plan) {
                ObjectNode body = json.createObjectNode().put("initiativeId", id.toString()).put("fiscalYear", p.year())
                        .put("fundingSource", p.source()).put("amount", p.amount())
                        .put("purpose", "Kinh phí thực hiện " + i.code() + " năm " + p.year() + " (dữ liệu mẫu)");
                body.set("initiative", json.createObjectNode().put("code", i.code()).put("system", i.system())
                        .put("leadAgency", i.leadAgency()).put("key", i.key()));
                Resp r = retryUnknownInitiative(() -> call("POST", budgetUrl + "/api/v1/allocations", "central.admin",
                        body, Map.of("Idempotency-Key", "sample-allocation-" + i.code() + "-" + p.year() + "-" + p.source())));
                if (!ok(r)) {
                    skip("allocation " + i.code() + " " + p.year() + " " + p.source(), r);
                    continue;
                }
                allocations++;
                JsonNode a = r.body;
                String allocationId = a.get("id").asText();
                if (p.approve() && a.path("status").asText().equals("PLANNED")) {
                    Resp cur = call("GET", budgetUrl + "/api/v1/allocations/" + allocationId, "central.admin", null, null);
                    Resp ap = call("POST", budgetUrl + "/api/v1/allocations/" + allocationId + "/approval", "central.admin",
                            json.createObjectNode().put("note", "Phê duyệt dự toán (dữ liệu mẫu)"),
                            Map.of("If-Match", cur.etag == null ? "\"" + cur.body.path("version").asLong() + "\"" : cur.etag));
                    if (!ok(ap)) {
                        skip("approve allocation " + a.path("code").asText() + " of " + i.code(), ap);
                        continue;
                    }
                    a = ap.body;
                }
                if (!a.path("status").asText().equals("APPROVED")) continue;
                approvedCount++;
                String user = p.source().equals("CENTRAL_BUDGET") ? submitterOf(i.leadAgency()) : "central.admin";
                for (SampleData.Payment pay : SampleData.payments(p.year(), p.amount(), today)) {
                    Resp d = call("POST", budgetUrl + "/api/v1/allocations/" + allocationId + "/disbursements", user,
                            json.createObjectNode().put("date", pay.date().toString()).put("amount", pay.amount())
                                    .put("paymentReference", "UNC-" + p.year() + "-" + i.code() + "-" + p.source().charAt(0) + pay.seq())
                                    .put("note", "Thanh toán đợt " + pay.seq()), null);
                    if (ok(d)) {
                        payments++;
                        paid += pay.amount();
                    } else {
                        skip("disbursement " + pay.seq() + " of " + a.path("code").asText() + " (" + i.code() + ") as " + user, d);
                    }
                }
            }
        }
        counts.put("budget", allocations + " allocations (" + approvedCount + " approved), " + payments
                + " payments recorded, " + (paid / SampleData.BILLION) + " billion VND disbursed");
    }

    // ---------------------------------------------------------------- users and HTTP

    /** Demo users exist for BKHCN, BKHCN-CDMST and BYT; other agencies' work is done by the central admin. */
    static String adminOf(String agency) {
        return switch (agency) {
            case "BKHCN", "BKHCN-CDMST" -> "admin.bkhcn";
            case "BYT" -> "admin.byt";
            default -> "central.admin";
        };
    }

    static String submitterOf(String agency) {
        return switch (agency) {
            case "BKHCN" -> "submitter.bkhcn";
            case "BKHCN-CDMST" -> "submitter.cdmst";
            case "BYT" -> "submitter.byt";
            default -> "central.admin";
        };
    }

    interface Call {
        Resp get() throws Exception;
    }

    /** A link to an initiative the kpi/budget replica has not received from the event feed yet: wait and retry. */
    Resp retryUnknownInitiative(Call call) throws Exception {
        Resp r = call.get();
        for (int attempt = 0; attempt < 20 && (r.status == 422 || r.status == 400)
                && r.raw.contains("initiative") && r.raw.contains("not known"); attempt++) {
            Thread.sleep(1000);
            r = call.get();
        }
        return r;
    }

    void part(String name, Call0 body) {
        long t0 = System.nanoTime();
        System.out.println("sample: " + name + " ...");
        try {
            body.run();
            System.out.printf("sample: %s done (%.1f s)%n", name, (System.nanoTime() - t0) / 1e9);
        } catch (Exception e) {
            skipped.add(name + ": " + e.getMessage());
            System.out.println("sample: " + name + " FAILED, skipped the rest of it: " + e.getMessage());
        }
    }

    interface Call0 {
        void run() throws Exception;
    }

    void skip(String what, Resp r) {
        String msg = what + " → HTTP " + r.status + " " + r.method + " " + r.uri + ": " + abbreviate(r.raw);
        skipped.add(msg);
        System.out.println("sample: skipped: " + msg);
    }

    static String abbreviate(String s) {
        if (s == null) return "";
        s = s.replaceAll("\\s+", " ");
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    static boolean ok(Resp r) {
        return r.status >= 200 && r.status < 300;
    }

    static void expect(Resp r, String what, int... statuses) {
        for (int s : statuses) if (r.status == s) return;
        throw new IllegalStateException(what + " → HTTP " + r.status + ": " + abbreviate(r.raw));
    }

    record Resp(String method, String uri, int status, JsonNode body, String raw, String etag) {
    }

    Resp call(String method, String url, String user, JsonNode body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token(user)).header("Accept", "application/json");
        if (headers != null) headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = send(b.build());
        JsonNode node = null;
        try {
            node = r.body() == null || r.body().isBlank() ? json.createObjectNode() : json.readTree(r.body());
        } catch (IOException notJson) {
            node = json.createObjectNode();
        }
        return new Resp(method, URI.create(url).getPath(), r.statusCode(), node, r.body(),
                r.headers().firstValue("ETag").orElse(null));
    }

    HttpResponse<String> send(HttpRequest req) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (attempt >= 3) throw e;
                Thread.sleep(1000L * attempt);
            }
        }
    }

    /**
     * Password grant on the confidential client {@code portal}, with its secret (direct access grants: local use only).
     * Cached 10 minutes.
     */
    String token(String user) throws Exception {
        String[] cached = tokens.get(user);
        if (cached != null && System.currentTimeMillis() - Long.parseLong(cached[1]) < 600_000) return cached[0];
        String form = "grant_type=password&client_id=portal&client_secret=" + URLEncoder.encode(portalSecret, StandardCharsets.UTF_8)
                + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> r = send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/nq57/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (r.statusCode() != 200) throw new IllegalStateException("token for " + user + ": HTTP " + r.statusCode() + " " + abbreviate(r.body()));
        String token = json.readTree(r.body()).path("access_token").asText();
        tokens.put(user, new String[]{token, String.valueOf(System.currentTimeMillis())});
        return token;
    }
}
