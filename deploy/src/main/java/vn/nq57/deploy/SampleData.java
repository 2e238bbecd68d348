package vn.nq57.deploy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample deploy/nq57 loads once: a plausible slice of the Resolution 57 action plan as of today. Pure data, no I/O
 * (checked by SampleDataTest). Amounts are whole VND; periods and dates never lie in the future of {@code today}.
 */
public final class SampleData {

    private SampleData() {
    }

    /** An initiative of the plan; {@code finalStatus} is where the loader walks its lifecycle to. */
    public record Initiative(String code, String system, String phase, String titleVi, String titleEn,
                             String contentOrientation, LocalDate deadline, String leadAgency,
                             List<String> coordinatingAgencies, String architect, boolean key,
                             List<String> criteria, String finalStatus,
                             long allocation2025, long allocation2026, String nonStateSource, long nonStateAmount,
                             double kpiPace) {
        boolean funded() {
            return !finalStatus.equals("DRAFT");
        }
    }

    /** Values of a seeded national indicator, reported by the statistics office. */
    public record NationalSeries(String indicator, String baselinePeriod, double baseline, String[] periods,
                                 double[] values) {
    }

    public record FiscalYear(int year, long totalStateExpenditure, long stiBudget, String note) {
    }

    static final long BILLION = 1_000_000_000L;

    public static final String STATISTICS_OFFICE = "BTC-TKQG";

    public static List<Initiative> initiatives() {
        // Long method: a table of sample data, one line per initiative.
        List<String> c2 = List.of("Văn bản được ban hành đúng hạn", "Mức độ hài lòng của người dân và doanh nghiệp");
        return List.of(
                new Initiative("H1-01", "H1", "P1",
                        "Hoàn thiện thể chế, chính sách về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
                        "Institutions and policies for science, technology, innovation and digital transformation",
                        "Rà soát, sửa đổi Luật Khoa học, công nghệ và đổi mới sáng tạo; cơ chế thử nghiệm có kiểm soát (sandbox); chấp nhận rủi ro trong nghiên cứu.",
                        LocalDate.of(2026, 12, 31), "BKHCN", List.of("BTP", "BTC"), "GS.TS. Nguyễn Văn Thành", true,
                        c2, "IN_PROGRESS", 120 * BILLION, 180 * BILLION, null, 0, 1.05),
                new Initiative("H1-02", "H1", "P2",
                        "Chính phủ số: dịch vụ công trực tuyến toàn trình, lấy người dân làm trung tâm",
                        "Digital government: end-to-end online public services",
                        "Tái cấu trúc quy trình, cung cấp dịch vụ công trực tuyến toàn trình; kết nối Cổng Dịch vụ công quốc gia với cơ sở dữ liệu dân cư.",
                        LocalDate.of(2030, 12, 31), "VPCP", List.of("BCA", "BKHCN-CCDSQG"), null, false,
                        List.of("Tỷ lệ dịch vụ công trực tuyến toàn trình", "Tỷ lệ hồ sơ xử lý trực tuyến"),
                        "IN_PROGRESS", 250 * BILLION, 300 * BILLION, null, 0, 0.85),
                new Initiative("H2-01", "H2", "P2",
                        "Phát triển công nghiệp bán dẫn: thiết kế, đóng gói và kiểm thử vi mạch",
                        "Semiconductor industry: chip design, packaging and testing",
                        "Làm chủ thiết kế vi mạch chuyên dụng; đào tạo 50.000 kỹ sư bán dẫn; nhà máy chế tạo chip thử nghiệm.",
                        LocalDate.of(2030, 12, 31), "BKHCN", List.of("BCT", "VIETTEL", "DHQGHN"), "TS. Trần Quốc Khánh",
                        true, List.of("Số thiết kế vi mạch được thương mại hóa", "Số kỹ sư được đào tạo"),
                        "IN_PROGRESS", 400 * BILLION, 650 * BILLION, "ENTERPRISE", 900 * BILLION, 0.95),
                new Initiative("H2-02", "H2", "P2",
                        "Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số",
                        "Digital transformation of small and medium enterprises",
                        "Nền tảng số dùng chung cho doanh nghiệp nhỏ và vừa; tư vấn, đào tạo chuyển đổi số theo ngành.",
                        LocalDate.of(2030, 12, 31), "BCT", List.of("BKHCN"), null, false,
                        List.of("Số doanh nghiệp sử dụng nền tảng số", "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo"),
                        "SUSPENDED", 80 * BILLION, 60 * BILLION, "SOCIAL", 40 * BILLION, 0.55),
                new Initiative("H3-01", "H3", "P2",
                        "Y tế số: hồ sơ sức khỏe điện tử cho mọi người dân",
                        "Digital health: an electronic health record for every citizen",
                        "Liên thông hồ sơ sức khỏe điện tử với căn cước công dân; đơn thuốc điện tử; bệnh án điện tử tại bệnh viện.",
                        LocalDate.of(2030, 12, 31), "BYT", List.of("BCA", "BYT-CNTT"), "PGS.TS. Lê Thị Hương", true,
                        List.of("Tỷ lệ dân số có hồ sơ sức khỏe điện tử", "Số bệnh viện triển khai bệnh án điện tử"),
                        "IN_PROGRESS", 200 * BILLION, 260 * BILLION, null, 0, 1.1),
                new Initiative("H3-02", "H3", "P2",
                        "Chuyển đổi số trong giáo dục và đào tạo",
                        "Digital transformation of education and training",
                        "Học liệu số dùng chung, cơ sở dữ liệu ngành giáo dục, thi và tuyển sinh trực tuyến.",
                        LocalDate.of(2030, 12, 31), "BGDDT", List.of("BKHCN"), null, false,
                        List.of("Tỷ lệ cơ sở giáo dục sử dụng học bạ số"), "DRAFT", 0, 0, null, 0, 1.0),
                new Initiative("H4-01", "H4", "P1",
                        "Cơ sở dữ liệu quốc gia về khoa học, công nghệ và đổi mới sáng tạo",
                        "National database on science, technology and innovation",
                        "Kết nối, chia sẻ dữ liệu nhiệm vụ khoa học và công nghệ giữa các bộ, ngành và địa phương; dữ liệu mở.",
                        LocalDate.of(2026, 12, 31), "BKHCN", List.of("BKHCN-CDMST", "VAST"), null, false,
                        List.of("Số bộ, ngành kết nối dữ liệu", "Số bộ dữ liệu mở được công bố"),
                        "IN_PROGRESS", 60 * BILLION, 90 * BILLION, null, 0, 1.2),
                new Initiative("H4-02", "H4", "P2",
                        "Trung tâm dữ liệu quốc gia và hạ tầng điện toán đám mây Chính phủ",
                        "National data centre and government cloud",
                        "Xây dựng Trung tâm dữ liệu quốc gia số 1; hợp nhất hạ tầng điện toán đám mây của các bộ, ngành.",
                        LocalDate.of(2030, 12, 31), "BCA", List.of("BCA-TTDLQG", "BKHCN"), "Thượng tướng Nguyễn Văn Long",
                        true, List.of("Công suất trung tâm dữ liệu (MW)", "Số cơ sở dữ liệu quốc gia được lưu trữ"),
                        "IN_PROGRESS", 500 * BILLION, 800 * BILLION, null, 0, 0.75),
                new Initiative("H4-03", "H4", "P2",
                        "Phủ sóng 5G toàn quốc và hạ tầng số thế hệ mới",
                        "Nationwide 5G and next-generation digital infrastructure",
                        "Phủ sóng 5G đến 100% khu công nghiệp, khu công nghệ cao; cáp quang biển mới; băng thông rộng cố định.",
                        LocalDate.of(2030, 12, 31), "BKHCN", List.of("VIETTEL", "VNPT"), null, false,
                        List.of("Tỷ lệ dân số được phủ sóng 5G"), "APPROVED", 0, 150 * BILLION, "ENTERPRISE",
                        1200 * BILLION, 1.0),
                new Initiative("H5-01", "H5", "P2",
                        "Mạng lưới trung tâm đổi mới sáng tạo quốc gia và hỗ trợ khởi nghiệp sáng tạo",
                        "National innovation centre network and start-up support",
                        "Hỗ trợ vườn ươm, quỹ đầu tư mạo hiểm, trung tâm đổi mới sáng tạo vùng; kết nối doanh nghiệp với viện, trường.",
                        LocalDate.of(2030, 12, 31), "BKHCN-CDMST", List.of("HNI", "HCM", "DNG"), null, false,
                        List.of("Số doanh nghiệp khởi nghiệp sáng tạo được hỗ trợ", "Vốn đầu tư mạo hiểm huy động"),
                        "IN_PROGRESS", 90 * BILLION, 120 * BILLION, "SOCIAL", 150 * BILLION, 0.9),
                new Initiative("H5-02", "H5", "P2",
                        "Hà Nội: Khu công nghệ cao Hòa Lạc và thu hút nhân tài khoa học công nghệ",
                        "Hanoi: Hoa Lac high-tech park and attracting S&T talent",
                        "Chính sách đặc thù thu hút chuyên gia, nhà khoa học người Việt ở nước ngoài; hạ tầng nghiên cứu tại Hòa Lạc.",
                        LocalDate.of(2030, 12, 31), "HNI", List.of("HNI-SKHCN", "DHQGHN"), null, false,
                        List.of("Số chuyên gia, nhà khoa học được thu hút"), "IN_PROGRESS", 70 * BILLION,
                        85 * BILLION, null, 0, 0.6),
                new Initiative("H6-01", "H6", "P2",
                        "Chương trình trí tuệ nhân tạo quốc gia",
                        "National artificial intelligence programme",
                        "Mô hình ngôn ngữ lớn tiếng Việt, hạ tầng tính toán hiệu năng cao dùng chung, dữ liệu huấn luyện mở.",
                        LocalDate.of(2030, 12, 31), "BKHCN", List.of("BCA", "VIETTEL", "DHQGHCM"), "GS. Vũ Hà Văn", true,
                        List.of("Năng lực tính toán AI (PFLOPS)", "Số mô hình AI tiếng Việt được công bố"),
                        "IN_PROGRESS", 300 * BILLION, 550 * BILLION, "ENTERPRISE", 500 * BILLION, 1.0),
                new Initiative("H6-02", "H6", "P3",
                        "Đường sắt tốc độ cao trên trục Bắc – Nam: làm chủ công nghệ",
                        "North–South high-speed railway: mastering the technology",
                        "Chuyển giao và nội địa hóa công nghệ đường sắt tốc độ cao; đào tạo nhân lực; công nghiệp đường sắt trong nước.",
                        LocalDate.of(2035, 12, 31), "BXD", List.of("BKHCN", "BCT"), "TS. Phạm Minh Tuấn", true,
                        List.of("Tỷ lệ nội địa hóa", "Số kỹ sư được đào tạo"), "IN_PROGRESS", 150 * BILLION,
                        450 * BILLION, null, 0, 0.7),
                new Initiative("H6-03", "H6", "P2",
                        "Công nghệ gen: giải mã và ứng dụng hệ gen người Việt, giống cây trồng, vật nuôi",
                        "Gene technology: the Vietnamese genome, crop and livestock breeds",
                        "Ngân hàng dữ liệu hệ gen quốc gia; y học chính xác; chọn tạo giống bằng công nghệ gen; làm chủ "
                                + "thiết bị giải trình tự.",
                        LocalDate.of(2030, 12, 31), "BKHCN", List.of("BYT", "BNNMT", "VAST"), "GS.TS. Lê Thị Hồng",
                        true, List.of("Số hệ gen người Việt được giải mã", "Số giống mới tạo bằng công nghệ gen"),
                        "APPROVED", 0, 200 * BILLION, null, 0, 0.8));
    }

    /**
     * Outputs: a survey due in 2025 (delivered once the initiative is under way), a pilot in 2026 (delivered when the
     * initiative keeps pace; overdue since mid-2026 when it lags badly, due in December otherwise), and the roll-out at
     * the deadline. So a few initiatives carry overdue outputs, as in real life, and most do not.
     */
    public static List<Output> outputs(Initiative i) {
        List<Output> out = new ArrayList<>();
        int start = phaseStart(i);
        out.add(new Output("Báo cáo khảo sát hiện trạng và đề án chi tiết",
                start == 2025 ? LocalDate.of(2025, 9, 30) : LocalDate.of(start, 3, 31),
                i.funded() ? "DELIVERED" : "PLANNED"));
        boolean lagging = i.kpiPace() < 0.8;
        int pilotYear = Math.max(2026, start + 1);
        out.add(new Output("Triển khai thí điểm tại các đơn vị được chọn",
                lagging ? LocalDate.of(pilotYear, 6, 30) : LocalDate.of(pilotYear, 12, 15),
                i.kpiPace() >= 1.0 && i.funded() ? "DELIVERED" : "IN_PROGRESS"));
        out.add(new Output("Nhân rộng và đánh giá kết quả: " + i.titleEn(), i.deadline(), "PLANNED"));
        return out;
    }

    public record Output(String description, LocalDate dueDate, String targetStatus) {
    }

    /** The year the initiative's phase starts: its dates lie from there on (P1 2025, P2 2026, P3 2030). */
    public static int phaseStart(Initiative i) {
        return switch (i.phase()) {
            case "P1" -> 2025;
            case "P2" -> 2026;
            default -> 2030;
        };
    }

    /** Milestones: the scheme approved early in the phase (done), the mid-term evaluation ahead. */
    public static List<Milestone> milestones(Initiative i) {
        int start = phaseStart(i);
        return List.of(new Milestone("Phê duyệt đề án", start == 2025 ? LocalDate.of(2025, 6, 30)
                        : LocalDate.of(start, 1, 31), true),
                new Milestone("Đánh giá giữa kỳ", LocalDate.of(start < 2030 ? 2028 : 2037, 6, 30), false));
    }

    public record Milestone(String title, LocalDate dueDate, boolean done) {
    }

    public static List<NationalSeries> nationalSeries() {
        String[] p = {"2022", "2023", "2024", "2025"};
        return List.of(
                new NationalSeries("R57-RD-GDP", "2023", 0.43, p, new double[]{0.42, 0.43, 0.45, 0.52}),
                new NationalSeries("R57-BUDGET-STI", "2023", 0.9, p, new double[]{0.85, 0.9, 0.95, 2.2}),
                new NationalSeries("R57-DIGITAL-ECONOMY", "2023", 16.5, p, new double[]{14.3, 16.5, 18.3, 19.5}),
                new NationalSeries("R57-ONLINE-PUBLIC-SERVICE", "2023", 40, p, new double[]{32, 40, 45, 56}),
                new NationalSeries("R57-INNOVATIVE-ENTERPRISES", "2023", 30, p, new double[]{29, 30, 31, 33}),
                new NationalSeries("R57-HIGHTECH-EXPORTS", "2023", 42, p, new double[]{40, 42, 43, 45}),
                new NationalSeries("R57-RD-PERSONNEL", "2023", 7.6, p, new double[]{7.2, 7.6, 8.0, 8.5}),
                new NationalSeries("R57-GII-RANK", "2023", 46, p, new double[]{48, 46, 44, 44}));
    }

    public static List<FiscalYear> fiscalYears() {
        return List.of(
                new FiscalYear(2024, 2_119_000 * BILLION, 20_100 * BILLION, "Dự toán ngân sách nhà nước năm 2024 (số liệu minh họa)"),
                new FiscalYear(2025, 2_549_000 * BILLION, 56_100 * BILLION, "Dự toán ngân sách nhà nước năm 2025 (số liệu minh họa)"),
                new FiscalYear(2026, 2_860_000 * BILLION, 88_700 * BILLION, "Dự toán ngân sách nhà nước năm 2026: ≥ 3% cho KHCN, ĐMST và CĐS (minh họa)"));
    }

    /** Quarters from 2025Q1 up to the last quarter that has already ended before {@code today}. */
    public static List<String> endedQuarters(LocalDate today) {
        List<String> q = new ArrayList<>();
        for (int y = 2025; y <= today.getYear(); y++) {
            for (int n = 1; n <= 4; n++) {
                LocalDate end = LocalDate.of(y, n * 3, 1).plusMonths(1).minusDays(1);
                if (end.isBefore(today)) {
                    q.add(y + "Q" + n);
                }
            }
        }
        return q;
    }

    /**
     * The operational KPI of an initiative: share of its plan achieved, baseline 10% at 2024Q4, 50% by 2026 and 100% by
     * 2030; quarter k (from 1) reaches about 10 + 6.5·k·pace percent (pace 1 keeps to the linear trajectory).
     */
    public static double operationalValue(Initiative i, int quarterIndex) {
        double v = 10 + 6.5 * (quarterIndex + 1) * i.kpiPace();
        return Math.min(100, Math.round(v * 10) / 10.0);
    }

    /** Payments: fractions of the allocation, with their dates, never later than {@code today}. */
    public static List<Payment> payments(int year, long amount, LocalDate today) {
        List<Payment> p = new ArrayList<>();
        double[] shares = year < today.getYear() ? new double[]{0.25, 0.30, 0.30} : new double[]{0.15, 0.20, 0.10};
        LocalDate[] dates = {LocalDate.of(year, 3, 20), LocalDate.of(year, 7, 15), LocalDate.of(year, 11, 10)};
        for (int k = 0; k < shares.length; k++) {
            if (!dates[k].isAfter(today)) {
                p.add(new Payment(dates[k], Math.round(amount * shares[k] / 1_000_000) * 1_000_000L, k + 1));
            }
        }
        return p;
    }

    public record Payment(LocalDate date, long amount, int seq) {
    }
}
