package vn.nq57.initiative.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The completion score of an agency (pure rule, documented in the README):
 *
 * <pre>
 * score = 100 × Σ wᵢ·rᵢ / Σ wᵢ   over the parts with at least one counted item
 * values       r = (on time + ½ late) / (on time + late + missing)          w = 0.40
 * outputs      r = (on time + ½ late) / (on time + late + overdue)          w = 0.30
 * obstacles    r = (in time + ½ late) / (in time + late + overdue)          w = 0.15
 * initiatives  r = (green + ½ amber) / (green + amber + red)               w = 0.15
 * </pre>
 *
 * Pending items (deadline not passed) and GREY initiatives are not counted. An agency with nothing counted has no
 * score and is not ranked.
 */
public final class ComplianceScore {

    public static final double VALUES = 0.40;
    public static final double OUTPUTS = 0.30;
    public static final double OBSTACLES = 0.15;
    public static final double INITIATIVES = 0.15;

    private ComplianceScore() {
    }

    /** The rate of one part, or -1 when nothing is counted. */
    static double rate(long good, long half, long bad) {
        long n = good + half + bad;
        return n == 0 ? -1 : (good + 0.5 * half) / n;
    }

    /** The score 0–100 with one decimal, or null when no part has anything counted. */
    public static BigDecimal score(long[] values, long[] outputs, long[] obstacles, long[] initiatives) {
        double sum = 0;
        double weights = 0;
        double[] rates = {rate(values[0], values[1], values[2]), rate(outputs[0], outputs[1], outputs[2]),
                rate(obstacles[0], obstacles[1], obstacles[2]), rate(initiatives[0], initiatives[1], initiatives[2])};
        double[] w = {VALUES, OUTPUTS, OBSTACLES, INITIATIVES};
        for (int i = 0; i < rates.length; i++) {
            if (rates[i] >= 0) {
                sum += w[i] * rates[i];
                weights += w[i];
            }
        }
        return weights == 0 ? null : BigDecimal.valueOf(100 * sum / weights).setScale(1, RoundingMode.HALF_UP);
    }
}
