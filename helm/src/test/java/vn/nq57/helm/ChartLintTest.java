package vn.nq57.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;

class ChartLintTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nq57-common", "initiative-service", "kpi-service", "budget-service", "nq57"})
    void chartPassesStrictLint(String chart) {
        LintResult result = new Helm(Charts.chart(chart)).lint().strict().call();
        assertFalse(result.isFailed(), () -> chart + " fails strict lint: " + result.getMessages());
    }
}
