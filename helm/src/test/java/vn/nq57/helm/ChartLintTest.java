package vn.nq57.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ChartLintTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nq57-common", "initiative-service", "kpi-service", "budget-service", "portal", "nq57"})
    void chartPassesStrictLintWithoutAnyMessage(String chart) {
        LintResult result = new Helm(Charts.chart(chart)).lint().strict().call();
        assertFalse(result.isFailed(), () -> chart + " fails strict lint: " + result.getMessages());
        assertEquals(List.of(), result.getMessages(), chart + ": lint has nothing to say, not even an INFO");
    }
}
