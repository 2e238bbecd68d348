package vn.nq57.portal.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.nq57.portal.api.Writes.Problem;
import vn.nq57.portal.api.Writes.Violation;

/**
 * The services' refusals in the user's language. The services explain in English (their API's language); the portal
 * names the field in Vietnamese and says the usual reasons (a period of the wrong kind or in the future, a missing
 * field, an unknown code, a number that is not one) in Vietnamese, keeping the service's own sentence for anything it
 * does not know. Templates read it as {@code inject:problems}.
 */
@Named("problems")
@RequestScoped
public class Problems {

    /** Known English reasons and their Vietnamese wording ({@code $1}… are the reason's own values). */
    private static final List<Map.Entry<Pattern, String>> VI = List.of(
            rule("period (\\S+) is (\\w+) but the indicator is reported (\\w+): use (\\S+?),? (e\\.g\\.|for example) (\\S+)",
                    "Kỳ $1 không đúng tần suất của chỉ tiêu (chỉ tiêu báo cáo theo {$3}): nhập theo dạng $4, ví dụ $6."),
            rule("period (\\S+) is (\\w+) but the indicator is reported (\\w+): use (.+)",
                    "Kỳ $1 không đúng tần suất của chỉ tiêu (chỉ tiêu báo cáo theo {$3}): nhập theo dạng $4."),
            rule("period (\\S+) lies in the future.*", "Kỳ $1 chưa bắt đầu: không báo cáo số liệu trước kỳ."),
            rule("'(.*)' is not a period.*", "\"$1\" không phải là kỳ: nhập YYYY (2026), YYYYQn (2026Q1) hoặc YYYY-MM (2026-03)."),
            rule("a period is required.*", "Cần nhập kỳ báo cáo (YYYY, YYYYQn hoặc YYYY-MM)."),
            rule("'(.*)' is outside (\\d+)\\.\\.(\\d+)", "\"$1\" nằm ngoài khoảng năm $2–$3."),
            rule("indicator (\\S+) does not exist", "Không có chỉ tiêu $1."),
            rule("agency (\\S+) does not exist", "Không có cơ quan, đơn vị mã $1."),
            rule("agency (\\S+) is outside your scope.*", "Cơ quan $1 không thuộc phạm vi của bạn."),
            rule("an indicator \\(code or id\\) is required", "Cần chọn chỉ tiêu."),
            rule("a reporting agency \\(code\\) is required", "Cần nhập mã cơ quan báo cáo."),
            rule("a value is required", "Cần nhập giá trị."),
            rule("'(.*)' is not a number.*", "\"$1\" không phải là số (dùng dấu chấm '.' cho phần thập phân)."),
            rule("'(.*)' has too many digits.*", "\"$1\" có quá nhiều chữ số: tối đa 18 chữ số phần nguyên và 6 chữ số thập phân."),
            rule("at most (\\d+) characters", "Tối đa $1 ký tự."),
            rule("row (\\d+) already gives a value for .*", "Dòng $1 đã có giá trị cho cùng chỉ tiêu, kỳ và cơ quan."),
            rule("the value of (\\S+) (\\S+) (\\S+) is approved.*", "Giá trị $1 kỳ $2 của $3 đã được phê duyệt (đã khóa)."),
            rule("the value of .* is owned by .*", "Giá trị này do phiên bản khác quản lý: chỉ xem, không sửa tại đây."),
            rule("central holds another value \\((\\S+), owned by (\\S+)\\) for (\\S+) (\\S+) (\\S+)",
                    "Trung ương đang giữ một giá trị khác của chỉ tiêu này cho $5 kỳ $4 (do $2 quản lý): trung ương chưa bàn giao số liệu này cho bộ."),
            rule("measurement (\\S+) is owned by (.*)", "Số liệu này do $2 quản lý: trung ương không nhận thay đổi từ bộ."),
            rule("choose what to do", "Hãy chọn cách xử lý."),
            rule("must not be (blank|null|empty)", "Bắt buộc nhập."),
            rule("(\\d+) field\\(s\\) (are|is) invalid.*", "$1 trường chưa hợp lệ: xem các ô được đánh dấu."),
            rule("an initiative needs at least one output.*", "Sáng kiến cần ít nhất một sản phẩm đầu ra."),
            rule("must be greater than or equal to (\\S+)", "Phải lớn hơn hoặc bằng $1."),
            rule("must be greater than (\\S+)", "Phải lớn hơn $1."),
            rule("a reason is required.*", "Cần ghi lý do."),
            rule("the CSV has no '(\\w+)' column", "Tệp CSV thiếu cột \"$1\"."),
            rule("unknown column '(.*)'.*", "Cột \"$1\" không được nhận biết: các cột là mã chỉ tiêu, kỳ, cơ quan, giá trị, ghi chú, minh chứng, trạng thái."),
            rule("the CSV is not valid UTF-8.*", "Tệp không phải UTF-8: lưu lại dưới dạng \"CSV UTF-8\"."),
            rule("the CSV has a header but no rows", "Tệp CSV chỉ có dòng tiêu đề, không có dòng số liệu."),
            rule("the CSV is empty.*", "Tệp CSV trống."),
            rule("the row has (\\d+) fields but the header names (\\d+)", "Dòng có $1 cột nhưng dòng tiêu đề có $2 cột."));

    private static final Map<String, String> FIELDS_VI = Map.ofEntries(
            Map.entry("indicator", "Chỉ tiêu"), Map.entry("period", "Kỳ báo cáo"), Map.entry("agency", "Cơ quan báo cáo"),
            Map.entry("value", "Giá trị"), Map.entry("note", "Ghi chú"), Map.entry("evidenceLink", "Đường dẫn minh chứng"),
            Map.entry("status", "Trạng thái"), Map.entry("row", "Dòng"), Map.entry("reason", "Lý do"),
            Map.entry("description", "Nội dung vướng mắc"), Map.entry("request", "Đề xuất, kiến nghị"),
            Map.entry("askedAgency", "Cơ quan được đề nghị xử lý"), Map.entry("filedByAgency", "Cơ quan gửi"),
            Map.entry("answer", "Trả lời"), Map.entry("amount", "Số tiền"), Map.entry("date", "Ngày"),
            Map.entry("paymentReference", "Số chứng từ"), Map.entry("titleVi", "Tên sáng kiến"),
            Map.entry("contentOrientation", "Định hướng nội dung"), Map.entry("deadline", "Thời hạn"),
            Map.entry("evaluationCriteria", "Tiêu chí đánh giá"), Map.entry("header", "Dòng tiêu đề"),
            Map.entry("body", "Tệp"), Map.entry("outputs", "Sản phẩm đầu ra"), Map.entry("code", "Mã"),
            Map.entry("leadAgency", "Cơ quan chủ trì"), Map.entry("system", "Hệ thống"), Map.entry("phase", "Giai đoạn"), Map.entry("measurements", "Số liệu"), Map.entry("to", "Trạng thái mới"));

    @Inject
    Lang lang;

    private static Map.Entry<Pattern, String> rule(String regex, String vi) {
        return Map.entry(Pattern.compile(regex, Pattern.DOTALL), vi);
    }

    /** The field's name as the form labels it. */
    public String field(String field) {
        if (field == null) {
            return "";
        }
        String leaf = field.replaceAll(".*[.\\]]", "");
        if (lang.en()) {
            return leaf;
        }
        return FIELDS_VI.getOrDefault(leaf, leaf);
    }

    /** One reason in the user's language. */
    public String message(Violation v) {
        return message(v.message());
    }

    public String message(String english) {
        return english == null || lang.en() ? english : vietnamese(english);
    }

    /** A service's English reason in Vietnamese, or the reason itself when it is not a known one. */
    static String vietnamese(String english) {
        for (Map.Entry<Pattern, String> r : VI) {
            Matcher m = r.getKey().matcher(english.trim());
            if (m.matches()) {
                return expand(m, r.getValue());
            }
        }
        return english;
    }


    private static String expand(Matcher m, String template) {
        String out = template;
        for (int g = m.groupCount(); g >= 1; g--) {
            String value = m.group(g) == null ? "" : m.group(g);
            out = out.replace("{$" + g + "}", frequency(value)).replace("$" + g, value);
        }
        return out;
    }

    private static String frequency(String english) {
        return switch (english.toLowerCase()) {
            case "annually", "annual" -> "năm";
            case "quarterly" -> "quý";
            case "monthly" -> "tháng";
            default -> english;
        };
    }
}
