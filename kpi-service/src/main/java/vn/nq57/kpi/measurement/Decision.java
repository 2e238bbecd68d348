package vn.nq57.kpi.measurement;

import static vn.nq57.kpi.measurement.MeasurementStatus.APPROVED;
import static vn.nq57.kpi.measurement.MeasurementStatus.DRAFT;
import static vn.nq57.kpi.measurement.MeasurementStatus.RETURNED;
import static vn.nq57.kpi.measurement.MeasurementStatus.SUBMITTED;

import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nq57.kpi.events.KpiEvents;
import vn.nq57.platform.security.Roles;

/** A step of the approval workflow: the statuses it applies to, where it leads, and who may take it. */
@Schema(description = "A workflow step applied to a list of values")
public enum Decision {
    /** DRAFT or RETURNED → SUBMITTED, by a submitter of the agency (or above it). */
    SUBMIT(EnumSet.of(DRAFT, RETURNED), SUBMITTED, false, "SUBMITTED", KpiEvents.MEASUREMENT_SUBMITTED,
            Roles.DATA_SUBMITTER, Roles.MINISTRY_ADMIN),
    /** SUBMITTED → APPROVED, by an approver of the agency or of an agency above it; the value is then locked. */
    APPROVE(EnumSet.of(SUBMITTED), APPROVED, false, "APPROVED", KpiEvents.MEASUREMENT_APPROVED, Roles.MINISTRY_ADMIN),
    /** SUBMITTED → RETURNED with a reason, by an approver. */
    RETURN(EnumSet.of(SUBMITTED), RETURNED, true, "RETURNED", KpiEvents.MEASUREMENT_RETURNED, Roles.MINISTRY_ADMIN),
    /** APPROVED → SUBMITTED with a reason, by an approver: unlocks the value so it can be corrected. */
    REOPEN(EnumSet.of(APPROVED), SUBMITTED, true, "REOPENED", KpiEvents.MEASUREMENT_REOPENED, Roles.MINISTRY_ADMIN);

    final Set<MeasurementStatus> from;
    final MeasurementStatus to;
    final boolean reasonRequired;
    /** The history action and audit name. */
    final String action;
    final String eventType;
    /** Roles that may take the step in their agency's subtree (a central admin may anywhere). */
    final String[] roles;

    Decision(Set<MeasurementStatus> from, MeasurementStatus to, boolean reasonRequired, String action,
             String eventType, String... roles) {
        this.from = from;
        this.to = to;
        this.reasonRequired = reasonRequired;
        this.action = action;
        this.eventType = eventType;
        this.roles = roles;
    }
}
