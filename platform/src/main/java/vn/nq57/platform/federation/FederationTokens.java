package vn.nq57.platform.federation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.common.OidcEndpoint;
import io.quarkus.oidc.common.OidcResponseFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Counts the tokens the federation's OIDC client is given by the central Keycloak
 * ({@code nq57_federation_tokens_fetched_total}; a refusal there is {@code …_tokens_failed_total}).
 */
@ApplicationScoped
@Unremovable
@OidcEndpoint(OidcEndpoint.Type.TOKEN)
public class FederationTokens implements OidcResponseFilter {

    private final Counter fetched;
    private final Counter failed;

    @Inject
    public FederationTokens(MeterRegistry registry) {
        fetched = registry.counter("nq57.federation.tokens.fetched");
        failed = registry.counter("nq57.federation.tokens.failed");
    }

    @Override
    public void filter(OidcResponseContext response) {
        (response.statusCode() == 200 ? fetched : failed).increment();
    }
}
