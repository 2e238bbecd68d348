package vn.nq57.kpi.indicator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** STRATEGIC indicators are national, per System; OPERATIONAL indicators belong to one Initiative. */
@Schema(description = "STRATEGIC: a national indicator of a System; OPERATIONAL: an indicator of one initiative")
public enum Tier {
    STRATEGIC, OPERATIONAL
}
