package vn.nq57.budget.csv;

import java.util.ArrayList;
import java.util.List;
import vn.nq57.platform.error.ApiException;

/**
 * RFC 4180 CSV: quoted fields with doubled quotes, CRLF or LF line ends, a UTF-8 byte-order mark tolerated. The
 * separator is a comma, or a semicolon when the header line has semicolons and no commas (spreadsheets set to a
 * locale whose decimal mark is a comma write those).
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    /** One parsed record with the 1-based line it starts on. */
    public record Line(int lineNumber, List<String> fields) {
        public boolean blank() {
            return fields.stream().allMatch(f -> f == null || f.isBlank());
        }
    }

    public static List<Line> parse(String text) {
        if (text == null) {
            return List.of();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstEnd = text.indexOf('\n');
        String header = firstEnd < 0 ? text : text.substring(0, firstEnd);
        char sep = header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
        List<Line> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int start = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == sep) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                // the \n ends the record
            } else if (c == '\n') {
                fields.add(field.toString());
                lines.add(new Line(start, List.copyOf(fields)));
                fields.clear();
                field.setLength(0);
                wasQuoted = false;
                line++;
                start = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw ApiException.badRequest("body", "line " + start + ": a quoted field is not closed");
        }
        if (!field.isEmpty() || !fields.isEmpty() || wasQuoted) {
            fields.add(field.toString());
            lines.add(new Line(start, List.copyOf(fields)));
        }
        return lines;
    }

    /** Writes rows as CSV (comma, CRLF, quoting fields that need it). */
    public static String write(List<String> header, List<List<?>> rows) {
        StringBuilder sb = new StringBuilder();
        appendRow(sb, header);
        for (List<?> row : rows) {
            appendRow(sb, row);
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, List<?> row) {
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = row.get(i);
            sb.append(escape(v == null ? "" : v.toString()));
        }
        sb.append("\r\n");
    }

    static String escape(String s) {
        boolean needs = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || s.indexOf(';') >= 0;
        String safe = s;
        // A cell starting with = + - @ is a formula to spreadsheets: prefix it so an export cannot run one.
        if (!s.isEmpty() && "=+@".indexOf(s.charAt(0)) >= 0) {
            safe = "'" + s;
            needs = true;
        }
        return needs ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
