package vn.nq57.initiative.warning;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import vn.nq57.initiative.scorecard.ScorecardViews.ScorecardChange;
import vn.nq57.platform.period.Period;

/**
 * When the warnings are evaluated: shortly after a committed change (an event applied, an obstacle or output
 * written), and at least once each day (due dates need the calendar, not an event). Every replica runs it; the
 * advisory lock lets one at a time do the work.
 */
@ApplicationScoped
public class WarningSchedule {

    private static final Logger LOG = Logger.getLogger(WarningSchedule.class);

    @Inject
    Clock clock;

    @Inject
    WarningService warnings;

    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private volatile LocalDate lastDay;

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ScorecardChange change) {
        if (!"warning".equals(change.kind()) && !"heartbeat".equals(change.kind())) {
            dirty.set(true);
        }
    }

    private volatile boolean stopping;

    /** No run while the application shuts down (its database pool is closing). */
    void onStop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${nq57.warnings.every:20s}", delayed = "${nq57.warnings.delay:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (stopping) {
            return;
        }
        LocalDate today = Period.today(clock);
        if (!dirty.getAndSet(false) && today.equals(lastDay)) {
            return;
        }
        try {
            if (!warnings.evaluate(today).skipped()) {
                lastDay = today;
            }
        } catch (RuntimeException e) {
            dirty.set(true);
            LOG.warnf(e, "warnings: evaluation failed; retried at the next run");
        }
    }
}
