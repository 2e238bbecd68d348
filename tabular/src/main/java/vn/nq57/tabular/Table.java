package vn.nq57.tabular;

import java.util.List;

/**
 * A table to export: a sheet name, column headings, and rows of cells. A cell is text, a number ({@link Number}), a
 * date ({@link java.time.LocalDate}), a time ({@link java.time.OffsetDateTime}), a boolean, or null (empty). The
 * same table is written as CSV or as an XLSX workbook by {@link Tables}.
 */
public record Table(String sheet, List<String> headings, List<List<Object>> rows) {

    public Table {
        headings = List.copyOf(headings);
        rows = List.copyOf(rows);
    }
}
