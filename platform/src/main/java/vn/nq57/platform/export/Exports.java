package vn.nq57.platform.export;

import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The export kit: one {@link Table} written as CSV (Apache Commons CSV, RFC 4180, UTF-8 with a byte-order mark so
 * spreadsheet programs read Vietnamese text right) or as an XLSX workbook (fastexcel: a bold frozen heading row, numbers
 * as numbers, dates as dates), and the HTTP answer that downloads it.
 */
public final class Exports {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private Exports() {
    }

    public static byte[] write(Table table, ExportFormat format) {
        return format == ExportFormat.XLSX ? xlsx(table) : csv(table);
    }

    /** A 200 answer with the file as an attachment named {@code <name>.<extension>}. */
    public static Response download(Table table, ExportFormat format, String name) {
        String file = name.replaceAll("[^A-Za-z0-9._-]", "-") + "." + format.extension;
        return Response.ok(write(table, format), format.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("Cache-Control", "no-store").build();
    }

    public static byte[] csv(Table table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                    .setHeader(table.headings().toArray(String[]::new)).get());
            for (List<Object> row : table.rows()) {
                csv.printRecord(row.stream().map(Exports::text).toList());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] xlsx(Table table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "NQ57", "1.0");
            Worksheet ws = wb.newWorksheet(sheetName(table.sheet()));
            for (int c = 0; c < table.headings().size(); c++) {
                ws.value(0, c, table.headings().get(c));
                ws.style(0, c).bold().set();
            }
            ws.freezePane(0, 1);
            int r = 1;
            for (List<Object> row : table.rows()) {
                for (int c = 0; c < row.size(); c++) {
                    cell(ws, r, c, row.get(c));
                }
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void cell(Worksheet ws, int r, int c, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof Number n) {
            ws.value(r, c, n);
        } else if (v instanceof Boolean b) {
            ws.value(r, c, b);
        } else if (v instanceof LocalDate d) {
            ws.value(r, c, d);
            ws.style(r, c).format("yyyy-mm-dd").set();
        } else if (v instanceof OffsetDateTime t) {
            ws.value(r, c, t.atZoneSameInstant(VIETNAM).toLocalDateTime());
            ws.style(r, c).format("yyyy-mm-dd hh:mm").set();
        } else {
            ws.value(r, c, v.toString());
        }
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }

    /** Excel's sheet-name rules: at most 31 characters, none of {@code []:*?/\}. */
    static String sheetName(String name) {
        String s = name == null || name.isBlank() ? "Sheet1" : name.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }
}
