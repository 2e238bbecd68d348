package vn.nq57.platform.upload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.error.Problem;
import vn.nq57.platform.text.Text;
import vn.nq57.tabular.Format;
import vn.nq57.tabular.ReadSheet;
import vn.nq57.tabular.SheetRow;
import vn.nq57.tabular.Tables;

/**
 * The one way an import reads an uploaded sheet, CSV or XLSX (the {@code tabular} kit reads the file with Apache
 * Commons CSV or fastexcel): the heading row names the {@link UploadColumns} (unknown, repeated and missing columns are
 * one 400 naming each), then each non-blank row becomes an {@link UploadRow}. A file that is not UTF-8, not readable,
 * empty, without rows or with more than {@code maxRows} rows is a 400 that says so; the rows' own values are checked by
 * the import, which reports them row by row.
 */
public final class Uploads {

    private Uploads() {
    }

    /** A file read: its rows, and whether a value may use a decimal comma (a CSV separated by ';'). */
    public record Upload(List<UploadRow> rows, boolean decimalComma) {
    }

    /** Reads an upload whose format is known by its first bytes (an XLSX workbook is a ZIP file). */
    public static Upload read(byte[] content, UploadColumns columns, int maxRows) {
        byte[] bytes = content == null ? new byte[0] : content;
        return read(bytes, Format.ofUpload(null, bytes), columns, maxRows);
    }

    public static Upload read(byte[] content, Format format, UploadColumns columns, int maxRows) {
        String file = format == Format.XLSX ? "workbook" : "CSV";
        ReadSheet read;
        try {
            read = Tables.readSheet(content, format, maxRows + 2);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("body", e.getMessage());
        }
        List<SheetRow> sheet = read.rows();
        if (sheet.isEmpty()) {
            throw ApiException.badRequest("body", "the " + file + " is empty: its first row names the columns "
                    + columns.names());
        }
        String[] byIndex = header(sheet.get(0).cells(), columns);
        if (sheet.size() == 1) {
            throw ApiException.badRequest("body", "the " + file + " has a heading row but no rows");
        }
        if (sheet.size() > maxRows + 1) {
            throw ApiException.badRequest("body", "an upload holds at most " + maxRows + " rows; split it");
        }
        List<UploadRow> rows = new ArrayList<>(sheet.size() - 1);
        for (SheetRow row : sheet.subList(1, sheet.size())) {
            Map<String, String> values = new HashMap<>();
            List<String> cells = row.cells();
            for (int i = 0; i < Math.min(cells.size(), byIndex.length); i++) {
                values.put(byIndex[i], Text.nfc(cells.get(i)));
            }
            String extra = cells.size() > byIndex.length
                    && cells.subList(byIndex.length, cells.size()).stream().anyMatch(c -> !c.isBlank())
                    ? "line " + row.line() + " has " + cells.size() + " cells but the heading row names "
                            + byIndex.length : null;
            rows.add(new UploadRow(rows.size() + 1, row.line(), values, extra));
        }
        return new Upload(rows, read.separator() == ';');
    }

    /** The column of each heading; one 400 listing every unknown, repeated or missing column. */
    private static String[] header(List<String> headings, UploadColumns columns) {
        String[] byIndex = new String[headings.size()];
        List<Problem.Violation> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < headings.size(); i++) {
            String heading = headings.get(i).strip();
            String column = columns.column(heading);
            if (column == null) {
                problems.add(new Problem.Violation("header", "unknown column '" + heading + "': the columns are "
                        + columns.names() + columns.hint()));
            } else if (seen.put(column, i) != null) {
                problems.add(new Problem.Violation("header", "column '" + column + "' appears twice ('" + heading
                        + "')"));
            }
            byIndex[i] = column;
        }
        for (String required : columns.requiredColumns()) {
            if (!seen.containsKey(required)) {
                problems.add(new Problem.Violation("header", "missing column '" + required + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(String.join("; ", problems.stream().map(Problem.Violation::message).toList()),
                    problems);
        }
        return byIndex;
    }
}
