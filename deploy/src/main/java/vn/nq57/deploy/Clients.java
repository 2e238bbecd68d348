package vn.nq57.deploy;

import vn.nq57.client.budget.api.AllocationsApi;
import vn.nq57.client.budget.api.DisbursementsApi;
import vn.nq57.client.budget.api.FiscalYearsApi;
import vn.nq57.client.initiative.api.InitiativesApi;
import vn.nq57.client.kpi.api.IndicatorsApi;
import vn.nq57.client.kpi.api.MeasurementsApi;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The generated clients of the three services, one set per demo user: the service's base URL, the user's bearer token
 * (a request interceptor, so a token that expires is fetched again), 60 s per request. Each client has its own
 * {@link HttpClient} (5 s to connect).
 */
final class Clients {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /**
     * What one user calls. {@code batches} is MeasurementsApi for POST /measurements/batch with a JSON body: the
     * document offers that operation as CSV, JSON or Excel, and the generated method sends its String body as
     * {@code application/csv}; this one's interceptor declares the body {@code application/json} instead.
     */
    record Apis(InitiativesApi initiatives, IndicatorsApi indicators, MeasurementsApi measurements,
                MeasurementsApi batches, FiscalYearsApi fiscalYears, AllocationsApi allocations,
                DisbursementsApi disbursements) {
    }

    private final TokenSource tokens;
    private final Calls calls;
    private final String initiativeUrl;
    private final String kpiUrl;
    private final String budgetUrl;
    private final Map<String, Apis> byUser = new HashMap<>();

    Clients(TokenSource tokens, Calls calls, String initiativeUrl, String kpiUrl, String budgetUrl) {
        this.tokens = tokens;
        this.calls = calls;
        this.initiativeUrl = initiativeUrl;
        this.kpiUrl = kpiUrl;
        this.budgetUrl = budgetUrl;
    }

    Apis as(String user) {
        return byUser.computeIfAbsent(user, this::build);
    }

    private Apis build(String user) {
        Consumer<HttpRequest.Builder> auth = b -> b.header("Authorization", tokens.bearer(user));
        var initiative = new vn.nq57.client.initiative.ApiClient(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT),
                vn.nq57.client.initiative.ApiClient.createDefaultObjectMapper(), initiativeUrl)
                .setReadTimeout(REQUEST_TIMEOUT).setRequestInterceptor(auth).setResponseInterceptor(calls::saw);
        var kpi = new vn.nq57.client.kpi.ApiClient(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT),
                vn.nq57.client.kpi.ApiClient.createDefaultObjectMapper(), kpiUrl)
                .setReadTimeout(REQUEST_TIMEOUT).setRequestInterceptor(auth).setResponseInterceptor(calls::saw);
        var kpiJson = new vn.nq57.client.kpi.ApiClient(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT),
                vn.nq57.client.kpi.ApiClient.createDefaultObjectMapper(), kpiUrl)
                .setReadTimeout(REQUEST_TIMEOUT).setResponseInterceptor(calls::saw)
                .setRequestInterceptor(auth.andThen(b -> b.setHeader("Content-Type", "application/json")));
        var budget = new vn.nq57.client.budget.ApiClient(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT),
                vn.nq57.client.budget.ApiClient.createDefaultObjectMapper(), budgetUrl)
                .setReadTimeout(REQUEST_TIMEOUT).setRequestInterceptor(auth).setResponseInterceptor(calls::saw);
        return new Apis(new InitiativesApi(initiative), new IndicatorsApi(kpi), new MeasurementsApi(kpi),
                new MeasurementsApi(kpiJson), new FiscalYearsApi(budget), new AllocationsApi(budget),
                new DisbursementsApi(budget));
    }
}
