package vn.nq57.tabular;

import java.util.Locale;
import java.util.Optional;

/** The spreadsheet formats: CSV (UTF-8 with a byte-order mark, comma-separated) and XLSX (Excel). */
public enum Format {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX(Format.XLSX_MEDIA_TYPE, "xlsx");

    /** The media type of an XLSX workbook (a constant, for annotations). */
    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public final String mediaType;
    public final String extension;

    Format(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** {@code csv} or {@code xlsx} in any case; empty for anything else. */
    public static Optional<Format> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> Optional.of(CSV);
            case "xlsx" -> Optional.of(XLSX);
            default -> Optional.empty();
        };
    }

    /** The format of an uploaded file, by its name's extension or, failing that, by its first bytes (a ZIP is XLSX). */
    public static Format ofUpload(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return XLSX;
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return CSV;
        }
        return content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4
                ? XLSX : CSV;
    }
}
