package vn.nq57.kpi.measurement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.nq57.kpi.events.KpiEvents;
import vn.nq57.kpi.measurement.MeasurementRows.Checked;
import vn.nq57.kpi.measurement.MeasurementRows.Existing;
import vn.nq57.kpi.measurement.MeasurementRows.IndicatorRef;
import vn.nq57.kpi.measurement.MeasurementRows.Kind;
import vn.nq57.kpi.measurement.MeasurementViews.BatchEventData;
import vn.nq57.kpi.measurement.MeasurementViews.ImportSummary;
import vn.nq57.kpi.measurement.MeasurementViews.MeasurementEventData;
import vn.nq57.kpi.measurement.MeasurementViews.Row;
import vn.nq57.kpi.measurement.MeasurementViews.RowStatus;
import vn.nq57.platform.audit.AuditTrail;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.outbox.Outbox;
import vn.nq57.platform.period.Period;
import vn.nq57.platform.security.AgencyHierarchy;
import vn.nq57.platform.security.Caller;
import vn.nq57.platform.upload.ImportMode;

/**
 * Records measurement values, one or many: the rows are checked in memory by {@link MeasurementRows} (indicators and
 * agencies read once per request), the current values they replace are read and locked in one statement and the
 * changes written set-based by {@link MeasurementStore}, and a batch is announced with one event per chunk. A single
 * submission is a batch of one with its own error mapping.
 */
@ApplicationScoped
public class MeasurementImport {

    public static final int MAX_ROWS = 10_000;

    @Inject
    Clock clock;

    @Inject
    MeasurementStore store;

    @Inject
    Caller caller;

    @Inject
    AgencyHierarchy hierarchy;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    vn.nq57.platform.federation.Federation federation;

    @Inject
    vn.nq57.platform.federation.Commissioning commissioning;

    /** The outcome of a single submission: the value as written, or null when it was unchanged (nothing written). */
    public record Single(UUID id, RowStatus outcome, Existing before, MeasurementViews.MeasurementView written) {
    }

    /** Imports a JSON or CSV batch and answers with its summary; an all-or-nothing failure is a problem. */
    @Transactional
    public ImportSummary importRows(List<Row> rows, ImportMode mode, String source) {
        if (rows.isEmpty()) {
            throw ApiException.badRequest("measurements", "the batch has no rows");
        }
        if (rows.size() > MAX_ROWS) {
            throw ApiException.badRequest("measurements", "a batch holds at most " + MAX_ROWS + " rows (got "
                    + rows.size() + "); split it");
        }
        UUID batchId = UUID.randomUUID();
        List<Checked> checked = check(rows);
        List<Checked> valid = checked.stream().filter(c -> !c.rejected()).toList();
        store.lockAndLoad(valid);
        valid.forEach(MeasurementRows::classify);
        if (mode == ImportMode.ATOMIC) {
            List<Integer> forbidden = checked.stream().filter(c -> c.kind == Kind.FORBIDDEN).map(c -> c.row.row())
                    .toList();
            if (!forbidden.isEmpty()) {
                throw ApiException.forbidden("row(s) " + MeasurementRows.abbreviate(forbidden) + " report for agencies outside your "
                                + "scope (" + scopeText() + "); nothing was written")
                        .with("importSummary", MeasurementRows.summary(checked, mode, false, batchId));
            }
        }
        long rejected = checked.stream().filter(Checked::rejected).count();
        if (mode == ImportMode.ATOMIC && rejected > 0) {
            throw ApiException.unprocessable(rejected + " of " + rows.size() + " row(s) were rejected; nothing was "
                            + "written (send ?mode=partial to keep the valid rows)")
                    .with("importSummary", MeasurementRows.summary(checked, mode, false, batchId));
        }
        List<Checked> changed = checked.stream().filter(c -> !c.rejected() && c.outcome != RowStatus.UNCHANGED)
                .toList();
        OffsetDateTime now = now();
        store.write(changed, now, true);
        ImportSummary summary = MeasurementRows.summary(checked, mode, !changed.isEmpty(), batchId);
        if (!changed.isEmpty()) {
            publishBatch(batchId, changed, now);
        }
        audit.record("measurement.batch-imported", "measurement-batch", batchId, null,
                Map.of("source", source, "mode", mode.name(), "importCount", summary.importCount()));
        return summary;
    }

    /**
     * Records one value. Refusals: bad field 400, unknown indicator or agency 422, agency outside the caller's scope
     * 403, approved (locked) value 409, stale If-Match 412.
     */
    @Transactional
    public Single single(Row row, String ifMatch) {
        Checked c = check(List.of(row)).get(0);
        if (c.rejected()) {
            throw problem(c);
        }
        store.lockAndLoad(List.of(c));
        if (c.existing != null) {
            federation.requireOwned(c.existing.origin(), "Measurement", c.existing.id());
        }
        if (ifMatch != null) {
            if (c.existing == null) {
                throw ApiException.preconditionFailed("If-Match was sent but there is no value yet for "
                        + c.indicator.code() + " " + c.period + " " + c.agency);
            }
            vn.nq57.platform.http.ETags.require(ifMatch, c.existing.version());
        }
        MeasurementRows.classify(c);
        if (c.rejected()) {
            throw problem(c);
        }
        if (c.outcome == RowStatus.UNCHANGED) {
            return new Single(c.id, c.outcome, c.existing, null);
        }
        OffsetDateTime now = now();
        store.write(List.of(c), now, false);
        return new Single(c.id, c.outcome, c.existing, written(c, now));
    }

    /** A row as {@link MeasurementStore#write} stored it (own, so no origin; its stored value, version and first submission). */
    private MeasurementViews.MeasurementView written(Checked c, OffsetDateTime now) {
        return written(c, now, caller.subject(), federation.originOf(null));
    }

    /** As stored after the write by {@code actor}; {@code origin}: this instance (read once for a batch). */
    private static MeasurementViews.MeasurementView written(Checked c, OffsetDateTime now, String actor,
                                                             String origin) {
        return new MeasurementViews.MeasurementView(c.id, c.indicator.id(), c.indicator.code(), c.period.toString(),
                c.agency, c.storedValue, c.status, c.note, c.evidenceLink, null, actor, now,
                c.firstSubmittedAt, null, null, c.originInstance, c.version, origin);
    }

    private ApiException problem(Checked c) {
        return switch (c.kind) {
            case FORBIDDEN -> ApiException.forbidden(c.reasons.stream().filter(r -> r.field().equals("agency"))
                    .findFirst().orElse(c.reasons.get(0)).message());
            case UNKNOWN -> ApiException.unprocessable(c.reasons.get(0).message())
                    .with("field", c.reasons.get(0).field());
            case LOCKED -> ApiException.conflict(c.reasons.get(0).message())
                    .with("currentStatus", MeasurementStatus.APPROVED);
            case REPLICA -> new ApiException(409, vn.nq57.platform.error.ProblemTypes.READ_ONLY_REPLICA,
                    "Read-only replica", c.reasons.get(0).message(), List.of()).with("owner", c.owner);
            case INVALID -> ApiException.badRequest(c.reasons.size() + " field(s) are invalid: "
                    + c.reasons.get(0).message(), c.reasons);
        };
    }

    /** Checks the rows with what the rules need to know, read in one round trip. */
    private List<Checked> check(List<Row> rows) {
        Map<String, IndicatorRef> indicators = new HashMap<>();
        Set<String> agencies = new HashSet<>();
        store.references(rows, indicators, agencies);
        return MeasurementRows.check(rows, new MeasurementRows.Context(indicators, agencies, scope(), scopeText(),
                commissioning::ownerOf, (agency, owner) -> commissioning.readOnlyAgency(agency, "a value", owner)
                        .getMessage(), Period.today(clock)));
    }

    /** The agencies the caller may report for; null for all (central admin). */
    private Set<String> scope() {
        if (caller.isCentralAdmin()) {
            return null;
        }
        return caller.agency() == null ? Set.of() : hierarchy.subtree(caller.agency());
    }

    private String scopeText() {
        return caller.agency() == null ? "your token names no agency"
                : "you act for " + caller.agency() + " and the agencies below it";
    }

    private void publishBatch(UUID batchId, List<Checked> changed, OffsetDateTime now) {
        int chunk = KpiEvents.BATCH_EVENT_CHUNK;
        int chunks = (changed.size() + chunk - 1) / chunk;
        String actor = caller.subject();
        String origin = federation.originOf(null);
        for (int k = 0; k < chunks; k++) {
            List<MeasurementEventData> data = changed.subList(k * chunk, Math.min(changed.size(), (k + 1) * chunk))
                    .stream().map(c -> MeasurementEventData.of(written(c, now, actor, origin), null, actor, now))
                    .toList();
            outbox.publish(KpiEvents.TOPIC, KpiEvents.MEASUREMENTS_RECORDED, "measurement-batch", batchId, k + 1,
                    new BatchEventData(batchId, k + 1, chunks, data));
        }
    }

    /** Now, at the precision PostgreSQL keeps (so that an answer built here equals the row read back). */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
