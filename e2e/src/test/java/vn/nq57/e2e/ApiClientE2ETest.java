package vn.nq57.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.nq57.client.kpi.ApiClient;
import vn.nq57.client.kpi.ApiException;
import vn.nq57.client.kpi.ApiResponse;
import vn.nq57.client.kpi.api.IndicatorsApi;
import vn.nq57.client.kpi.model.Aggregation;
import vn.nq57.client.kpi.model.Baseline;
import vn.nq57.client.kpi.model.Direction;
import vn.nq57.client.kpi.model.Frequency;
import vn.nq57.client.kpi.model.IndicatorRequest;
import vn.nq57.client.kpi.model.IndicatorView;
import vn.nq57.client.kpi.model.Problem;
import vn.nq57.client.kpi.model.TargetRequest;
import vn.nq57.client.kpi.model.Tier;
import vn.nq57.client.kpi.model.Unit;

/**
 * A ministry's system integrating as the contract says: the Java client generated from the committed OpenAPI document
 * of kpi-service (module api-clients), against the running service with a real Keycloak token.
 */
@ExtendWith(Suite.class)
class ApiClientE2ETest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static IndicatorsApi indicators(String user) {
        Suite suite = Suite.get();
        ApiClient client = new ApiClient();
        client.updateBaseUri(suite.url("kpi"));
        client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + suite.token(user)));
        return new IndicatorsApi(client);
    }

    static IndicatorRequest strategic(String code, String name) {
        return new IndicatorRequest().code(code).nameVi(name).unit(Unit.PERCENT).direction(Direction.HIGHER_IS_BETTER)
                .aggregation(Aggregation.LATEST).frequency(Frequency.ANNUAL).tier(Tier.STRATEGIC).system("H4")
                .ownerAgency("BKHCN").baseline(new Baseline().value(new BigDecimal("12.5")).period("2024"))
                .targets(List.of(new TargetRequest().period("2030").value(new BigDecimal("60"))));
    }

    @Test
    void theGeneratedClientCreatesReadsUpdatesWithETagsAndReadsProblemsAsTypedErrors() throws Exception {
        IndicatorsApi api = indicators("central.admin");
        String code = "API-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String key = "api-client-" + UUID.randomUUID();

        ApiResponse<IndicatorView> created = api.createIndicatorWithHttpInfo(strategic(code, "Tỷ lệ dữ liệu mở được công bố"), key);
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getData().getCode()).isEqualTo(code);
        assertThat(created.getData().getNameVi()).isEqualTo("Tỷ lệ dữ liệu mở được công bố");
        assertThat(created.getHeaders().get("location")).singleElement().asString().endsWith(created.getData().getId().toString());

        ApiResponse<IndicatorView> replayed = api.createIndicatorWithHttpInfo(strategic(code, "Tỷ lệ dữ liệu mở được công bố"), key);
        assertThat(replayed.getData().getId()).as("an idempotent retry creates nothing new").isEqualTo(created.getData().getId());
        assertThat(replayed.getHeaders().get("idempotent-replayed")).containsExactly("true");

        ApiResponse<IndicatorView> read = api.getIndicatorWithHttpInfo(code);
        String etag = read.getHeaders().get("etag").get(0);
        ApiResponse<IndicatorView> updated = api.updateIndicatorWithHttpInfo(read.getData().getId(), etag,
                strategic(code, "Tỷ lệ bộ dữ liệu mở được công bố"));
        assertThat(updated.getStatusCode()).isEqualTo(200);
        assertThat(updated.getData().getNameVi()).isEqualTo("Tỷ lệ bộ dữ liệu mở được công bố");
        assertThat(updated.getHeaders().get("etag").get(0)).isNotEqualTo(etag);

        ApiException stale = catchThrowableOfType(ApiException.class, () -> api.updateIndicatorWithHttpInfo(
                read.getData().getId(), etag, strategic(code, "ghi đè")));
        assertThat(stale.getCode()).isEqualTo(412);
        Problem precondition = JSON.readValue(stale.getResponseBody(), Problem.class);
        assertThat(precondition.getType().toString()).endsWith("/precondition-failed");
        assertThat(precondition.getCurrentEtag()).isEqualTo(updated.getHeaders().get("etag").get(0));

        ApiException unknown = catchThrowableOfType(ApiException.class, () -> api.createIndicatorWithHttpInfo(
                strategic(code + "-OP", "Chỉ tiêu của sáng kiến không tồn tại").tier(Tier.OPERATIONAL).system(null)
                        .initiativeId(UUID.randomUUID()), null));
        assertThat(unknown.getCode()).isEqualTo(422);
        Problem unprocessable = JSON.readValue(unknown.getResponseBody(), Problem.class);
        assertThat(unprocessable.getStatus()).isEqualTo(422);
        assertThat(unprocessable.getCorrelationId()).isNotBlank();

        ApiException invalid = catchThrowableOfType(ApiException.class, () -> api.createIndicatorWithHttpInfo(
                strategic("", ""), null));
        assertThat(invalid.getCode()).isEqualTo(400);
        Problem validation = JSON.readValue(invalid.getResponseBody(), Problem.class);
        assertThat(validation.getViolations()).isNotEmpty().allSatisfy(v -> assertThat(v.getField()).isNotBlank());
    }
}
