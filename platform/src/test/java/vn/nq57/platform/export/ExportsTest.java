package vn.nq57.platform.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

class ExportsTest {

    static final Table TABLE = new Table("Xếp hạng: bộ/ngành", List.of("Cơ quan", "Điểm", "Ngày"), List.of(
            Arrays.asList("Bộ Khoa học và Công nghệ", new BigDecimal("87.5"), LocalDate.of(2026, 3, 31)),
            Arrays.asList("Tỉnh \"Đắk Lắk\", mới", 60, null)));

    @Test
    void csvIsUtf8WithAByteOrderMarkAndQuotesWhatNeedsIt() {
        String text = new String(Exports.csv(TABLE), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFCơ quan,Điểm,Ngày\r\n");
        assertThat(text).contains("Bộ Khoa học và Công nghệ,87.5,2026-03-31\r\n");
        assertThat(text).contains("\"Tỉnh \"\"Đắk Lắk\"\", mới\",60,\r\n");
    }

    @Test
    void xlsxKeepsVietnameseTextNumbersAndDates() throws Exception {
        byte[] bytes = Exports.xlsx(TABLE);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(wb.getFirstSheet().getName()).isEqualTo("Xếp hạng  bộ ngành");
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Cơ quan");
            assertThat(rows.get(1).getCellAsString(0)).contains("Bộ Khoa học và Công nghệ");
            assertThat(rows.get(1).getCellAsNumber(1)).contains(new BigDecimal("87.5"));
            assertThat(rows.get(1).getCellAsDate(2).map(d -> d.toLocalDate())).contains(LocalDate.of(2026, 3, 31));
            assertThat(rows.get(2).getCellText(0)).isEqualTo("Tỉnh \"Đắk Lắk\", mới");
        }
    }

    @Test
    void aFormatIsCsvOrXlsxAndAnythingElseIsABadRequest() {
        assertThat(ExportFormat.param("format", "XLSX")).isEqualTo(ExportFormat.XLSX);
        assertThat(ExportFormat.param("format", null)).isEqualTo(ExportFormat.CSV);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExportFormat.param("format", "pdf"))
                .hasMessageContaining("csv or xlsx");
    }
}
