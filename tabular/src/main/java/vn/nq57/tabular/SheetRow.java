package vn.nq57.tabular;

import java.util.List;

/**
 * One row of an uploaded sheet: the line of the file it starts on (a CSV field may hold line breaks; in a workbook, the
 * row number) and its cells as text, without empty cells at the end.
 */
public record SheetRow(int line, List<String> cells) {

    public SheetRow {
        cells = List.copyOf(cells);
    }
}
