package vn.nq57.platform.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.error.Problem;
import vn.nq57.tabular.Format;
import vn.nq57.tabular.Table;
import vn.nq57.tabular.Tables;

class UploadsTest {

    static final UploadColumns COLUMNS = UploadColumns.of("indicator", "period", "value", "note")
            .alias("indicator", "mã chỉ tiêu").alias("period", "kỳ").alias("value", "giá trị").alias("note", "ghi chú")
            .required("indicator", "period", "value");

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void vietnameseHeadingsInAnyCaseAndWithoutAccentsNameTheColumns() {
        Uploads.Upload upload = Uploads.read(utf8("\uFEFFMÃ CHỈ TIÊU;Ky;Gia tri;Ghi chú\r\nH1;2025;57,8; sơ bộ \r\n\r\nH2;2024;1\r\n"),
                COLUMNS, 10);
        assertThat(upload.decimalComma()).isTrue();
        assertThat(upload.rows()).extracting(UploadRow::number).containsExactly(1, 2);
        assertThat(upload.rows()).extracting(UploadRow::line).containsExactly(2, 4);
        UploadRow first = upload.rows().get(0);
        assertThat(first.get("indicator")).isEqualTo("H1");
        assertThat(first.raw("note")).isEqualTo(" sơ bộ ");
        assertThat(first.get("note")).isEqualTo("sơ bộ");
        assertThat(upload.rows().get(1).get("note")).isNull();
    }

    @Test
    void aWorkbookIsReadWithTheSameColumnsAndRows() {
        byte[] xlsx = Tables.xlsx(new Table("Số liệu", List.of("Mã chỉ tiêu", "Kỳ", "Giá trị"),
                List.of(Arrays.asList("H1", "2025", new java.math.BigDecimal("57.8")))));
        Uploads.Upload upload = Uploads.read(xlsx, COLUMNS, 10);
        assertThat(upload.decimalComma()).isFalse();
        assertThat(upload.rows()).singleElement().satisfies(r -> {
            assertThat(r.values()).containsEntry("indicator", "H1").containsEntry("value", "57.8");
            assertThat(r.line()).isEqualTo(2);
        });
    }

    @Test
    void everyUnknownRepeatedOrMissingColumnIsNamedInOneBadRequest() {
        assertThatThrownBy(() -> Uploads.read(utf8("indicator,colour,indicator\nH1,red,H1\n"), COLUMNS, 10))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.violations()).extracting(Problem.Violation::message).containsExactly(
                            "unknown column 'colour': the columns are [indicator, period, value, note]",
                            "column 'indicator' appears twice ('indicator')", "missing column 'period'",
                            "missing column 'value'");
                    assertThat(e.getMessage()).contains("colour");
                });
    }

    @Test
    void aRowWithCellsBeyondTheHeadingsIsMarkedWithItsLine() {
        UploadRow row = Uploads.read(utf8("indicator,period,value\nH1,2025,1,,\nH1,2024,2,x\n"), COLUMNS, 10).rows()
                .get(1);
        assertThat(Uploads.read(utf8("indicator,period,value\nH1,2025,1,,\n"), COLUMNS, 10).rows().get(0).extra())
                .isNull();
        assertThat(row.extra()).isEqualTo("line 3 has 4 cells but the heading row names 3");
    }

    @Test
    void anEmptyFileAFileWithoutRowsTooManyRowsAndBytesThatAreNotUtf8AreBadRequests() {
        assertThatThrownBy(() -> Uploads.read(new byte[0], COLUMNS, 10)).hasMessageContaining("empty");
        assertThatThrownBy(() -> Uploads.read(utf8("indicator,period,value\n\n"), COLUMNS, 10))
                .hasMessageContaining("no rows");
        assertThatThrownBy(() -> Uploads.read(utf8("indicator,period,value\nA,1,1\nB,1,1\nC,1,1\n"), COLUMNS, 2))
                .hasMessageContaining("at most 2 rows");
        assertThat(Uploads.read(utf8("indicator,period,value\nA,1,1\nB,1,1\n"), COLUMNS, 2).rows()).hasSize(2);
        assertThatThrownBy(() -> Uploads.read(new byte[] {'i', (byte) 0xC3, (byte) 0x28, '\n'}, COLUMNS, 10))
                .isInstanceOf(ApiException.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> Uploads.read(utf8("indicator,period,value\n\"open,1,1\n"), COLUMNS, 10))
                .isInstanceOf(ApiException.class).hasMessageContaining("line 2");
    }

    @Test
    void theModeIsAtomicUnlessPartialIsAsked() {
        assertThat(ImportMode.of(null)).isEqualTo(ImportMode.ATOMIC);
        assertThat(ImportMode.of(" partial ")).isEqualTo(ImportMode.PARTIAL);
        assertThat(ImportMode.of("all")).isEqualTo(ImportMode.ATOMIC);
        assertThatThrownBy(() -> ImportMode.of("some")).isInstanceOf(ApiException.class);
    }
}
