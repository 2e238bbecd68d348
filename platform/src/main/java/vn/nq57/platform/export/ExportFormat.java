package vn.nq57.platform.export;

import java.util.Locale;
import vn.nq57.platform.error.ApiException;

/** The file formats an export answers in: csv (UTF-8 with a byte-order mark, comma-separated) or xlsx (Excel). */
public enum ExportFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    public final String mediaType;
    public final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** Reads {@code csv} or {@code xlsx} (any case); anything else is a 400 problem naming {@code field}. */
    public static ExportFormat param(String field, String text) {
        if (text == null || text.isBlank()) {
            return CSV;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, "'" + text + "' is not an export format: use csv or xlsx");
        }
    }
}
