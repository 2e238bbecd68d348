package vn.nq57.portal.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the portal, Vietnamese first (the defaults here; the wording of the Systems, phases and monitoring
 * model follows the Strategic Action Plan), English in {@code messages/msg_en.properties}. Templates read them as
 * {@code msg:key}.
 */
@MessageBundle(value = "msg", locale = "vi")
public interface Msg {

    @Message("NQ57")
    String app_short();

    @Message("Giám sát Kế hoạch hành động chiến lược triển khai Nghị quyết 57-NQ/TW")
    String app_name();

    @Message("Bỏ qua, đến nội dung chính")
    String skip_to_content();

    @Message("Điều hướng chính")
    String nav_label();

    @Message("Tổng quan")
    String nav_overview();

    @Message("Cơ quan của tôi")
    String nav_my_agency();

    @Message("Ngân sách")
    String nav_budget();

    @Message("English")
    String switch_language();

    @Message("Đăng xuất")
    String sign_out();

    @Message("Phiên bản {instance} · Số liệu từ các dịch vụ initiative, kpi, budget · Giờ Việt Nam (UTC+7)")
    String footer(String instance);

    @Message("Đã cập nhật lúc")
    String updated_at();

    @Message("{#when role}{#is 'central-admin'}Quản trị trung ương{#is 'ministry-admin'}Quản trị bộ, ngành, địa phương{#is 'data-submitter'}Cán bộ nhập số liệu{#is 'viewer'}Người xem{#else}{role}{/when}")
    String role(String role);

    @Message("{#when rag}{#is 'GREEN'}Đúng tiến độ{#is 'AMBER'}Cần chú ý{#is 'RED'}Chậm tiến độ{#else}Chưa có số liệu{/when}")
    String rag(String rag);

    @Message("{#when problem}{#is 'forbidden'}Bạn không có quyền xem phần này (dịch vụ {service}).{#is 'not-found'}Không tìm thấy dữ liệu của phần này (dịch vụ {service}).{#else}Phần này tạm thời không hiển thị được: dịch vụ {service} không trả lời. Các phần khác của trang vẫn đúng; hãy tải lại trang sau ít phút.{/when}")
    String part_missing(String service, String problem);

    @Message("Tổng quan thực hiện Kế hoạch hành động chiến lược")
    String overview_title();

    @Message("06 Hệ thống, các sáng kiến đột phá và Hệ thống chỉ tiêu đo lường (KPIs) của Nghị quyết 57-NQ/TW, giám sát, đánh giá theo thời gian thực.")
    String overview_lead();

    @Message("Bộ lọc")
    String filters();

    @Message("Giai đoạn")
    String filter_phase();

    @Message("Kỳ số liệu")
    String filter_period();

    @Message("Cơ quan, đơn vị")
    String filter_agency();

    @Message("Chọn năm ngân sách")
    String filter_year();

    @Message("Lọc sáng kiến")
    String filter_initiatives();

    @Message("Tất cả (mốc 2030)")
    String phase_all();

    @Message("{#when phase}{#is 'P1'}Giai đoạn 2025–2026: khởi động và thiết lập nền tảng{#is 'P2'}Giai đoạn 2026–2030: triển khai đồng bộ, đánh giá giữa kỳ{#is 'P3'}Giai đoạn 2030–2045: củng cố, mở rộng và hoàn thiện{#else}{phase}{/when}")
    String phase(String phase);

    @Message("Mới nhất")
    String period_latest();

    @Message("Cả nước")
    String agency_all();

    @Message("Áp dụng")
    String apply();

    @Message("Bỏ lọc")
    String reset_filters();

    @Message("Tình hình chung")
    String plan_health();

    @Message("Số liệu đến {time}")
    String as_of(String time);

    @Message("Sáng kiến đột phá")
    String initiatives();

    @Message("{green} đúng tiến độ · {amber} cần chú ý · {red} chậm · {grey} chưa có số liệu")
    String counts(int green, int amber, int red, int grey);

    @Message("{total} sáng kiến: {green} đúng tiến độ, {amber} cần chú ý, {red} chậm tiến độ, {grey} chưa có số liệu.")
    String counts_long(int total, int green, int amber, int red, int grey);

    @Message("Tỷ lệ giải ngân")
    String disbursement_rate();

    @Message("Đã giải ngân {disbursed} / {allocated} được phân bổ")
    String disbursed_of(String disbursed, String allocated);

    @Message("Sản phẩm quá hạn")
    String overdue_outputs();

    @Message("Vướng mắc chưa giải quyết")
    String open_obstacles();

    @Message("{n} vướng mắc, kiến nghị chưa giải quyết")
    String open_obstacles_n(int n);

    @Message("06 Hệ thống")
    String systems_title();

    @Message("Tình hình từng Hệ thống: sức khỏe, sáng kiến, chỉ tiêu, sản phẩm quá hạn, vướng mắc, giải ngân")
    String systems_caption();

    @Message("Biểu đồ số sáng kiến theo mức độ của từng Hệ thống; số liệu chi tiết ở bảng dưới")
    String chart_systems_alt();

    @Message("Hệ thống")
    String col_system();

    @Message("Mức độ")
    String col_health();

    @Message("Tiến độ chỉ tiêu (TB)")
    String col_kpi_progress();

    @Message("{#when code}{#is 'H6'}Hệ thống 6{#else}Hệ thống {code.substring(1)}{/when}")
    String system_label(String code);

    @Message("{agency}")
    String agency_panel(String agency);

    @Message("Cơ quan của bạn: {agency}")
    String your_agency_panel(String agency);

    @Message("Xem chi tiết: {agency}")
    String open_agency(String agency);

    @Message("Chỉ tiêu quốc gia của Nghị quyết 57")
    String national_kpis();

    @Message("Giá trị mới nhất so với mục tiêu năm {horizon} và kỳ trước")
    String national_kpis_caption(String horizon);

    @Message("So với kỳ trước: {improved} chỉ tiêu cải thiện, {declined} chỉ tiêu giảm.")
    String changes_since(long improved, long declined);

    @Message("Chỉ tiêu")
    String col_indicator();

    @Message("Trạng thái")
    String col_status();

    @Message("Giá trị")
    String col_value();

    @Message("So với kỳ trước")
    String col_change();

    @Message("Mục tiêu")
    String col_target();

    @Message("Tiến độ")
    String col_progress();

    @Message("Dự báo")
    String col_forecast();

    @Message("Xu hướng")
    String col_trend();

    @Message("Kỳ đã chọn")
    String not_latest();

    @Message("kỳ {period}")
    String in_period(String period);

    @Message("{#when trend}{#is 'IMPROVED'}▲ Cải thiện{#is 'DECLINED'}▼ Giảm{#is 'UNCHANGED'}= Không đổi{#else}Chưa đủ số liệu{/when}")
    String trend(String trend);

    @Message("trước: {value} ({period})")
    String previous(String value, String period);

    @Message("năm {year}")
    String by_year(String year);

    @Message("năm 2045: {value}")
    String target_2045(String value);

    @Message("dự báo đạt")
    String forecast_meets();

    @Message("dự báo chưa đạt")
    String forecast_misses();

    @Message("Chưa có chỉ tiêu.")
    String no_indicators();

    @Message("Vị trí trang")
    String breadcrumb();

    @Message("Tình hình của Hệ thống")
    String system_health();

    @Message("Chỉ tiêu chiến lược của Hệ thống")
    String system_kpis();

    @Message("Chỉ tiêu chiến lược của Hệ thống {code.substring(1)}: giá trị mới nhất so với mục tiêu 2030")
    String system_kpis_caption(String code);

    @Message("Sáng kiến đột phá của Hệ thống {code.substring(1)}; chọn tiêu đề cột để sắp xếp")
    String initiatives_of_system(String code);

    @Message("Sáng kiến do {code} và các đơn vị trực thuộc chủ trì; chọn tiêu đề cột để sắp xếp")
    String initiatives_of_agency(String code);

    @Message("Tìm kiếm")
    String search();

    @Message("mã, tên, cơ quan (không cần dấu)")
    String search_hint();

    @Message("Tất cả")
    String all();

    @Message("Hiển thị {shown} / {total} sáng kiến")
    String showing(int shown, int total);

    @Message("Sáng kiến")
    String col_initiative();

    @Message("Cơ quan phụ trách")
    String col_lead_agency();

    @Message("Thời hạn thực hiện")
    String col_deadline();

    @Message("Sáng kiến trọng điểm")
    String key_initiative();

    @Message("{#when status}{#is 'DRAFT'}Dự thảo{#is 'APPROVED'}Đã phê duyệt{#is 'IN_PROGRESS'}Đang triển khai{#is 'COMPLETED'}Hoàn thành{#is 'SUSPENDED'}Tạm dừng{#is 'CANCELLED'}Hủy bỏ{#is 'NONE'}(mới){#else}{status}{/when}")
    String status(String status);

    @Message("Không có sáng kiến phù hợp.")
    String no_initiatives();

    @Message("{#when level}{#is 'CENTRAL_BODY'}Cơ quan Trung ương{#is 'MINISTRY'}Bộ, cơ quan ngang bộ{#is 'PROVINCE'}Tỉnh, thành phố{#is 'AGENCY_UNIT'}Đơn vị trực thuộc{#is 'ENTERPRISE'}Doanh nghiệp{#is 'INSTITUTE'}Viện, đại học{#else}{level}{/when}")
    String level(String level);

    @Message("Cơ quan của bạn")
    String your_agency();

    @Message("Số liệu của cơ quan")
    String agency_figures();

    @Message("Đơn vị trực thuộc")
    String agencies_below();

    @Message("Sáng kiến chủ trì")
    String initiatives_led();

    @Message("Chỉ tiêu do cơ quan quản lý")
    String indicators_owned();

    @Message("{#when tier}{#is 'STRATEGIC'}Chỉ tiêu chiến lược{#else}Chỉ tiêu của sáng kiến{/when}")
    String tier(String tier);

    @Message("Vì sao có mức độ này")
    String why_colour();

    @Message("{#when code}{#is 'KPI_RED'}Có chỉ tiêu ở mức chậm tiến độ.{#is 'KPI_AMBER'}Có chỉ tiêu ở mức cần chú ý.{#is 'OUTPUT_OVERDUE'}Có sản phẩm đầu ra quá hạn.{#is 'OUTPUT_LONG_OVERDUE'}Có sản phẩm đầu ra quá hạn lâu.{#is 'OBSTACLE_OPEN'}Còn vướng mắc, kiến nghị chưa giải quyết.{#is 'OBSTACLE_LONG_OPEN'}Có vướng mắc chưa được giải quyết trong thời gian dài.{#is 'ON_TRACK'}Các chỉ tiêu đạt hoặc vượt lộ trình.{#is 'NO_DATA'}Chưa có số liệu chỉ tiêu.{#is 'STRATEGIC_KPI_RED'}Có chỉ tiêu chiến lược chậm tiến độ.{#is 'STRATEGIC_KPI_AMBER'}Có chỉ tiêu chiến lược cần chú ý.{#is 'INITIATIVES_RED'}Có sáng kiến chậm tiến độ.{#is 'INITIATIVES_BEHIND'}Nhiều sáng kiến chậm hoặc cần chú ý.{#is 'SYSTEM_RED'}Có Hệ thống chậm tiến độ.{#is 'SYSTEM_AMBER'}Có Hệ thống cần chú ý.{#is 'NONE'}Không có yếu tố nào làm giảm mức độ.{#else}{detail}{/when}")
    String reason(String code, String detail);

    @Message("{indicators} chỉ tiêu ({green} đạt, {amber} cần chú ý, {red} chậm) · {overdue} sản phẩm quá hạn · {obstacles} vướng mắc chưa giải quyết")
    String score_facts(int indicators, int green, int amber, int red, int overdue, int obstacles);

    @Message("Nội dung sáng kiến")
    String required_attributes();

    @Message("Định hướng nội dung")
    String content_orientation();

    @Message("Sản phẩm đầu ra")
    String col_outputs();

    @Message("{n} sản phẩm (chi tiết bên dưới)")
    String outputs_n(int n);

    @Message("Tiêu chí đánh giá")
    String evaluation_criteria();

    @Message("Tổng công trình sư")
    String chief_architect();

    @Message("Chưa phân công")
    String not_named();

    @Message("Cơ quan phối hợp")
    String coordinating();

    @Message("Sản phẩm đầu ra, thời hạn và minh chứng")
    String outputs_caption();

    @Message("Sản phẩm")
    String col_output();

    @Message("Hạn")
    String col_due();

    @Message("Minh chứng")
    String col_evidence();

    @Message("{#when status}{#is 'PLANNED'}Kế hoạch{#is 'IN_PROGRESS'}Đang thực hiện{#is 'DELIVERED'}Đã hoàn thành{#is 'CANCELLED'}Hủy bỏ{#else}{status}{/when}")
    String output_status(String status);

    @Message("quá hạn")
    String overdue();

    @Message("Xem minh chứng")
    String evidence();

    @Message("Chưa có sản phẩm đầu ra.")
    String no_outputs();

    @Message("Mốc thực hiện")
    String milestones();

    @Message("đã xong")
    String done();

    @Message("chưa xong")
    String not_done();

    @Message("Chỉ tiêu đo lường (KPIs)")
    String kpis();

    @Message("Chỉ tiêu của sáng kiến: giá trị mới nhất so với mục tiêu")
    String initiative_kpis_caption();

    @Message("Ngân sách theo nguồn vốn")
    String budget_by_source();

    @Message("Kinh phí được phân bổ và đã giải ngân theo nguồn vốn")
    String budget_caption();

    @Message("Nguồn vốn")
    String col_source();

    @Message("Phân bổ")
    String col_allocated();

    @Message("Đã giải ngân")
    String col_disbursed();

    @Message("Tổng cộng")
    String total();

    @Message("{#when source}{#is 'CENTRAL_BUDGET'}Ngân sách trung ương{#is 'LOCAL_BUDGET'}Ngân sách địa phương{#is 'ODA'}Vốn ODA{#is 'ENTERPRISE'}Doanh nghiệp{#is 'SOCIAL'}Xã hội hóa{#is 'OTHER'}Nguồn khác{#else}{source}{/when}")
    String source(String source);

    @Message("Chưa có phân bổ ngân sách.")
    String no_allocations();

    @Message("Vướng mắc, kiến nghị")
    String obstacles();

    @Message("{#when status}{#is 'OPEN'}Chưa trả lời{#is 'ANSWERED'}Đã trả lời{#is 'RESOLVED'}Đã giải quyết{#is 'CLOSED'}Đã đóng{#else}{status}{/when}")
    String obstacle_status(String status);

    @Message("{from} kiến nghị {to}")
    String obstacle_route(String from, String to);

    @Message("{days} ngày")
    String age_days(long days);

    @Message("Đề nghị")
    String request();

    @Message("Trả lời")
    String answer();

    @Message("Không có vướng mắc.")
    String no_obstacles();

    @Message("Quá trình thực hiện")
    String lifecycle();

    @Message("Chưa có thay đổi trạng thái.")
    String no_history();

    @Message("Sáng kiến tương tự của cơ quan khác")
    String similar();

    @Message("độ tương đồng {score}")
    String similarity(String score);

    @Message("Không có sáng kiến tương tự.")
    String no_similar();

    @Message("Đơn vị tính")
    String unit();

    @Message("{#when unit}{#is 'PERCENT'}Phần trăm (%){#is 'COUNT'}Số lượng{#is 'VND'}Đồng{#is 'PER_10K_PEOPLE'}Trên 10.000 dân{#is 'RANK'}Thứ hạng (càng nhỏ càng tốt){#is 'INDEX'}Chỉ số{#else}{unit}{/when}")
    String unit_name(String unit);

    @Message("{#when f}{#is 'ANNUAL'}Hằng năm{#is 'QUARTERLY'}Hằng quý{#is 'MONTHLY'}Hằng tháng{#else}{f}{/when}")
    String frequency(String f);

    @Message("{#when d}{#is 'LOWER_IS_BETTER'}Càng thấp càng tốt{#else}Càng cao càng tốt{/when}")
    String direction(String d);

    @Message("Giá trị cơ sở")
    String baseline();

    @Message("Mục tiêu")
    String targets();

    @Message("Cách tổng hợp")
    String aggregation();

    @Message("{#when a}{#is 'SUM'}Cộng các cơ quan{#is 'AVERAGE'}Trung bình các cơ quan{#is 'MAX'}Giá trị lớn nhất{#is 'MIN'}Giá trị nhỏ nhất{#is 'LATEST'}Giá trị báo cáo mới nhất{#else}{a}{/when}")
    String aggregation_name(String a);

    @Message("Cơ quan quản lý chỉ tiêu")
    String owner_agency();

    @Message("Nguồn số liệu, phương pháp")
    String data_source();

    @Message("Đánh giá")
    String evaluation();

    @Message("Cơ quan báo cáo")
    String reported_by();

    @Message("Cả nước")
    String national();

    @Message("theo lộ trình: {p}")
    String expected_progress(String p);

    @Message("Còn thiếu")
    String missing_data();

    @Message("Biểu đồ giá trị thực tế so với lộ trình mục tiêu; số liệu ở bảng dưới")
    String chart_indicator_alt();

    @Message("Thực tế")
    String actual();

    @Message("Lộ trình mục tiêu")
    String target_path();

    @Message("Giá trị thực tế và lộ trình mục tiêu theo kỳ")
    String series_caption();

    @Message("Kỳ")
    String col_period();

    @Message("Số liệu báo cáo")
    String values();

    @Message("Số liệu các cơ quan báo cáo ({total} giá trị)")
    String values_caption(long total);

    @Message("Cơ quan")
    String col_agency();

    @Message("Gửi lúc")
    String col_submitted();

    @Message("{#when s}{#is 'DRAFT'}Nháp{#is 'SUBMITTED'}Chờ phê duyệt{#is 'APPROVED'}Đã phê duyệt{#is 'RETURNED'}Bị trả lại{#else}{s}{/when}")
    String value_status(String s);

    @Message("Chưa có số liệu.")
    String no_values();

    @Message("Ngân sách cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số")
    String budget_title();

    @Message("Năm ngân sách")
    String fiscal_year();

    @Message("Chưa có năm ngân sách nào.")
    String no_fiscal_years();

    @Message("Các quy định về ngân sách")
    String budget_rules();

    @Message("Chi cho KH, CN, ĐMST và CĐS / tổng chi ngân sách (tối thiểu 3 %)")
    String three_percent_rule();

    @Message("Đạt mức tối thiểu 3 %")
    String rule_passes();

    @Message("Chưa đạt 3 %: còn thiếu {shortfall}")
    String rule_fails(String shortfall);

    @Message("{sti} / tổng chi {total}")
    String sti_of_total(String sti, String total);

    @Message("Tỷ trọng nguồn ngoài nhà nước (mục tiêu trên 60 %)")
    String non_state_share();

    @Message("Đạt mục tiêu năm 2030")
    String share_meets();

    @Message("Chưa đạt mục tiêu {target}")
    String share_misses(String target);

    @Message("Theo nguồn vốn")
    String by_funding_source();

    @Message("Phân bổ đã phê duyệt và giải ngân theo nguồn vốn, năm {year}")
    String sources_caption(int year);

    @Message("Đã phê duyệt")
    String col_approved();

    @Message("Tỷ trọng")
    String col_share();

    @Message("ngoài nhà nước")
    String non_state();

    @Message("Theo Hệ thống")
    String by_system();

    @Message("Biểu đồ kinh phí đã phê duyệt và đã giải ngân theo Hệ thống (tỷ đồng); số liệu ở bảng dưới")
    String chart_budget_alt();

    @Message("Phân bổ và giải ngân theo Hệ thống, năm {year}")
    String by_system_caption(int year);

    @Message("Kế hoạch")
    String col_planned();

    @Message("Ưu tiên ngân sách cho sáng kiến trọng điểm")
    String key_priority();

    @Message("Mọi sáng kiến trọng điểm đều đã có phân bổ được phê duyệt.")
    String priority_ok();

    @Message("Sáng kiến trọng điểm chưa có phân bổ được phê duyệt")
    String key_unfunded();

    @Message("Phân bổ cho sáng kiến không trọng điểm trong khi sáng kiến trọng điểm chưa được cấp")
    String priority_warnings();

    @Message("kế hoạch {amount}")
    String planned_amount(String amount);

    @Message("trong khi chưa cấp cho")
    String while_unfunded();

    @Message("Bạn đã đăng xuất")
    String signed_out_title();

    @Message("Phiên làm việc trên cổng và trên hệ thống đăng nhập một lần đã kết thúc.")
    String signed_out_text();

    @Message("Đăng nhập lại")
    String sign_in_again();

    @Message("{#when status}{#is 404}Không tìm thấy trang{#is 403}Bạn không có quyền xem trang này{#else}Đã có lỗi xảy ra{/when}")
    String error_title(int status);

    @Message("{#when status}{#is 404}Trang hoặc dữ liệu bạn tìm không tồn tại, hoặc đã được đổi địa chỉ.{#is 403}Tài khoản của bạn không có quyền với nội dung này.{#else}Cổng không hoàn tất được yêu cầu. Hãy thử lại; nếu lỗi còn, báo cho bộ phận hỗ trợ mã tham chiếu dưới đây.{/when}")
    String error_text(int status);

    @Message("Mã tham chiếu:")
    String error_reference();

    @Message("Về trang Tổng quan")
    String back_to_overview();

}
