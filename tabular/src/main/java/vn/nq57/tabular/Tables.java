package vn.nq57.tabular;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * The tabular kit: one {@link Table} written as CSV (Apache Commons CSV, RFC 4180, UTF-8 with a byte-order mark so
 * spreadsheet programs read Vietnamese text right, text that a spreadsheet would run as a formula quoted with a
 * leading apostrophe) or as an XLSX workbook (fastexcel: a bold frozen heading row, numbers as numbers, dates as
 * dates); and a sheet read back as rows of text from either format (an upload).
 */
public final class Tables {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private Tables() {
    }

    public static byte[] write(Table table, Format format) {
        return format == Format.XLSX ? xlsx(table) : csv(table);
    }

    /** The file name for a table: {@code name} made safe, with the format's extension. */
    public static String fileName(String name, Format format) {
        return name.replaceAll("[^A-Za-z0-9._-]", "-") + "." + format.extension;
    }

    /** The {@code Content-Disposition} of a download of the table: an attachment with {@link #fileName}. */
    public static String attachment(String name, Format format) {
        return "attachment; filename=\"" + fileName(name, format) + "\"";
    }

    public static byte[] csv(Table table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                    .setHeader(table.headings().toArray(String[]::new)).get());
            for (List<Object> row : table.rows()) {
                csv.printRecord(row.stream().map(Tables::text).toList());
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

    /**
     * The rows of an uploaded sheet as text, the heading row first: a CSV (UTF-8, with or without a byte-order mark;
     * separated by ',' or ';' or a tab, as its first line shows) or the first sheet of an XLSX workbook (numbers
     * written plainly with '.' as the decimal point, dates as YYYY-MM-DD). Blank rows are left out; at most
     * {@code maxRows} rows are read.
     *
     * @throws IllegalArgumentException when the content is not a readable sheet of that format (the message says
     *                                  where)
     */
    public static List<List<String>> read(byte[] content, Format format, int maxRows) {
        return readRows(content, format, maxRows).stream().map(SheetRow::cells).toList();
    }

    /** As {@link #read}, each row with the line (CSV) or row (XLSX) of the file it starts on. */
    public static List<SheetRow> readRows(byte[] content, Format format, int maxRows) {
        return readSheet(content, format, maxRows).rows();
    }

    /** As {@link #readRows}, with the separator the CSV was read with (',' for a workbook). */
    public static ReadSheet readSheet(byte[] content, Format format, int maxRows) {
        return format == Format.XLSX ? new ReadSheet(format, ',', readXlsx(content, maxRows))
                : readCsv(strictText(content), maxRows);
    }

    /** An upload's bytes as UTF-8 text, without a byte-order mark. */
    public static String text(byte[] content) {
        String s = new String(content, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** As {@link #text}, refusing bytes that are not UTF-8 (a spreadsheet saved in a legacy code page). */
    private static String strictText(byte[] content) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the CSV is not valid UTF-8 (save it as 'CSV UTF-8')", e);
        }
    }

    /** A CSV separated by ',' or ';' or a tab, whichever its first non-blank line has most of. */
    static ReadSheet readCsv(String text, int maxRows) {
        char separator = separator(text.lines().filter(l -> !l.isBlank()).findFirst().orElse(""));
        List<SheetRow> rows = new ArrayList<>();
        long linesRead = 0;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(separator).get().parse(new StringReader(text))) {
            Iterator<CSVRecord> records = parser.iterator();
            while (rows.size() < maxRows) {
                CSVRecord r;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    r = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    throw new IllegalArgumentException(cause.getMessage() != null && cause.getMessage().contains("EOF")
                            ? "the CSV ends inside a quoted field that starts on line " + (linesRead + 1)
                                    + " (a closing '\"' is missing)"
                            : "line " + (linesRead + 1) + " is not readable CSV: " + cause.getMessage(), e);
                }
                int line = (int) linesRead + 1;
                linesRead = parser.getCurrentLineNumber();
                List<String> cells = new ArrayList<>(r.toList());
                trimEnd(cells);
                if (!blank(cells)) {
                    rows.add(new SheetRow(line, cells));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable CSV: " + e.getMessage(), e);
        }
        return new ReadSheet(Format.CSV, separator, rows);
    }

    static List<SheetRow> readXlsx(byte[] content, int maxRows) {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(content),
                new ReadingOptions(true, false))) {
            Sheet sheet = wb.getFirstSheet();
            List<SheetRow> rows = new ArrayList<>();
            for (Row row : sheet.read()) {
                if (rows.size() >= maxRows) {
                    break;
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(cellText(row.getCell(c)));
                }
                trimEnd(cells);
                if (!blank(cells)) {
                    rows.add(new SheetRow(row.getRowNum(), cells));
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a readable XLSX workbook: " + e.getMessage(), e);
        }
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }

    /** Rows of text as CSV text (no byte-order mark), for a service that reads CSV. */
    public static String csvText(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            for (List<String> row : rows) {
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Empty cells at the end of a row are not cells (the two formats differ there). */
    private static void trimEnd(List<String> cells) {
        while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
    }

    private static String cellText(Cell cell) {
        if (cell == null || cell.getValue() == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> {
                Optional<LocalDateTime> date = isDateFormat(cell) ? Optional.ofNullable(cell.asDate()) : Optional.empty();
                yield date.map(d -> d.toLocalDate().toString())
                        .orElseGet(() -> cell.asNumber().stripTrailingZeros().toPlainString());
            }
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            default -> cell.getText().strip();
        };
    }

    private static boolean isDateFormat(Cell cell) {
        String f = cell.getDataFormatString();
        return f != null && (f.contains("yy") || f.contains("dd") || f.contains("mm-"));
    }

    private static char separator(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        return tabs > commas && tabs > semicolons ? '\t' : semicolons > commas ? ';' : ',';
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
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Number || v instanceof Boolean || v instanceof LocalDate) {
            return v.toString();
        }
        if (v instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(VIETNAM).toLocalDateTime().toString();
        }
        String s = v.toString();
        // a cell a spreadsheet program would run as a formula is kept as text
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    /** Excel's sheet-name rules: at most 31 characters, none of {@code []:*?/\}. */
    static String sheetName(String name) {
        String s = name == null || name.isBlank() ? "Sheet1" : name.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }
}
