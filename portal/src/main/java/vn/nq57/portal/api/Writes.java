package vn.nq57.portal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What the services answer to a write: the problem (RFC 9457) when they refuse it, and the summaries of their batch
 * endpoints. Only the members the portal shows; unknown members are ignored.
 */
public final class Writes {
    private Writes() {
    }

    public record Violation(String field, String message) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Problem(String type, String title, int status, String detail, List<Violation> violations,
                          String currentStatus, List<String> allowed, Long remaining, String currentEtag,
                          ImportSummary importSummary, DecisionSummary decisionSummary) {
        public List<Violation> violations() {
            return violations == null ? List.of() : violations;
        }

        /** Someone else changed the record since the form was opened (412). */
        public boolean stale() {
            return status == 412;
        }
    }

    public record ImportCount(int total, int imported, int updated, int unchanged, int rejected) {
    }

    public record ImportRow(int row, String status, String indicator, String period, String agency,
                            List<Violation> reasons, UUID measurementId) {
    }

    public record ImportSummary(String batchId, boolean committed, ImportCount importCount, String mode,
                                List<ImportRow> rows, String status) {
    }

    public record DecisionItem(UUID id, Long version) {
    }

    public record Decisions(String action, String reason, List<DecisionItem> measurements) {
    }

    public record DecisionCount(int total, int decided, int rejected) {
    }

    public record DecisionResult(int row, UUID id, String status, Integer httpStatus, String reason, Long version) {
    }

    public record DecisionSummary(String action, boolean committed, DecisionCount count, String mode,
                                  List<DecisionResult> rows, String status) {
    }

    // request bodies

    /** A decision about a write central refused: RESUBMIT, WITHDRAW, ASK_CENTRAL (a ministry) or KEEP_CENTRAL. */
    public record Decision(String action, String note) {
    }
    public record MeasurementRequest(String indicator, String period, String agency, BigDecimal value, String note,
                                     String evidenceLink, String status) {
    }

    public record ObstacleRequest(UUID initiativeId, String filedByAgency, String askedAgency, String description,
                                  String request) {
    }

    public record Answer(String answer) {
    }

    public record Note(String note) {
    }

    public record TransitionRequest(String to, String reason) {
    }

    public record Delivery(String evidenceLink) {
    }

    public record DisbursementRequest(java.time.LocalDate date, Long amount, String paymentReference, String note) {
    }
}
