package vn.nq57.budget.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import vn.nq57.platform.error.ApiException;

/** Whole-VND arithmetic: sums are exact or refused, shares are decimals computed without floating point. */
public final class Money {

    /** The largest single amount accepted: 10^18 VND. */
    public static final long MAX_AMOUNT = 1_000_000_000_000_000_000L;

    private Money() {
    }

    /** a + b, or a 422 when the total leaves the range of whole VND this service keeps. */
    public static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw tooLarge();
        }
    }

    /** A SQL sum (numeric) as a long, or a 422 when it does not fit. */
    public static long exact(Object sqlNumber) {
        if (sqlNumber == null) {
            return 0L;
        }
        try {
            if (sqlNumber instanceof BigDecimal d) {
                return d.longValueExact();
            }
            if (sqlNumber instanceof BigInteger i) {
                return i.longValueExact();
            }
            return ((Number) sqlNumber).longValue();
        } catch (ArithmeticException e) {
            throw tooLarge();
        }
    }

    /** part / whole in percent with {@code scale} decimals (half-up), or null when the whole is 0. */
    public static BigDecimal percent(long part, long whole, int scale) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), scale, RoundingMode.HALF_UP);
    }

    /** part / whole in percent with 2 decimals (half-up), or null when the whole is 0. */
    public static BigDecimal percent(long part, long whole) {
        return percent(part, whole, 2);
    }

    /** Exactly whether part / whole ≥ threshold percent (no rounding: 2.9999 % does not pass 3 %). */
    public static boolean atLeastPercent(long part, long whole, BigDecimal thresholdPercent) {
        if (whole <= 0) {
            return false;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .compareTo(BigDecimal.valueOf(whole).multiply(thresholdPercent)) >= 0;
    }

    private static ApiException tooLarge() {
        return ApiException.unprocessable("the total exceeds " + Long.MAX_VALUE + " VND, the largest sum this service "
                + "keeps");
    }
}
