package vn.nq57.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void foldingRemovesVietnameseDiacriticsAndCase() {
        assertEquals("chuyen doi so", Text.fold("Chuyển đổi số"));
        assertEquals("dak lak", Text.fold("ĐẮK LẮK"));
        assertEquals("quoc gia", Text.fold("Quốc gia"));
    }

    @Test
    void decomposedTextBecomesComposedAndComposedStaysAsItIs() {
        String composed = "Ứng dụng trí tuệ nhân tạo";
        assertEquals(composed, Text.nfc(Normalizer.normalize(composed, Normalizer.Form.NFD)));
        assertEquals(composed, Text.nfc(composed));
    }
}
