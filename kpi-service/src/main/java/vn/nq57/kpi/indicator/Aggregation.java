package vn.nq57.kpi.indicator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the values of several agencies for one period combine into one (national or subtree) value; LATEST takes the most recently submitted. */
@Schema(description = "How the agencies' values of a period combine into the national one")
public enum Aggregation {
    SUM, AVERAGE, MAX, MIN, LATEST
}
