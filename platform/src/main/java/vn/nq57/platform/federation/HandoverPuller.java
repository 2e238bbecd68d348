package vn.nq57.platform.federation;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import vn.nq57.platform.error.ApiException;

/**
 * A ministry's side of the federation lifecycle (issue #20): pulls the rows central holds for this instance and writes
 * them as its own, kind by kind and page by page, each page in one transaction with its progress (a crash or a restart
 * goes on from the last page; writing a page twice changes nothing). It pulls when central says the instance is being
 * commissioned (then reports what it wrote, and central marks it FEDERATED), when central says it is federated and
 * this database holds no hand-over at all (a database restored from nothing: central's copy is the backup), and when
 * a ministry admin asks for a rebuild.
 */
@ApplicationScoped
public class HandoverPuller {

    private static final Logger LOG = Logger.getLogger(HandoverPuller.class);
    private static final int PAGE = 5000;

    @Inject
    Federation federation;

    @Inject
    CentralClient central;

    @Inject
    HandoverRows rows;

    @Inject
    Instance<Handover> handovers;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Inject
    CatalogPuller catalogue;

    private final ReentrantLock running = new ReentrantLock();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nq57-federation-handover");
        t.setDaemon(true);
        return t;
    });
    private volatile String lastError;
    private volatile String centralState;

    @Schema(name = "HandoverKindProgress", description = "How far the pull of one kind of row has come")
    public record KindProgress(String kind, boolean done, long applied, long kept, OffsetDateTime updatedAt) {
    }

    @Schema(name = "HandoverKept", description = "A row of central's copy this instance did not take")
    public record Kept(String kind, String key,
                       @Schema(description = "DUPLICATE (this instance holds a row of its own for the same key), "
                               + "MISSING_REFERENCE (a row it refers to is not here) or OTHER") String cause,
                       String reason, OffsetDateTime at) {
    }

    @Schema(name = "HandoverProgress", description = "A ministry instance's pull of its own rows from central")
    public record Progress(@Schema(description = "What central last said of this instance") String centralState,
                           @Schema(description = "The pull (central's startedAt of the commissioning, or the rebuild's "
                                   + "start)") OffsetDateTime runStarted,
                           boolean running, boolean complete, long applied, long kept, List<KindProgress> kinds,
                           @Schema(description = "The first rows not taken (at most 100)") List<Kept> keptRows,
                           String lastError) {
    }

    /** True at a ministry whose services hand rows over and that knows central. */
    public boolean active() {
        return federation.isMinistry() && rows.active() && central.configured();
    }

    @Scheduled(every = "${nq57.federation.catalog-interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (!active() || running.isLocked()) {
            return;
        }
        try {
            check();
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            LOG.warnf("Hand-over: %s (tried again in the next round)", e.getMessage());
        }
    }

    /** Asks central where this instance stands and pulls when it should. */
    @ActivateRequestContext
    public void check() {
        JsonNode at = central.call("reading this instance's state", api -> api.instance(federation.instanceId()));
        centralState = at.path("state").asText();
        OffsetDateTime startedAt = at.hasNonNull("startedAt") ? OffsetDateTime.parse(at.path("startedAt").asText()) : null;
        Progress local = progress();
        boolean sameRun = startedAt != null && local.runStarted() != null && local.runStarted().isEqual(startedAt);
        if ("COMMISSIONING".equals(centralState) && !(sameRun && local.complete())) {
            Map<String, Long> written = pull(startedAt, sameRun);
            central.call("reporting the hand-over", api -> {
                api.handoverReport(federation.instanceId(), Map.of("startedAt", startedAt.toString(), "written", written));
                return null;
            });
            LOG.infof("Hand-over complete: %s", written);
        } else if ("FEDERATED".equals(centralState) && local.kinds().isEmpty()) {
            LOG.infof("Central holds this instance's rows and this database holds none: pulling them (rebuild)");
            pull(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), false);
        }
    }

    /** A ministry admin's rebuild: pull every row central holds for this instance again (in the background). */
    public Progress rebuild() {
        if (!active()) {
            throw ApiException.conflict("only a ministry instance that knows central pulls its rows from central");
        }
        if (running.isLocked()) {
            throw ApiException.conflict("a pull is running; follow it at GET /api/v1/federation/handover");
        }
        OffsetDateTime run = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        background.submit(() -> {
            try {
                pullInContext(run);
            } catch (RuntimeException e) {
                lastError = e.getMessage();
                LOG.errorf(e, "Rebuild from central failed (ask again to go on from where it stopped)");
            }
        });
        return progress();
    }

    @ActivateRequestContext
    void pullInContext(OffsetDateTime run) {
        pull(run, false);
    }

    /**
     * Pulls every kind from where the run stopped (a new run starts from the beginning) and returns what was written
     * per kind in the whole run.
     */
    Map<String, Long> pull(OffsetDateTime run, boolean resume) {
        running.lock();
        try {
            lastError = null;
            Instant t0 = Instant.now();
            if (catalogue.active()) {
                // the rows name catalogue rows (indicators, agencies, Systems): bring the catalogue up to date first
                catalogue.pull();
            }
            if (!resume) {
                QuarkusTransaction.requiringNew().run(() -> {
                    em.createNativeQuery("DELETE FROM federation_handover").executeUpdate();
                    em.createNativeQuery("DELETE FROM federation_handover_kept").executeUpdate();
                    em.createNativeQuery("DELETE FROM federation_handover_written").executeUpdate();
                });
            }
            List<Handover.Kind> kinds = rows.kinds();
            Map<String, Long> written = new LinkedHashMap<>();
            long total = 0;
            for (int i = 0; i < kinds.size(); i++) {
                Handover.Kind kind = kinds.get(i);
                total += pullKind(kind, i, run);
                written.put(kind.name(), QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                                "SELECT rows_applied FROM federation_handover WHERE kind = ?1")
                        .setParameter(1, kind.name()).getSingleResult()).longValue()));
            }
            for (Handover.Kind kind : kinds) {
                if (!HandoverRows.AUDIT.equals(kind.name())) {
                    QuarkusTransaction.requiringNew().timeout(3600).run(() -> handovers.get().completed(kind));
                }
            }
            long millis = Duration.between(t0, Instant.now()).toMillis();
            LOG.infof("Hand-over pull of %d rows in %d ms (%s)", total, millis, written);
            return written;
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            throw e;
        } finally {
            running.unlock();
        }
    }

    private long pullKind(Handover.Kind kind, int position, OffsetDateTime run) {
        Object[] at = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("""
                            INSERT INTO federation_handover (kind, position, run_started) VALUES (?1, ?2, ?3)
                            ON CONFLICT (kind) DO NOTHING""")
                    .setParameter(1, kind.name()).setParameter(2, position).setParameter(3, run).executeUpdate();
            return (Object[]) em.createNativeQuery("SELECT after_key, done FROM federation_handover WHERE kind = ?1")
                    .setParameter(1, kind.name()).getSingleResult();
        });
        if (Boolean.TRUE.equals(at[1])) {
            return 0;
        }
        String after = (String) at[0];
        long total = 0;
        boolean more = true;
        while (more) {
            String from = after;
            JsonNode page = central.call("reading the hand-over of " + kind.name(),
                    api -> api.handover(kind.name(), PAGE, from));
            String next = page.hasNonNull("next") ? page.path("next").asText() : after;
            boolean pageMore = page.path("more").asBoolean(false);
            HandoverRows.Written w = QuarkusTransaction.requiringNew().call(() -> {
                HandoverRows.Written written = rows.write(kind, page.path("rows"), federation.instanceId());
                if (!HandoverRows.AUDIT.equals(kind.name()) && !written.keys().isEmpty()) {
                    handovers.get().imported(kind, written.keys());
                }
                em.createNativeQuery("""
                                UPDATE federation_handover SET after_key = ?2, rows_applied = rows_applied + ?3,
                                    rows_kept = rows_kept + ?4, done = ?5, updated_at = now() WHERE kind = ?1""")
                        .setParameter(1, kind.name()).setParameter(2, next).setParameter(3, written.applied())
                        .setParameter(4, written.kept()).setParameter(5, !pageMore).executeUpdate();
                return written;
            });
            registry.counter("nq57.federation.handover.rows", "kind", kind.name()).increment(w.applied());
            total += w.applied();
            more = pageMore && next != null && !next.equals(after);
            after = next;
        }
        return total;
    }

    /** Where the pull stands. */
    @SuppressWarnings("unchecked")
    public Progress progress() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> found = em.createNativeQuery("""
                            SELECT kind, done, rows_applied, rows_kept, updated_at, run_started
                            FROM federation_handover ORDER BY position""").getResultList();
            List<KindProgress> kinds = new ArrayList<>();
            OffsetDateTime run = null;
            long applied = 0;
            long kept = 0;
            for (Object[] r : found) {
                kinds.add(new KindProgress((String) r[0], (Boolean) r[1], ((Number) r[2]).longValue(),
                        ((Number) r[3]).longValue(), FederationState.time(r[4])));
                applied += ((Number) r[2]).longValue();
                kept += ((Number) r[3]).longValue();
                run = FederationState.time(r[5]);
            }
            List<Object[]> keptRows = em.createNativeQuery("""
                    SELECT kind, row_key, cause, reason, at FROM federation_handover_kept ORDER BY at, kind, row_key
                    LIMIT 100""")
                    .getResultList();
            boolean complete = !kinds.isEmpty() && kinds.size() == rows.kinds().size()
                    && kinds.stream().allMatch(KindProgress::done);
            return new Progress(centralState, run, running.isLocked(), complete, applied, kept, kinds,
                    keptRows.stream().map(r -> new Kept((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                            FederationState.time(r[4]))).toList(),
                    lastError);
        });
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
