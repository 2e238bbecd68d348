package vn.nq57.portal.web;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.nq57.portal.api.Views.InitiativeScore;
import vn.nq57.portal.api.Views.InitiativeSummary;

/**
 * An initiative as a row of a System's or an agency's table: its scorecard line joined with what the initiative list
 * adds (deadline, the lead agency's name, phase).
 */
public record InitiativeRow(InitiativeScore score, LocalDate deadline, String leadAgencyName, String phase) {

    public static final List<String> SORTS = List.of("code", "health", "progress", "overdue", "obstacles", "deadline");
    private static final Map<String, Integer> SEVERITY = Map.of("RED", 0, "AMBER", 1, "GREY", 2, "GREEN", 3);

    public static List<InitiativeRow> join(List<InitiativeScore> scores, List<InitiativeSummary> summaries) {
        Map<java.util.UUID, InitiativeSummary> byId = summaries.stream()
                .collect(Collectors.toMap(InitiativeSummary::id, Function.identity(), (a, b) -> a));
        return scores.stream().map(s -> {
            InitiativeSummary sum = byId.get(s.id());
            return new InitiativeRow(s, sum == null ? null : sum.deadline(),
                    sum == null || sum.leadAgency() == null ? null : sum.leadAgency().nameVi(),
                    sum == null ? null : sum.phase());
        }).toList();
    }

    /** The rows as a table to download, headed in Vietnamese (the filters and order of the page applied). */
    public static vn.nq57.tabular.Table table(List<InitiativeRow> rows, String sheet) {
        List<List<Object>> out = new java.util.ArrayList<>();
        for (InitiativeRow r : rows) {
            InitiativeScore s = r.score();
            out.add(java.util.Arrays.asList(s.code(), s.titleVi(), s.system(), s.health(), r.progress(),
                    s.overdueOutputs(), s.openObstacles(), s.leadAgency(), r.leadAgencyName(), r.deadline()));
        }
        return new vn.nq57.tabular.Table(sheet, List.of("Mã sáng kiến", "Tên sáng kiến", "Hệ thống", "Mức độ",
                "Tiến độ KPI (%)", "Sản phẩm quá hạn", "Vướng mắc chưa giải quyết", "Mã cơ quan chủ trì",
                "Cơ quan chủ trì", "Thời hạn"), out);
    }

    public BigDecimal progress() {
        return score.kpi() == null ? null : score.kpi().averageProgress();
    }

    /** Rows whose code, title or lead agency contain {@code q} (accents and case ignored) and of that health. */
    public static List<InitiativeRow> filter(List<InitiativeRow> rows, String q, String health) {
        String needle = q == null || q.isBlank() ? null : fold(q);
        return rows.stream()
                .filter(r -> health == null || health.equals(r.score.health()))
                .filter(r -> needle == null || fold(r.score.code() + " " + r.score.titleVi() + " " + r.score.leadAgency()
                        + " " + (r.leadAgencyName == null ? "" : r.leadAgencyName)).contains(needle))
                .toList();
    }

    public static List<InitiativeRow> sort(List<InitiativeRow> rows, String sort, boolean descending) {
        Comparator<InitiativeRow> c = switch (sort == null ? "health" : sort) {
            case "code" -> Comparator.comparing(r -> r.score.code());
            case "progress" -> Comparator.comparing(InitiativeRow::progress, Comparator.nullsFirst(Comparator.naturalOrder()));
            case "overdue" -> Comparator.comparingInt(r -> r.score.overdueOutputs());
            case "obstacles" -> Comparator.comparingInt(r -> r.score.openObstacles());
            case "deadline" -> Comparator.comparing(InitiativeRow::deadline, Comparator.nullsLast(Comparator.naturalOrder()));
            default -> Comparator.comparing(r -> SEVERITY.getOrDefault(r.score.health(), 2));
        };
        c = c.thenComparing(r -> r.score.code());
        return rows.stream().sorted(descending ? c.reversed() : c).toList();
    }

    /** Lower case without diacritics ("Điện tử" → "dien tu"), for accent-insensitive search. */
    public static String fold(String s) {
        String d = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return d.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }
}
