package vn.nq57.initiative.scorecard;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Predicate;
import vn.nq57.initiative.scorecard.ScorecardViews.ScorecardChange;

/**
 * The live stream behind {@code GET /api/v1/scorecard/stream}: changes are announced after their transaction commits
 * (never for a rolled-back write) and fanned out to every subscriber, with a heartbeat every 15 seconds.
 */
@ApplicationScoped
public class ScorecardStream {

    private final BroadcastProcessor<ScorecardChange> processor = BroadcastProcessor.create();

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ScorecardChange change) {
        processor.onNext(change);
    }

    /**
     * Changes for a subscriber: those of {@code system} (if given) and of the agencies in {@code agencies} (null:
     * all agencies).
     */
    public Multi<ScorecardChange> subscribe(String system, Set<String> agencies) {
        Predicate<ScorecardChange> wanted = c -> (system == null || system.equalsIgnoreCase(c.system()))
                && (agencies == null || (c.agency() != null && agencies.contains(c.agency().toUpperCase())));
        Multi<ScorecardChange> heartbeat = Multi.createFrom().ticks().every(Duration.ofSeconds(15))
                .map(t -> new ScorecardChange("heartbeat", null, null, null, null, null, OffsetDateTime.now(ZoneOffset.UTC)));
        return Multi.createBy().merging().streams(processor.filter(wanted), heartbeat);
    }
}
