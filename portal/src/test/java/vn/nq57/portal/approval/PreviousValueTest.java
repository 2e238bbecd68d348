package vn.nq57.portal.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.nq57.portal.api.Views.Measurement;

/** The approval inbox's rule: the value of the period before. */
class PreviousValueTest {

    static Measurement value(String period, String status, String v) {
        return new Measurement(null, "H1", period, "BKHCN", new BigDecimal(v), status, null, null, null, null, null,
                null, null, 0);
    }

    @Test
    void thePreviousValueIsTheLatestEarlierPeriodOfTheSameKindThatIsNotADraft() {
        Measurement now = value("2026Q3", "SUBMITTED", "57.8");
        List<Measurement> series = List.of(value("2026Q3", "SUBMITTED", "57.8"), value("2026Q2", "DRAFT", "1"),
                value("2026Q1", "APPROVED", "51"), value("2025Q4", "APPROVED", "49"), value("2025", "APPROVED", "48"));
        assertThat(ApprovalResource.previous(now, series).period()).isEqualTo("2026Q1");
        assertThat(ApprovalResource.previous(now, series).value()).isEqualByComparingTo("51");
        assertThat(ApprovalResource.previous(value("2025Q1", "SUBMITTED", "1"), series)).isNull();
    }
}
