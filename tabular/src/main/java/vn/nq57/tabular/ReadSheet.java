package vn.nq57.tabular;

import java.util.List;

/** An uploaded sheet as read: its format, the separator of its cells (a CSV's ',', ';' or tab) and its rows. */
public record ReadSheet(Format format, char separator, List<SheetRow> rows) {

    public ReadSheet {
        rows = List.copyOf(rows);
    }
}
