package vn.nq57.platform.upload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.nq57.platform.text.Text;

/**
 * The columns an uploaded sheet may have: each by its name, with the headings accepted for it (English or
 * Vietnamese; accents, case, spaces and punctuation ignored: "Mã chỉ tiêu" = "ma chi tieu" = "MaChiTieu"), and which
 * are required. Built once per import as a constant.
 */
public final class UploadColumns {

    private final List<String> names = new ArrayList<>();
    private final Map<String, String> byHeading = new HashMap<>();
    private final Set<String> required = new LinkedHashSet<>();
    private String hint = "";

    private UploadColumns() {
    }

    /** Columns by name; each name is also a heading of its column. */
    public static UploadColumns of(String... names) {
        UploadColumns columns = new UploadColumns();
        for (String name : names) {
            columns.names.add(name);
            columns.byHeading.put(key(name), name);
        }
        return columns;
    }

    /** More headings accepted for {@code column}. */
    public UploadColumns alias(String column, String... headings) {
        if (!names.contains(column)) {
            throw new IllegalArgumentException("no column " + column);
        }
        for (String heading : headings) {
            byHeading.put(key(heading), column);
        }
        return this;
    }

    /** The columns a file must have. */
    public UploadColumns required(String... columns) {
        for (String column : columns) {
            if (!names.contains(column)) {
                throw new IllegalArgumentException("no column " + column);
            }
            required.add(column);
        }
        return this;
    }

    /** Words added to the message about an unknown column (e.g. examples of the Vietnamese headings). */
    public UploadColumns hint(String text) {
        hint = text;
        return this;
    }

    public List<String> names() {
        return List.copyOf(names);
    }

    Set<String> requiredColumns() {
        return required;
    }

    String hint() {
        return hint;
    }

    /** The column a heading names, or null. */
    public String column(String heading) {
        return heading == null ? null : byHeading.get(key(heading));
    }

    /** "Mã chỉ tiêu" → "machitieu": folded, letters and digits only. */
    static String key(String heading) {
        return Text.fold(heading).replaceAll("[^a-z0-9]", "");
    }
}
