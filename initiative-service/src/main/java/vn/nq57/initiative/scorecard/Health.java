package vn.nq57.initiative.scorecard;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Health and KPI status colours; the order is from worst to best, GREY (no data) apart. */
@Schema(description = "Red/amber/green health (GREY: no data yet)")
public enum Health {
    RED, AMBER, GREEN, GREY;

    static Health parse(String s) {
        try {
            return s == null ? GREY : Health.valueOf(s.toUpperCase());
        } catch (IllegalArgumentException e) {
            return GREY;
        }
    }
}
