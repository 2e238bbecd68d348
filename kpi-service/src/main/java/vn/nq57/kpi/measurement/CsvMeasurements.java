package vn.nq57.kpi.measurement;

import java.util.List;
import java.util.regex.Pattern;
import vn.nq57.kpi.measurement.MeasurementViews.Row;
import vn.nq57.platform.upload.UploadColumns;
import vn.nq57.platform.upload.Uploads;
import vn.nq57.tabular.Format;

/**
 * The columns of an upload of measurements (CSV or XLSX, read by the platform's upload kit): English or Vietnamese
 * headings, accents and case ignored. In a CSV separated by ';' a decimal comma ("12,5") is accepted in the value
 * column.
 */
public final class CsvMeasurements {

    public static final UploadColumns COLUMNS = UploadColumns.of("indicator", "period", "agency", "value", "note",
                    "evidenceLink", "status")
            .alias("indicator", "indicator code", "indicator id", "chỉ tiêu", "mã chỉ tiêu", "chỉ số", "mã chỉ số")
            .alias("period", "kỳ", "kỳ báo cáo", "thời kỳ", "kỳ số liệu")
            .alias("agency", "agency code", "cơ quan", "mã cơ quan", "đơn vị", "mã đơn vị", "cơ quan đơn vị",
                    "đơn vị báo cáo", "cơ quan báo cáo")
            .alias("value", "giá trị", "số liệu", "giá trị thực hiện")
            .alias("note", "notes", "ghi chú")
            .alias("evidenceLink", "evidence", "minh chứng", "đường dẫn minh chứng", "liên kết minh chứng")
            .alias("status", "trạng thái")
            .required("indicator", "period", "agency", "value")
            .hint(" (or their Vietnamese names, e.g. 'mã chỉ tiêu', 'kỳ', 'cơ quan', 'giá trị')");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("-?\\d+,\\d+");

    private CsvMeasurements() {
    }

    /** The rows of an uploaded CSV or XLSX file. */
    public static List<Row> parse(byte[] body, Format format, int maxRows) {
        Uploads.Upload upload = Uploads.read(body, format, COLUMNS, maxRows);
        return upload.rows().stream().map(r -> {
            String value = r.raw("value");
            if (upload.decimalComma() && value != null && DECIMAL_COMMA.matcher(value.trim()).matches()) {
                value = value.trim().replace(',', '.');
            }
            return new Row(r.number(), r.raw("indicator"), r.raw("period"), r.raw("agency"), value, r.raw("note"),
                    r.raw("evidenceLink"), r.raw("status"), r.extra());
        }).toList();
    }
}
