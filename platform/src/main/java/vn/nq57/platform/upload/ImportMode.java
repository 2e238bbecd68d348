package vn.nq57.platform.upload;

import vn.nq57.platform.error.ApiException;

/**
 * How a bulk import treats rejected rows: ATOMIC (the default) writes nothing when any row is rejected; PARTIAL writes
 * the valid rows and reports the others.
 */
public enum ImportMode {
    ATOMIC, PARTIAL;

    /** The {@code ?mode=} of a request, in any case; absent or blank is ATOMIC ("all" too); anything else is a 400. */
    public static ImportMode of(String mode) {
        if (mode == null || mode.isBlank()) {
            return ATOMIC;
        }
        return switch (mode.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "ATOMIC", "ALL" -> ATOMIC;
            case "PARTIAL" -> PARTIAL;
            default -> throw ApiException.badRequest("mode", "'" + mode + "' is not one of [ATOMIC, PARTIAL]");
        };
    }
}
