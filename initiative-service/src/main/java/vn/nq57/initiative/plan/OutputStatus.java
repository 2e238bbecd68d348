package vn.nq57.initiative.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "State of an output (product) of an initiative")
public enum OutputStatus {
    PLANNED, IN_PROGRESS, DELIVERED, CANCELLED
}
