package vn.nq57.kpi.measurement;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.nq57.kpi.measurement.MeasurementViews.Row;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.text.Text;

/**
 * Reads a CSV upload of measurements: UTF-8 with or without BOM, RFC 4180 quoting, a header row naming the columns
 * in English or Vietnamese (accents and case ignored), separated by ',' or ';' or a tab (the header decides). With
 * ';' a decimal comma ("12,5") is accepted in the value column.
 */
public final class CsvMeasurements {

    public static final List<String> COLUMNS = List.of("indicator", "period", "agency", "value", "note",
            "evidenceLink", "status");
    private static final Map<String, String> ALIASES = new HashMap<>();
    private static final Pattern DECIMAL_COMMA = Pattern.compile("-?\\d+,\\d+");

    static {
        alias("indicator", "indicator", "indicator code", "indicator id", "chỉ tiêu", "mã chỉ tiêu", "chỉ số", "mã chỉ số");
        alias("period", "period", "kỳ", "kỳ báo cáo", "thời kỳ", "kỳ số liệu");
        alias("agency", "agency", "agency code", "cơ quan", "mã cơ quan", "đơn vị", "mã đơn vị", "cơ quan đơn vị",
                "đơn vị báo cáo", "cơ quan báo cáo");
        alias("value", "value", "giá trị", "số liệu", "giá trị thực hiện");
        alias("note", "note", "notes", "ghi chú");
        alias("evidenceLink", "evidence link", "evidence", "minh chứng", "đường dẫn minh chứng", "liên kết minh chứng");
        alias("status", "status", "trạng thái");
    }

    private CsvMeasurements() {
    }

    private static void alias(String column, String... names) {
        for (String name : names) {
            ALIASES.put(key(name), column);
        }
    }

    /** "Mã chỉ tiêu" → "machitieu": folded, letters and digits only. */
    static String key(String header) {
        return Text.fold(header).replaceAll("[^a-z0-9]", "");
    }

    public static List<Row> parse(byte[] body, int maxRows) {
        String text = decode(body);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        char delimiter = delimiter(text);
        List<List<String>> records = records(text, delimiter);
        while (!records.isEmpty() && blank(records.get(0))) {
            records.remove(0);
        }
        if (records.isEmpty()) {
            throw ApiException.badRequest("header", "the CSV is empty: the first line names the columns "
                    + COLUMNS + " (Vietnamese names accepted)");
        }
        List<String> header = records.get(0);
        String[] columns = new String[header.size()];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            String column = ALIASES.get(key(name));
            if (column == null) {
                throw ApiException.badRequest("header", "unknown column '" + name + "': the columns are " + COLUMNS
                        + " (or their Vietnamese names, e.g. 'mã chỉ tiêu', 'kỳ', 'cơ quan', 'giá trị')");
            }
            if (seen.put(column, i) != null) {
                throw ApiException.badRequest("header", "column " + column + " appears twice ('" + name + "')");
            }
            columns[i] = column;
        }
        for (String required : List.of("indicator", "period", "agency", "value")) {
            if (!seen.containsKey(required)) {
                throw ApiException.badRequest("header", "the CSV has no '" + required + "' column");
            }
        }
        List<Row> rows = new ArrayList<>();
        int number = 0;
        for (int r = 1; r < records.size(); r++) {
            List<String> fields = records.get(r);
            if (blank(fields)) {
                continue;
            }
            number++;
            if (number > maxRows) {
                throw ApiException.badRequest("measurements", "a CSV holds at most " + maxRows + " rows; split it");
            }
            Map<String, String> values = new HashMap<>();
            String malformed = null;
            for (int i = 0; i < fields.size(); i++) {
                if (i < columns.length) {
                    values.put(columns[i], Text.nfc(fields.get(i)));
                } else if (!fields.get(i).isBlank()) {
                    malformed = "the row has " + fields.size() + " fields but the header names " + columns.length;
                }
            }
            String value = values.get("value");
            if (delimiter == ';' && value != null && DECIMAL_COMMA.matcher(value.trim()).matches()) {
                value = value.trim().replace(',', '.');
            }
            rows.add(new Row(number, values.get("indicator"), values.get("period"), values.get("agency"), value,
                    values.get("note"), values.get("evidenceLink"), values.get("status"), malformed));
        }
        if (rows.isEmpty()) {
            throw ApiException.badRequest("measurements", "the CSV has a header but no rows");
        }
        return rows;
    }

    private static String decode(byte[] body) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("body", "the CSV is not valid UTF-8 (save it as 'CSV UTF-8')");
        }
    }

    /** The separator that occurs most often in the header line, outside quotes. */
    private static char delimiter(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && (ch == '\n' || ch == '\r')) {
                if (comma + semicolon + tab > 0) {
                    break;
                }
            } else if (!quoted && ch == ',') {
                comma++;
            } else if (!quoted && ch == ';') {
                semicolon++;
            } else if (!quoted && ch == '\t') {
                tab++;
            }
        }
        if (semicolon > comma && semicolon >= tab) {
            return ';';
        }
        return tab > comma ? '\t' : ',';
    }

    /** RFC 4180 records: quoted fields may hold separators, doubled quotes and line breaks. */
    static List<List<String>> records(String text, char delimiter) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
            } else if (ch == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(ch);
            }
            i++;
        }
        if (quoted) {
            throw ApiException.badRequest("body", "the CSV ends inside a quoted field (a closing '\"' is missing)");
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }

    private static boolean blank(List<String> fields) {
        return fields.stream().allMatch(String::isBlank);
    }
}
