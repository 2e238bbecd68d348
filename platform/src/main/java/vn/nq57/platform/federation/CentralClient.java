package vn.nq57.platform.federation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

/**
 * A ministry instance's calls to its counterpart at central: the typed {@link CentralApi} (a MicroProfile REST Client
 * with the OIDC client filter: client-credentials tokens fetched, cached and renewed by {@code quarkus-oidc-client}),
 * with central's URL and the time-outs of {@link FederationConfig}. A failure that may pass (no answer, a time-out, a
 * gateway's 502/503/504, a token central refused — the filter renews it) is tried twice more with exponential backoff
 * and jitter before it is reported (reads; the forwarder tries again itself, {@link #callOnce}); the callers then back
 * off for longer (up to {@code max-backoff}).
 */
@ApplicationScoped
public class CentralClient {

    private static final Logger LOG = Logger.getLogger(CentralClient.class);

    @Inject
    FederationConfig config;

    @Inject
    MeterRegistry registry;

    private volatile CentralApi api;
    private Counter tokensRefused;

    /** A call to central failed: unreachable, refused, or an unexpected answer. */
    public static class CentralUnavailable extends RuntimeException {
        private final int status;

        public CentralUnavailable(String message, Throwable cause) {
            this(message, cause, 0);
        }

        public CentralUnavailable(String message, Throwable cause, int status) {
            super(message, cause);
            this.status = status;
        }

        /** The HTTP status central (or a proxy before it) answered, 0 when there was no answer. */
        public int status() {
            return status;
        }
    }

    /** A failure that may pass by itself: tried again at once (with backoff) before it is reported. */
    public static class TransientFailure extends CentralUnavailable {
        public TransientFailure(String message, Throwable cause, int status) {
            super(message, cause, status);
        }
    }

    @PostConstruct
    void init() {
        tokensRefused = registry.counter("nq57.federation.tokens.refused");
    }

    /** True when this instance is configured to talk to central (URL, token endpoint and client). */
    public boolean configured() {
        return config.centralUrl().isPresent() && config.tokenUrl().isPresent() && config.clientId().isPresent()
                && config.clientSecret().isPresent();
    }

    /**
     * Makes a call to central ({@code what} names it in messages), trying a {@link TransientFailure} twice more.
     *
     * @throws CentralUnavailable when central cannot be reached or does not answer 2xx (with its status and body)
     */
    @Retry(maxRetries = 2, delay = 250, jitter = 100, retryOn = TransientFailure.class)
    @ExponentialBackoff(factor = 4, maxDelay = 4, maxDelayUnit = ChronoUnit.SECONDS)
    public <T> T call(String what, Function<CentralApi, T> call) {
        return callOnce(what, call);
    }

    /**
     * As {@link #call}, without trying again: for the forwarder, whose next round sends what is pending then (a batch
     * tried again here would leave out what was written meanwhile) after its own backoff.
     */
    public <T> T callOnce(String what, Function<CentralApi, T> call) {
        try {
            return call.apply(api());
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String message = what + " at central answered " + status + ": " + body(e);
            if (status == 401) {
                tokensRefused.increment();
                LOG.infof("Central refused the federation token (%s): the next attempt has a new one", what);
            }
            throw status == 401 || status == 502 || status == 503 || status == 504
                    ? new TransientFailure(message, e, status) : new CentralUnavailable(message, e, status);
        } catch (ProcessingException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new TransientFailure(what + " at central failed: " + cause, e, 0);
        }
    }

    private CentralApi api() {
        CentralApi a = api;
        if (a == null) {
            synchronized (this) {
                if (api == null) {
                    String url = config.centralUrl().orElseThrow(
                            () -> new CentralUnavailable("nq57.federation.central-url is not set", null));
                    api = QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url.replaceAll("/+$", "")))
                            .connectTimeout(5, TimeUnit.SECONDS)
                            .readTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .build(CentralApi.class);
                }
                a = api;
            }
        }
        return a;
    }

    private static String body(WebApplicationException e) {
        try {
            String body = e.getResponse().hasEntity() ? e.getResponse().readEntity(String.class) : "";
            return body.length() > 300 ? body.substring(0, 300) + "…" : body;
        } catch (RuntimeException unreadable) {
            return "";
        }
    }
}
