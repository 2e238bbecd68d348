package vn.nq57.platform.federation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Federation settings (DESIGN.md §3 Federation). A ministry instance names the same service at central
 * ({@code central-url}) and its own client at the central Keycloak (client credentials); central needs none of these.
 */
@ConfigMapping(prefix = "nq57.federation")
public interface FederationConfig {

    /** Base URL of this service's counterpart at central, e.g. {@code https://kpi.nq57.gov.vn}. */
    Optional<String> centralUrl();

    /** The central Keycloak's token endpoint, e.g. {@code https://sso.nq57.gov.vn/realms/nq57/protocol/openid-connect/token}. */
    Optional<String> tokenUrl();

    /** This ministry's federation client at the central Keycloak, e.g. {@code nq57-federation-bkhcn}. */
    Optional<String> clientId();

    Optional<String> clientSecret();

    /** (central) Whether ministries' events are taken at {@code POST /api/v1/federation/events}. */
    @WithDefault("true")
    boolean intakeEnabled();

    /** How often the forwarder looks for events to send up. */
    @WithDefault("1s")
    Duration forwardInterval();

    /** Events per POST to central (central accepts at most 500). */
    @WithDefault("200")
    int batchSize();

    /** How often the catalogue is pulled from central. */
    @WithDefault("30s")
    Duration catalogInterval();

    /** Items per catalogue page. */
    @WithDefault("500")
    int catalogPageSize();

    /** A cached token is renewed this long before it expires (0: used until central refuses it). */
    @WithDefault("30s")
    Duration tokenRefreshMargin();

    /**
     * Added to the lifetime central's Keycloak gives a token (negative: the token is taken as shorter-lived), for a
     * clock that runs behind central's.
     */
    @WithDefault("0s")
    Duration tokenExpirySkew();

    /** Time-out of one call to central. */
    @WithDefault("30s")
    Duration requestTimeout();

    /** Longest pause between attempts while central is unreachable. */
    @WithDefault("30s")
    Duration maxBackoff();
}
