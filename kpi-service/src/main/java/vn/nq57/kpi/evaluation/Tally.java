package vn.nq57.kpi.evaluation;

import com.fasterxml.jackson.databind.util.RawValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.nq57.kpi.evaluation.EvaluationViews.RollUp;
import vn.nq57.kpi.evaluation.Evaluator.Status;

/**
 * The counts behind a scorecard's roll-up, and its rule (pure): indicators per status, the sum and count of progress
 * (capped at 100 %), values used, the latest evaluation, and the indicators without data (the first {@link #NAMED} by
 * code). Tallies merge exactly — sums, never averages of averages — so a System's roll-up is its initiatives' and its
 * strategic indicators' together.
 */
final class Tally {

    /** A roll-up is GREEN from this share of GREEN (AMBER counting half) among evaluated indicators, AMBER from 0.5. */
    static final double GREEN_SHARE = 0.8;
    static final double AMBER_SHARE = 0.5;
    /** How many indicators without data a roll-up names. */
    static final int NAMED = 20;

    /** A scorecard line: what a roll-up counts of it, and its JSON as the evaluation stored it. */
    record Line(String code, Status status, BigDecimal progress, int valuesUsed, OffsetDateTime asOf, RawValue json) {
    }

    int n;
    int green;
    int amber;
    int red;
    int grey;
    BigDecimal progressSum = BigDecimal.ZERO;
    int progressCount;
    long values;
    OffsetDateTime asOf;
    int withoutData;
    final List<String> withoutDataCodes = new ArrayList<>();

    static Tally of(List<Line> lines) {
        Tally t = new Tally();
        lines.forEach(t::add);
        return t;
    }

    void add(Line s) {
        n++;
        switch (s.status()) {
            case GREEN -> green++;
            case AMBER -> amber++;
            case RED -> red++;
            case GREY -> grey++;
        }
        if (s.progress() != null) {
            progressSum = progressSum.add(s.progress().min(BigDecimal.valueOf(100)));
            progressCount++;
        }
        values += s.valuesUsed();
        asOf = later(asOf, s.asOf());
        if (s.valuesUsed() == 0) {
            withoutData++;
            name(s.code());
        }
    }

    void merge(Tally o) {
        n += o.n;
        green += o.green;
        amber += o.amber;
        red += o.red;
        grey += o.grey;
        progressSum = progressSum.add(o.progressSum);
        progressCount += o.progressCount;
        values += o.values;
        asOf = later(asOf, o.asOf);
        withoutData += o.withoutData;
        o.withoutDataCodes.forEach(this::name);
    }

    RollUp rollUp() {
        int evaluated = green + amber + red;
        Status status;
        if (evaluated == 0) {
            status = Status.GREY;
        } else {
            double share = (green + 0.5 * amber) / evaluated;
            status = share >= GREEN_SHARE ? Status.GREEN : share >= AMBER_SHARE ? Status.AMBER : Status.RED;
        }
        BigDecimal average = progressCount == 0 ? null
                : Evaluator.scale(progressSum.divide(BigDecimal.valueOf(progressCount), 4, RoundingMode.HALF_UP), 2);
        List<String> codes = new ArrayList<>(withoutDataCodes);
        codes.sort(Comparator.naturalOrder());
        return new RollUp(n, green, amber, red, grey, status, average, values, asOf, withoutData, codes);
    }

    private void name(String code) {
        if (withoutDataCodes.size() < NAMED) {
            withoutDataCodes.add(code);
        }
    }

    private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
