package vn.nq57.platform.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Down, at a ministry: pulls the national catalogue from the same service at central by cursor, on a schedule
 * ({@code nq57.federation.catalog-interval}) and on demand ({@code POST /api/v1/federation/sync}). Each page is
 * applied by the service's {@link CatalogFeed.Sink} in one transaction with the new cursor, so a crash re-pulls at most
 * one page and a change at central arrives within one interval.
 */
@ApplicationScoped
public class CatalogPuller {

    private static final Logger LOG = Logger.getLogger(CatalogPuller.class);

    @Inject
    Federation federation;

    @Inject
    FederationConfig config;

    @Inject
    CentralClient central;

    @Inject
    FederationState state;

    @Inject
    Instance<CatalogFeed.Sink> sinks;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    private final ReentrantLock running = new ReentrantLock();

    /** What a pull did. */
    public record Pull(int applied, long cursor) {
    }

    /** True when this instance pulls a catalogue (a ministry with a sink and central configured). */
    public boolean active() {
        return federation.isMinistry() && sinks.isResolvable() && central.configured();
    }

    @Scheduled(every = "${nq57.federation.catalog-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (!active()) {
            return;
        }
        try {
            pull();
        } catch (RuntimeException e) {
            LOG.warnf("Catalogue pull from central failed (retried in %s): %s", config.catalogInterval(), e.getMessage());
        }
    }

    /** Pulls every change after the stored cursor; failures are recorded in the federation state and rethrown. */
    @ActivateRequestContext
    public Pull pull() {
        running.lock();
        try {
            int applied = 0;
            long cursor = state.read(FederationState.CATALOGUE).position();
            boolean more = true;
            while (more) {
                JsonNode page;
                try {
                    long since = cursor;
                    page = central.call("reading the catalogue",
                            api -> api.catalog(since, config.catalogPageSize()));
                } catch (RuntimeException e) {
                    state.failed(FederationState.CATALOGUE, e.getMessage());
                    throw e;
                }
                CatalogFeed.Page items = mapper.convertValue(page, CatalogFeed.Page.class);
                long next = items.next();
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        CatalogFeed.Sink sink = sinks.get();
                        items.items().forEach(sink::apply);
                        state.succeeded(FederationState.CATALOGUE, next, items.items().size(), 0);
                    });
                } catch (RuntimeException e) {
                    state.failed(FederationState.CATALOGUE, "applying the page after " + cursor + ": " + e.getMessage());
                    throw e;
                }
                applied += items.items().size();
                registry.counter("nq57.federation.catalog.applied").increment(items.items().size());
                more = items.more() && next > cursor;
                cursor = Math.max(cursor, next);
            }
            return new Pull(applied, cursor);
        } finally {
            running.unlock();
        }
    }

    /** Starts the next pull from {@code from} (0: the whole catalogue again). */
    public void resetCursor(long from) {
        QuarkusTransaction.joiningExisting().run(() -> state.reset(FederationState.CATALOGUE, from));
    }
}
