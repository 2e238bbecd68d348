package vn.nq57.kpi.indicator;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** The value an indicator should reach by the end of a target period (a year: 2026, 2030, 2045). */
@Embeddable
public class IndicatorTarget {
    public String period;
    public BigDecimal value;
    /** The wording of the source, e.g. "> 60%" or "16–18% mỗi năm". */
    public String note;

    public IndicatorTarget() {
    }

    public IndicatorTarget(String period, BigDecimal value, String note) {
        this.period = period;
        this.value = value;
        this.note = note;
    }
}
