package vn.nq57.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The rules forms share: numbers typed the Vietnamese or the English way, keys, and the services' reasons in Vietnamese. */
class FormRulesTest {

    @Test
    void aNumberIsReadAsAPersonTypesItInVietnameseOrEnglish() {
        assertThat(Forms.decimal("57,8")).isEqualByComparingTo("57.8");
        assertThat(Forms.decimal("57.8")).isEqualByComparingTo("57.8");
        assertThat(Forms.decimal("1.234,5")).isEqualByComparingTo("1234.5");
        assertThat(Forms.decimal("1,234.5")).isEqualByComparingTo("1234.5");
        assertThat(Forms.decimal(" 1 234,5 ")).isEqualByComparingTo("1234.5");
        assertThat(Forms.decimal("1,234,567")).isEqualByComparingTo("1234567");
        assertThat(Forms.decimal("-0,25")).isEqualByComparingTo(new BigDecimal("-0.25"));
        assertThat(Forms.decimal("  ")).isNull();
        assertThatThrownBy(() -> Forms.decimal("x1")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void anAmountOfDongIsWholeWithOrWithoutThousandsSeparators() {
        assertThat(Forms.amount("1.500.000.000")).isEqualTo(1_500_000_000L);
        assertThat(Forms.amount("1 500 000")).isEqualTo(1_500_000L);
        assertThat(Forms.amount("")).isNull();
        assertThatThrownBy(() -> Forms.amount("1,5 tỷ")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Forms.amount("9999999999999999999")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void aFormKeepsItsKeyAndAHandMadeRequestGetsANewOne() {
        String key = Forms.key();
        assertThat(Forms.key(key)).isEqualTo(key);
        assertThat(Forms.key("not-a-key")).isNotEqualTo("not-a-key").hasSize(36);
        assertThat(Forms.ifMatch(3L)).isEqualTo("\"3\"");
        assertThat(Forms.ifMatch(null)).isNull();
    }

    @Test
    void theServicesUsualReasonsReadInVietnameseAndOthersStayAsTheServiceSaidThem() {
        assertThat(Problems.vietnamese("period 2025Q3 is quarterly but the indicator is reported ANNUAL: use YYYY, e.g. 2026"))
                .isEqualTo("Kỳ 2025Q3 không đúng tần suất của chỉ tiêu (chỉ tiêu báo cáo theo năm): nhập theo dạng YYYY, ví dụ 2026.");
        assertThat(Problems.vietnamese("period 2030 lies in the future (it starts on 2030-01-01)"))
                .isEqualTo("Kỳ 2030 chưa bắt đầu: không báo cáo số liệu trước kỳ.");
        assertThat(Problems.vietnamese("indicator KHONG-CO does not exist")).isEqualTo("Không có chỉ tiêu KHONG-CO.");
        assertThat(Problems.vietnamese("'abc' is not a number (use '.' as the decimal point)"))
                .startsWith("\"abc\" không phải là số");
        assertThat(Problems.vietnamese("must not be blank")).isEqualTo("Bắt buộc nhập.");
        assertThat(Problems.vietnamese("something the portal has never seen")).isEqualTo("something the portal has never seen");
    }
}
