package vn.nq57.platform.period;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How often an indicator is reported; a measurement's period must be of the matching type. */
@Schema(description = "How often the indicator is reported: the form of its periods (2026, 2026Q1, 2026-03)")
public enum Frequency {
    ANNUAL("YYYY, e.g. 2026"),
    QUARTERLY("YYYYQn, e.g. 2026Q1"),
    MONTHLY("YYYY-MM, e.g. 2026-03");

    private final String format;

    Frequency(String format) {
        this.format = format;
    }

    public String format() {
        return format;
    }
}
