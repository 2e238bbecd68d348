package vn.nq57.deploy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Loads {@link SampleData} into the running suite through the REST APIs, with tokens of the demo users from Keycloak,
 * as a client would: through the Java clients generated from the committed OpenAPI documents (module api-clients).
 * Every part that fails is reported and skipped; the rest goes on. Safe to run twice (existing initiatives, indicators
 * and fiscal years are found first; measurements and payments are idempotent by nature; creations carry an
 * Idempotency-Key).
 *
 * <p>The parts: {@link InitiativePart}, {@link KpiPart}, {@link BudgetPart}; they call through {@link Clients} (the
 * generated clients per user) and {@link Calls} (HTTP errors as {@link Reply replies}, retries), with tokens from
 * {@link TokenSource}, and say what they did in the {@link Report}.
 *
 * <p>Configuration (system properties or environment): NQ57_KEYCLOAK_URL (http://127.0.0.1:8180), NQ57_INITIATIVE_URL,
 * NQ57_KPI_URL, NQ57_BUDGET_URL (http://127.0.0.1:8081..8083), NQ57_PORTAL_CLIENT_SECRET (the realm's LOCAL-ONLY secret
 * of the confidential client {@code portal}, {@value #PORTAL_CLIENT_SECRET}). Exit code 0 when done (parts may have
 * been skipped), 1 when nothing could be loaded (no token, a service not answering) or the JVM's default charset is
 * not UTF-8 (the generated clients decode answers with it: run with -Dfile.encoding=UTF-8).
 */
public final class SampleLoader {

    static final String PASSWORD = "demo-local-only";
    /** The LOCAL-ONLY secret of the confidential client {@code portal} in identity/realm-nq57.json. */
    static final String PORTAL_CLIENT_SECRET = "local-dev-only-portal";
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String CENTRAL_ADMIN = "central.admin";

    private final String keycloak;
    private final TokenSource tokens;
    private final Report report = new Report();
    private final Map<String, UUID> initiativeIds = new LinkedHashMap<>();
    private final InitiativePart initiatives;
    private final KpiPart kpis;
    private final BudgetPart budget;

    SampleLoader(String keycloak, String initiativeUrl, String kpiUrl, String budgetUrl) {
        this.keycloak = keycloak;
        Calls calls = new Calls();
        this.tokens = new TokenSource(keycloak, cfg("NQ57_PORTAL_CLIENT_SECRET", PORTAL_CLIENT_SECRET), PASSWORD);
        Clients clients = new Clients(tokens, calls, initiativeUrl, kpiUrl, budgetUrl);
        LocalDate today = LocalDate.now(VN);
        this.initiatives = new InitiativePart(clients, calls, report, initiativeIds, today);
        this.kpis = new KpiPart(clients, calls, report, initiativeIds, today);
        this.budget = new BudgetPart(clients, calls, report, initiativeIds, today);
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
        Charset charset = Charset.defaultCharset();
        if (!charset.equals(StandardCharsets.UTF_8)) {
            System.err.println("sample: the JVM's default charset is " + charset + ", not UTF-8; the generated API clients"
                    + " decode answers with it and would garble Vietnamese text: run with -Dfile.encoding=UTF-8");
            return 1;
        }
        try {
            tokens.token(CENTRAL_ADMIN);
        } catch (Exception e) {
            System.err.println("sample: cannot get a token for central.admin from " + keycloak + ": " + e.getMessage());
            return 1;
        }
        report.part("initiatives (initiative-service)", initiatives::run);
        report.part("national KPI baselines and values (kpi-service)", kpis::national);
        report.part("operational KPIs per initiative (kpi-service)", kpis::operational);
        report.part("fiscal years (budget-service)", budget::fiscalYears);
        report.part("allocations and disbursements (budget-service)", budget::allocations);
        report.print(t0);
        return initiativeIds.isEmpty() && report.nothingCounted() ? 1 : 0;
    }

    /** Demo users exist for BKHCN, BKHCN-CDMST and BYT; other agencies' work is done by the central admin. */
    static String adminOf(String agency) {
        return switch (agency) {
            case "BKHCN", "BKHCN-CDMST" -> "admin.bkhcn";
            case "BYT" -> "admin.byt";
            default -> CENTRAL_ADMIN;
        };
    }

    static String submitterOf(String agency) {
        return switch (agency) {
            case "BKHCN" -> "submitter.bkhcn";
            case "BKHCN-CDMST" -> "submitter.cdmst";
            case "BYT" -> "submitter.byt";
            default -> CENTRAL_ADMIN;
        };
    }
}
