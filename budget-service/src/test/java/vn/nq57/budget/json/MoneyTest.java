package vn.nq57.budget.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.error.ApiException;

/** Whole-VND arithmetic as plain rules: exact sums or a 422, shares without floating point. */
class MoneyTest {

    @Test
    void aSumIsExactOrRefusedWhenItLeavesTheRangeOfWholeVnd() {
        assertEquals(3_000_000_000_000_000_000L, Money.add(Money.MAX_AMOUNT * 2, Money.MAX_AMOUNT));
        ApiException e = assertThrows(ApiException.class, () -> Money.add(Long.MAX_VALUE, 1));
        assertEquals(422, e.status());
    }

    @Test
    void aSqlSumIsReadExactlyAndNoneIsZero() {
        assertEquals(0L, Money.exact(null));
        assertEquals(12_345L, Money.exact(new BigDecimal("12345")));
        assertEquals(12_345L, Money.exact(BigInteger.valueOf(12_345)));
        assertEquals(7L, Money.exact(7));
        assertEquals(422, assertThrows(ApiException.class,
                () -> Money.exact(new BigDecimal(Long.MAX_VALUE).add(BigDecimal.ONE))).status());
        assertEquals(422, assertThrows(ApiException.class, () -> Money.exact(new BigDecimal("1.5"))).status(),
                "a fraction of a dong is no whole sum");
    }

    @Test
    void aShareIsAPercentRoundedHalfUpAndNoneOfNothing() {
        assertEquals(new BigDecimal("33.33"), Money.percent(1, 3));
        assertEquals(new BigDecimal("66.67"), Money.percent(2, 3));
        assertEquals(new BigDecimal("66.7"), Money.percent(2, 3, 1));
        assertEquals(new BigDecimal("100.00"), Money.percent(5, 5));
        assertNull(Money.percent(5, 0), "no share of a zero whole");
    }

    @Test
    void theThresholdIsComparedExactlyWithoutRounding() {
        BigDecimal three = new BigDecimal("3");
        assertTrue(Money.atLeastPercent(3, 100, three));
        assertFalse(Money.atLeastPercent(29_999, 1_000_000, three), "2.9999 % does not pass 3 %");
        assertTrue(Money.atLeastPercent(30_000, 1_000_000, three));
        assertFalse(Money.atLeastPercent(0, 0, three), "nothing approved passes nothing");
    }
}
