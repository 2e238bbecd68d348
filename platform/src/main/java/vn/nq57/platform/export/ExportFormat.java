package vn.nq57.platform.export;

import vn.nq57.platform.error.ApiException;
import vn.nq57.tabular.Format;

/** Reads an export's {@code format} parameter: {@code csv} (the default) or {@code xlsx}. */
public final class ExportFormat {

    private ExportFormat() {
    }

    /** Reads {@code csv} or {@code xlsx} (any case; none is csv); anything else is a 400 problem naming {@code field}. */
    public static Format param(String field, String text) {
        if (text == null || text.isBlank()) {
            return Format.CSV;
        }
        return Format.of(text).orElseThrow(() -> ApiException.badRequest(field,
                "'" + text + "' is not an export format: use csv or xlsx"));
    }
}
