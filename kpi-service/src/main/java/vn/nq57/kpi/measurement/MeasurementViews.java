package vn.nq57.kpi.measurement;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nq57.kpi.federation.Origins;
import vn.nq57.platform.upload.ImportMode;
import vn.nq57.platform.error.Problem;

/** DTOs of measurements, their history, approval and import summaries. */
public final class MeasurementViews {
    private MeasurementViews() {
    }

    /** One value to record (single submission). */
    @Schema(description = "One value of an indicator for a period and a reporting agency")
    public record MeasurementRequest(
            @Schema(examples = "R57-RD-GDP", description = "The indicator's code or id") @NotBlank @Size(max = 40) String indicator,
            @Schema(examples = "2025", description = "The period: YYYY, YYYYQn or YYYY-MM, matching the indicator's "
                    + "frequency; not in the future") @NotBlank @Size(max = 10) String period,
            @Schema(examples = "BKHCN", description = "Code of the reporting agency (yours or one below it)")
            @NotBlank @Size(max = 50) String agency,
            @Schema(examples = "0.75", description = "The value, in the indicator's unit (at most 18 digits before "
                    + "and 6 after the decimal point)") @NotNull @Digits(integer = 18, fraction = 6) BigDecimal value,
            @Schema(description = "A note on the value (optional)",
                    examples = "Số liệu sơ bộ, chờ Cục Thống kê công bố chính thức") @Size(max = 5000) String note,
            @Schema(description = "A link to the evidence: the report or data set the value comes from (optional)",
                    examples = "https://www.most.gov.vn/bao-cao/dieu-tra-rd-2025.pdf") @Size(max = 2000) String evidenceLink,
            @Schema(description = "DRAFT (kept for later, not counted) or SUBMITTED (default)", examples = "SUBMITTED")
            MeasurementStatus status) {

        Row toRow() {
            return new Row(1, indicator, period, agency, value == null ? null : value.toPlainString(), note,
                    evidenceLink, status == null ? null : status.name());
        }
    }

    /**
     * One row of a JSON batch. Fields are read as text so that a bad row is reported in the summary instead of
     * failing the whole request; {@code value} may be a JSON number or a string.
     */
    @Schema(description = "One row of a batch: read as text, so that a bad row is reported in the summary instead of "
            + "failing the whole request")
    public record BatchRow(@Schema(description = "The indicator's code or id", examples = "R57-RD-GDP") String indicator,
                           @Schema(description = "The period: YYYY, YYYYQn or YYYY-MM, matching the indicator's "
                                   + "frequency", examples = "2025") String period,
                           @Schema(description = "Code of the reporting agency", examples = "BKHCN") String agency,
                           @Schema(description = "The value: a decimal number, as a JSON number or as text",
                                   examples = "0.75", oneOf = {String.class, java.math.BigDecimal.class})
                           @com.fasterxml.jackson.databind.annotation.JsonDeserialize(
                                   using = vn.nq57.platform.json.NumberOrText.class) String value,
                           @Schema(description = "A note on the value (optional)", examples = "Số liệu sơ bộ") String note,
                           @Schema(description = "A link to the evidence (optional)",
                                   examples = "https://www.most.gov.vn/bao-cao/dieu-tra-rd-2025.pdf") String evidenceLink,
                           @Schema(description = "DRAFT or SUBMITTED (default)", examples = "SUBMITTED") String status) {
    }

    /** A JSON batch of up to 10,000 rows. */
    @Schema(description = "A batch of up to 10,000 values")
    public record BatchRequest(@Schema(description = "The rows (1 to 10,000), numbered from 1 in the summary",
                                       examples = "[{\"indicator\": \"R57-RD-GDP\", \"period\": \"2025\", \"agency\": "
                                               + "\"BKHCN\", \"value\": \"0.75\", \"status\": \"SUBMITTED\"}]")
                               @NotNull @Size(min = 1, max = MeasurementImport.MAX_ROWS) List<@NotNull BatchRow> measurements) {
    }

    /** A row as the import reads it, from JSON or CSV; {@code row} counts data rows from 1. */
    public record Row(int row, String indicator, String period, String agency, String value, String note,
                      String evidenceLink, String status, String malformed) {
        public Row(int row, String indicator, String period, String agency, String value, String note,
                   String evidenceLink, String status) {
            this(row, indicator, period, agency, value, note, evidenceLink, status, null);
        }
    }

    @Schema(description = "A reported value with its approval state")
    public record MeasurementView(UUID id, UUID indicatorId, String indicatorCode, String period, String agency,
                                  BigDecimal value, MeasurementStatus status, String note, String evidenceLink,
                                  String returnReason, String submittedBy, OffsetDateTime submittedAt,
                                  OffsetDateTime firstSubmittedAt, String decidedBy, OffsetDateTime decidedAt,
                                  String originInstance, long version,
                                  @Schema(description = "the instance that owns the value (a ministry's values at "
                                          + "central are read-only replicas)") String origin) {
        public static MeasurementView of(Measurement m, String indicatorCode) {
            return new MeasurementView(m.id, m.indicatorId, indicatorCode, m.period, m.agencyCode, m.value, m.status,
                    m.note, m.evidenceLink, m.returnReason, m.submittedBy, m.submittedAt, m.firstSubmittedAt,
                    m.decidedBy, m.decidedAt, m.originInstance, m.version, Origins.shown(m.origin));
        }
    }

    /** One change of a measurement: who, when, old and new value and status, why. */
    @Schema(description = "One change of a value: who, when, old and new value and status, why")
    public record HistoryView(String action, BigDecimal oldValue, BigDecimal newValue, MeasurementStatus oldStatus,
                              MeasurementStatus newStatus, String reason, String actor, String actorAgency,
                              OffsetDateTime occurredAt, long version) {
    }

    /** Why: required to return or reopen a value, optional to approve or submit. */
    @Schema(description = "Why a step is taken (the body is optional to submit or approve)")
    public record DecisionRequest(@Schema(description = "Why: required to return or reopen a value, optional to "
                                          + "submit or approve; kept in the value's history",
                                          examples = "Số liệu chưa khớp với báo cáo thống kê năm 2025")
                                  @Size(max = 5000) String reason) {
    }

    /** A value in a decision list; {@code version}, when given, must still be the value's (as If-Match). */
    @Schema(description = "A value in a decision list")
    public record DecisionItem(@Schema(type = SchemaType.STRING, format = "uuid", description = "The value's id",
                                       examples = "4e2a9c7b-1d3f-4a6e-8b5c-0f9d2e7a1b36")
                               @NotNull UUID id,
                               @Schema(description = "The version read (optional, as If-Match): if the value has "
                                       + "changed since, it is rejected with 412", examples = "3")
                               @jakarta.validation.constraints.PositiveOrZero Long version) {
    }

    /** One step for up to {@link MeasurementService#MAX_DECISIONS} values. */
    @Schema(description = "One approval step for up to 1,000 values")
    public record DecisionsRequest(@Schema(description = "The step: SUBMIT, APPROVE, RETURN or REOPEN",
                                           examples = "APPROVE") @NotNull Decision action,
                                   @Schema(description = "Why: required to RETURN or REOPEN, optional otherwise",
                                           examples = "Đã đối chiếu với báo cáo thống kê năm 2025")
                                   @Size(max = 5000) String reason,
                                   @Schema(description = "The values (1 to 1,000)", examples = "[{\"id\": "
                                           + "\"4e2a9c7b-1d3f-4a6e-8b5c-0f9d2e7a1b36\", \"version\": 3}]")
                                   @NotNull @Size(min = 1, max = MeasurementService.MAX_DECISIONS)
                                   List<@NotNull @jakarta.validation.Valid DecisionItem> measurements) {
    }

    /** The outcome of one value of a decision list: its new status and version, or why it was refused. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The result of one value of a decision list")
    public record DecisionResult(int row, UUID id, String status, Long version, Integer httpStatus, String reason) {

        static DecisionResult rejected(int row, UUID id, int httpStatus, String reason) {
            return new DecisionResult(row, id, "REJECTED", null, httpStatus, reason);
        }

        boolean rejected() {
            return httpStatus != null;
        }
    }

    @Schema(description = "How many values of a decision list ended in each state")
    public record DecisionCount(int decided, int rejected, int total) {
    }

    /**
     * The answer to a decision list, shaped as the import summary: {@code status} SUCCESS (every value decided),
     * WARNING (partial mode, some refused) or ERROR (nothing changed).
     */
    @Schema(description = "The answer to a decision list: counts and one result per value")
    public record DecisionSummary(String status, String mode, boolean committed, Decision action, DecisionCount count,
                                  List<DecisionResult> rows) {

        static DecisionSummary of(Decision action, ImportMode mode, boolean committed,
                                  List<DecisionResult> rows) {
            int refused = (int) rows.stream().filter(DecisionResult::rejected).count();
            String status = refused == 0 ? "SUCCESS" : committed ? "WARNING" : "ERROR";
            return new DecisionSummary(status, mode.name(), committed, action,
                    new DecisionCount(rows.size() - refused, refused, rows.size()), rows);
        }
    }

    /**
     * What the events of a measurement carry: the change (reason, actor, at) and the value's full state after it, so
     * that central can upsert a ministry's value from one event (event-carried state transfer).
     */
    @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = MeasurementEventJson.class)
    public record MeasurementEventData(UUID id, UUID indicatorId, String indicatorCode, String period, String agency,
                                       BigDecimal value, MeasurementStatus status, String reason, String actor,
                                       OffsetDateTime at, String originInstance, long version, String note,
                                       String evidenceLink, String returnReason, String submittedBy,
                                       OffsetDateTime submittedAt, OffsetDateTime firstSubmittedAt, String decidedBy,
                                       OffsetDateTime decidedAt, String origin) {

        /** The state of a stored value after a change by {@code actor} at {@code at}. */
        public static MeasurementEventData of(Measurement m, String code, String reason, String actor,
                                              OffsetDateTime at) {
            return of(MeasurementView.of(m, code), reason, actor, at);
        }

        /** The state a view shows (as stored, e.g. built from an upsert's RETURNING) after a change. */
        public static MeasurementEventData of(MeasurementView v, String reason, String actor, OffsetDateTime at) {
            return new MeasurementEventData(v.id(), v.indicatorId(), v.indicatorCode(), v.period(), v.agency(),
                    v.value(), v.status(), reason, actor, at, v.originInstance(), v.version(), v.note(),
                    v.evidenceLink(), v.returnReason(), v.submittedBy(), v.submittedAt(), v.firstSubmittedAt(),
                    v.decidedBy(), v.decidedAt(), v.origin());
        }
    }

    /** A batch event: the measurements one chunk of a batch recorded or changed. */
    public record BatchEventData(UUID batchId, int chunk, int chunks, List<MeasurementEventData> measurements) {
    }

    @Schema(description = "What happened to one row of a batch")
    public enum RowStatus { IMPORTED, UPDATED, UNCHANGED, REJECTED }

    /** The outcome of one row: the reasons are set for a rejected row. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = RowResultJson.class)
    @Schema(description = "The result of one row of a batch: imported, updated, unchanged, or rejected with why")
    public record RowResult(int row, RowStatus status, String indicator, String period, String agency,
                            UUID measurementId, Long version, List<Problem.Violation> reasons) {
    }

    @Schema(description = "How many rows of a batch ended in each state")
    public record ImportCount(int imported, int updated, int unchanged, int rejected, int total) {
    }

    /**
     * The answer to a batch, modelled on DHIS2's import summary: {@code status} SUCCESS (every row accepted),
     * WARNING (partial mode, some rows rejected) or ERROR (nothing written); {@code committed} says whether anything
     * was written; one entry per row.
     */
    @Schema(description = "The answer to a batch of values: counts and one result per row (row number, field, message)")
    public record ImportSummary(String status, String mode, boolean committed, UUID batchId, ImportCount importCount,
                                List<RowResult> rows) {
    }
}
