package vn.nq57.platform.upload;

import java.util.Map;

/**
 * One data row of an upload: {@code number} counts the data rows from 1 (the row numbers an import summary reports),
 * {@code line} is where it starts in the file (for messages), {@code values} are the cells by column as written
 * (NFC), and {@code extra} says why the row is malformed (cells beyond the headings), or is null.
 */
public record UploadRow(int number, int line, Map<String, String> values, String extra) {

    public UploadRow {
        values = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(values));
    }

    /** A cell as written, or null when the file has no such column or cell. */
    public String raw(String column) {
        return values.get(column);
    }

    /** A cell without surrounding spaces, or null when it is empty. */
    public String get(String column) {
        String v = values.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
