package vn.nq57.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The grid's rule: a period says which indicators it holds (their frequency). */
class GridPeriodTest {

    @Test
    void aPeriodSaysItsFrequency() {
        assertThat(GridResource.frequency("2025")).isEqualTo("ANNUAL");
        assertThat(GridResource.frequency("2025Q3")).isEqualTo("QUARTERLY");
        assertThat(GridResource.frequency("2025-07")).isEqualTo("MONTHLY");
    }
}
