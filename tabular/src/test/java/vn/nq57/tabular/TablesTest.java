package vn.nq57.tabular;

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

class TablesTest {

    static final Table TABLE = new Table("Xếp hạng: bộ/ngành", List.of("Cơ quan", "Điểm", "Ngày"), List.of(
            Arrays.asList("Bộ Khoa học và Công nghệ", new BigDecimal("87.5"), LocalDate.of(2026, 3, 31)),
            Arrays.asList("Tỉnh \"Đắk Lắk\", mới", 60, null)));

    @Test
    void csvIsUtf8WithAByteOrderMarkAndQuotesWhatNeedsIt() {
        String text = new String(Tables.csv(TABLE), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFCơ quan,Điểm,Ngày\r\n");
        assertThat(text).contains("Bộ Khoa học và Công nghệ,87.5,2026-03-31\r\n");
        assertThat(text).contains("\"Tỉnh \"\"Đắk Lắk\"\", mới\",60,\r\n");
    }

    @Test
    void xlsxKeepsVietnameseTextNumbersAndDates() throws Exception {
        byte[] bytes = Tables.xlsx(TABLE);
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
    void aFormatIsCsvOrXlsxAndAnUploadIsKnownByItsNameOrItsFirstBytes() {
        assertThat(Format.of("XLSX")).contains(Format.XLSX);
        assertThat(Format.of("pdf")).isEmpty();
        assertThat(Format.ofUpload("so-lieu.CSV", new byte[0])).isEqualTo(Format.CSV);
        assertThat(Format.ofUpload("upload", Tables.xlsx(TABLE))).isEqualTo(Format.XLSX);
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        String text = new String(Tables.csv(new Table("x", List.of("a", "b"),
                List.of(Arrays.asList("=HYPERLINK(\"http://x\")", -5)))), StandardCharsets.UTF_8);
        assertThat(text).contains("'=HYPERLINK").contains(",-5");
    }

    @Test
    void anUploadIsReadBackTheSameFromCsvAndFromXlsx() {
        List<List<String>> fromXlsx = Tables.read(Tables.xlsx(TABLE), Format.XLSX, 100);
        List<List<String>> fromCsv = Tables.read(Tables.csv(TABLE), Format.CSV, 100);
        assertThat(fromCsv.get(2)).containsExactly("Tỉnh \"Đắk Lắk\", mới", "60");
        assertThat(fromXlsx).isEqualTo(fromCsv);
        assertThat(fromCsv.get(0)).containsExactly("Cơ quan", "Điểm", "Ngày");
        assertThat(fromCsv.get(1)).containsExactly("Bộ Khoa học và Công nghệ", "87.5", "2026-03-31");
        assertThat(Tables.read("mã chỉ tiêu;kỳ;giá trị\nH1;2025;57,8\n".getBytes(StandardCharsets.UTF_8),
                Format.CSV, 100).get(1)).containsExactly("H1", "2025", "57,8");
        assertThat(Tables.readSheet("a;b\n1;2\n".getBytes(StandardCharsets.UTF_8), Format.CSV, 10).separator())
                .isEqualTo(';');
        assertThat(Tables.readSheet("a\tb\tc;d\n".getBytes(StandardCharsets.UTF_8), Format.CSV, 10).separator())
                .isEqualTo('\t');
        assertThat(Tables.readSheet(Tables.csv(TABLE), Format.CSV, 10).separator()).isEqualTo(',');
        assertThat(Tables.read(Tables.csv(TABLE), Format.CSV, 2)).hasSize(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tables.read(new byte[] {'P', 'K', 3, 4, 1}, Format.XLSX, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachUploadedRowKnowsTheLineItStartsOnAndBlankRowsAreLeftOut() {
        String csv = "\uFEFFa,b\r\n\r\n1,\"two\nlines\"\r\n;,\n3,x,,\n";
        List<SheetRow> rows = Tables.readRows(csv.getBytes(StandardCharsets.UTF_8), Format.CSV, 100);
        assertThat(rows).extracting(SheetRow::line).containsExactly(1, 3, 5, 6);
        assertThat(rows.get(1).cells()).containsExactly("1", "two\nlines");
        assertThat(rows.get(3).cells()).containsExactly("3", "x");
        List<SheetRow> sheet = Tables.readRows(Tables.xlsx(TABLE), Format.XLSX, 100);
        assertThat(sheet).extracting(SheetRow::line).containsExactly(1, 2, 3);
    }

    @Test
    void anUnclosedQuoteOrBytesThatAreNotUtf8AreRefusedSayingWhere() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tables.readRows(
                        "a,b\n1,2\n3,\"open\n".getBytes(StandardCharsets.UTF_8), Format.CSV, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3")
                .hasMessageContaining("quoted");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tables.readRows(
                        new byte[] {'a', (byte) 0xC3, (byte) 0x28, '\n'}, Format.CSV, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UTF-8");
    }
}
