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

    @Message("Việc của tôi")
    String nav_work();

    @Message("Báo cáo số liệu")
    String nav_report();

    @Message("Việc của tôi")
    String work_title();

    @Message("Những việc đang chờ bạn hoặc cơ quan của bạn: số liệu đến hạn, chờ phê duyệt, vướng mắc cần trả lời, cảnh báo sớm.")
    String work_lead();

    @Message("việc đang chờ")
    String open_items();

    @Message("Thao tác")
    String action();

    @Message("Cảnh báo sớm đang mở")
    String warnings_open();

    @Message("Không có cảnh báo nào.")
    String no_warnings();

    @Message("{#when kind}{#is 'OUTPUT_DUE_SOON'}Sản phẩm sắp đến hạn{#is 'OUTPUT_OVERDUE'}Sản phẩm quá hạn{#is 'VALUE_MISSING'}Chưa báo cáo số liệu đúng hạn{#is 'FORECAST_OFF_TARGET'}Dự báo không đạt mục tiêu{#is 'INITIATIVE_RED'}Sáng kiến chậm tiến độ{#is 'INITIATIVE_RED_REPEATED'}Sáng kiến chậm tiến độ hai quý liên tiếp{#is 'OBSTACLE_UNANSWERED'}Vướng mắc quá hạn trả lời{#is 'DISBURSEMENT_BEHIND'}Giải ngân chậm{#else}{kind}{/when}")
    String warning_kind(String kind);

    @Message("từ {when}")
    String since(String when);

    @Message("Còn nữa: tổng cộng {total}.")
    String more_items(long total);

    @Message("Số liệu đến hạn báo cáo")
    String values_due();

    @Message("Số liệu cơ quan phải báo cáo, chưa đến hạn chót")
    String values_due_caption();

    @Message("Số liệu quá hạn chưa báo cáo")
    String values_overdue();

    @Message("Số liệu đã quá hạn chót mà chưa báo cáo")
    String values_overdue_caption();

    @Message("Không có số liệu nào.")
    String nothing_due();

    @Message("Báo cáo")
    String report_now();

    @Message("Số liệu bị trả lại")
    String values_returned();

    @Message("Lý do trả lại: {reason}")
    String returned_because(String reason);

    @Message("Không có số liệu bị trả lại.")
    String none_returned();

    @Message("Sửa và gửi lại")
    String correct_value();

    @Message("Số liệu chờ phê duyệt")
    String values_to_approve();

    @Message("giá trị đang chờ bạn phê duyệt")
    String values_waiting();

    @Message("Mở danh sách phê duyệt")
    String open_approvals();

    @Message("Vướng mắc, kiến nghị cần trả lời")
    String obstacles_to_answer();

    @Message("hạn trả lời {date}")
    String answer_by(String date);

    @Message("Sản phẩm đến hạn trong 30 ngày và quá hạn")
    String outputs_due();

    @Message("Không có sản phẩm nào đến hạn.")
    String no_outputs_due();

    @Message("Sáng kiến của cơ quan đang chậm tiến độ")
    String initiatives_red();

    @Message("Không có sáng kiến nào chậm tiến độ.")
    String none_red();

    @Message("Phân bổ ngân sách chờ phê duyệt")
    String allocations_to_approve();

    @Message("Sáng kiến đề xuất chờ phê duyệt")
    String initiatives_proposed();

    @Message("Không có gì đang chờ.")
    String none_waiting();

    @Message("Các bộ, ngành chậm nhất")
    String agencies_behind();

    @Message("hạng {rank}, điểm {score}")
    String rank_score(int rank, String score);

    @Message("Báo cáo số liệu")
    String report_title();

    @Message("Nhập một giá trị của chỉ tiêu cho một kỳ và một cơ quan; lưu nháp hoặc gửi phê duyệt.")
    String report_lead();

    @Message("Một giá trị")
    String report_one();

    @Message("Nhập theo bảng")
    String report_grid();

    @Message("Tải tệp lên")
    String report_upload();

    @Message("Đã lưu nháp.")
    String saved_draft();

    @Message("Đã gửi, chờ phê duyệt.")
    String saved_submitted();

    @Message("Lịch sử giá trị")
    String value_history();

    @Message("{#when status}{#is 412}Bản ghi đã được người khác thay đổi sau khi bạn mở trang{#is 409}Không thực hiện được ở trạng thái hiện tại{#is 403}Bạn không có quyền thực hiện việc này{#is 404}Không tìm thấy bản ghi{#is 422}Dữ liệu chưa hợp lệ{#is 503}Dịch vụ tạm thời không trả lời: chưa có gì được ghi, hãy thử lại sau ít phút{#else}Chưa ghi được: hãy sửa các ô được đánh dấu{/when}")
    String refused_title(int status);

    @Message("Hãy tải lại trang để xem bản mới nhất rồi thực hiện lại.")
    String stale_hint();

    @Message("Lỗi")
    String error();

    @Message("Chọn")
    String choose();

    @Message("Chỉ tiêu")
    String field_indicator();

    @Message("Cơ quan báo cáo (mã)")
    String field_agency();

    @Message("Cơ quan của bạn hoặc một đơn vị trực thuộc, ví dụ BKHCN.")
    String agency_hint();

    @Message("Kỳ báo cáo")
    String field_period();

    @Message("Năm (2025), quý (2025Q3) hoặc tháng (2025-07), theo tần suất của chỉ tiêu; không báo cáo trước kỳ.")
    String period_hint();

    @Message("Giá trị")
    String field_value();

    @Message("Ghi chú")
    String field_note();

    @Message("Đường dẫn minh chứng")
    String field_evidence();

    @Message("Lý do")
    String field_reason();

    @Message("Bắt buộc khi trả lại; được lưu trong lịch sử của giá trị.")
    String reason_hint();

    @Message("Gửi phê duyệt")
    String submit_value();

    @Message("Lưu nháp")
    String save_draft();

    @Message("Mở bảng")
    String open_grid();

    @Message("Số liệu của {agency}, kỳ {period} (chỉ tiêu báo cáo {frequency})")
    String grid_caption(String agency, String period, String frequency);

    @Message("Cơ quan không có chỉ tiêu nào phải báo cáo theo tần suất của kỳ này.")
    String grid_empty();

    @Message("Không có ô nào thay đổi: không có gì để lưu.")
    String grid_nothing();

    @Message("Đã lưu {saved} ô; {rejected} ô chưa hợp lệ (xem các ô được đánh dấu).")
    String grid_saved(int saved, int rejected);

    @Message("Tình trạng")
    String col_state();

    @Message("{#when s}{#is 'EMPTY'}Chưa nhập{#is 'DRAFT'}Nháp{#is 'SUBMITTED'}Đã gửi{#is 'APPROVED'}Đã duyệt (khóa){#is 'RETURNED'}Bị trả lại{#is 'INVALID'}Chưa hợp lệ{#else}{s}{/when}")
    String cell_state(String s);

    @Message("Gửi phê duyệt")
    String submit_all();

    @Message("Lưu nháp")
    String save_drafts();

    @Message("{#when s}{#is 'IMPORTED'}Đã thêm{#is 'UPDATED'}Đã cập nhật{#is 'UNCHANGED'}Không đổi{#is 'REJECTED'}Bị từ chối{#is 'VALID'}Hợp lệ{#else}{s}{/when}")
    String row_status(String s);

    @Message("Tải lên tệp CSV hoặc Excel (XLSX) với các cột: mã chỉ tiêu, kỳ, cơ quan, giá trị, ghi chú, minh chứng. Bạn xem trước các dòng đầu rồi mới ghi.")
    String upload_lead();

    @Message("Tệp mẫu cho cơ quan của bạn")
    String template_download();

    @Message("CSV")
    String template_csv();

    @Message("Excel (XLSX)")
    String template_xlsx();

    @Message("{#when e}{#is 'empty'}Chưa chọn tệp, hoặc tệp trống.{#is 'unreadable'}Không đọc được tệp: hãy dùng CSV (UTF-8) hoặc XLSX.{#is 'no-rows'}Tệp chỉ có dòng tiêu đề, không có số liệu.{#is 'too-long'}Tệp có hơn 10.000 dòng: hãy chia nhỏ.{#else}{e}{/when}")
    String file_error(String e);

    @Message("Tệp số liệu (CSV hoặc XLSX)")
    String upload_file();

    @Message("Tối đa 10.000 dòng; dòng đầu là tên cột (tiếng Việt hoặc tiếng Anh).")
    String upload_file_hint();

    @Message("Cách ghi")
    String import_mode();

    @Message("Tất cả hoặc không: có một dòng sai thì không ghi dòng nào")
    String mode_atomic();

    @Message("Từng phần: ghi các dòng hợp lệ, báo các dòng sai")
    String mode_partial();

    @Message("Xem trước")
    String upload_preview_button();

    @Message("Xem trước {file}: {count} dòng số liệu")
    String upload_preview(String file, int count);

    @Message("{shown} dòng đầu trong {count} dòng")
    String preview_caption(int shown, int count);

    @Message("Dòng")
    String col_row();

    @Message("Ghi {count} dòng")
    String import_now(int count);

    @Message("Hủy")
    String cancel();

    @Message("Kết quả ghi số liệu")
    String import_result();

    @Message("Đã ghi: {imported} thêm mới, {updated} cập nhật, {unchanged} không đổi; {rejected} dòng bị từ chối.")
    String import_committed(int imported, int updated, int unchanged, int rejected);

    @Message("Không ghi dòng nào: {rejected} trong {total} dòng chưa hợp lệ. Sửa các dòng dưới đây rồi tải lên lại.")
    String import_refused(int rejected, int total);

    @Message("Kết quả từng dòng ({total} dòng)")
    String import_rows_caption(int total);

    @Message("Lý do")
    String col_problem();

    @Message("Tải tệp khác")
    String upload_another();

    @Message("Phê duyệt số liệu")
    String approvals_title();

    @Message("Số liệu đã gửi của cơ quan bạn và các đơn vị trực thuộc, kèm giá trị kỳ trước và mức thay đổi. Chọn nhiều giá trị rồi phê duyệt hoặc trả lại kèm lý do.")
    String approvals_lead();

    @Message("{total} giá trị chờ phê duyệt")
    String approvals_caption(long total);

    @Message("Không có giá trị nào chờ phê duyệt.")
    String approvals_empty();

    @Message("Kỳ trước")
    String col_previous();

    @Message("Phê duyệt các giá trị đã chọn")
    String approve_selected();

    @Message("Trả lại các giá trị đã chọn")
    String return_selected();

    @Message("Kết quả")
    String decision_result();

    @Message("{#when action}{#is 'RETURN'}Đã trả lại{#else}Đã phê duyệt{/when} {decided} giá trị; {rejected} giá trị không thực hiện được.")
    String decided(String action, int decided, int rejected);

    @Message("Giá trị {code} kỳ {period} của {agency}")
    String value_title(String code, String period, String agency);

    @Message("Người quyết định")
    String col_decided();

    @Message("Xem chỉ tiêu")
    String open_indicator();

    @Message("Mọi thay đổi của giá trị: ai, khi nào, vì sao")
    String history_caption();

    @Message("Thời điểm")
    String col_when();

    @Message("Thao tác")
    String col_action();

    @Message("Người thực hiện")
    String col_by();

    @Message("Tải về")
    String export();

    @Message("Vướng mắc, kiến nghị cơ quan bạn được đề nghị xử lý và những vướng mắc cơ quan bạn đã gửi: trạng thái xử lý, đang ở đâu và từ khi nào.")
    String obstacles_lead();

    @Message("Đang xử lý")
    String only_open();

    @Message("Tất cả")
    String all_obstacles();

    @Message("Cơ quan được đề nghị xử lý")
    String asked_of_us();

    @Message("Vướng mắc gửi đến cơ quan bạn")
    String asked_caption();

    @Message("Cơ quan đã gửi")
    String filed_by_us();

    @Message("Vướng mắc cơ quan bạn đã gửi")
    String filed_caption();

    @Message("Gửi vướng mắc mới từ trang của sáng kiến.")
    String file_from_initiative();

    @Message("Vướng mắc")
    String col_obstacle();

    @Message("Gửi → Xử lý")
    String col_route();

    @Message("Đang xử lý tại")
    String col_holder();

    @Message("Hạn trả lời")
    String col_answer_due();

    @Message("Vướng mắc, kiến nghị")
    String obstacle_title();

    @Message("{#when step}{#is 'filed'}Đã gửi vướng mắc.{#is 'answer'}Đã gửi trả lời.{#is 'resolve'}Đã đánh dấu đã giải quyết.{#is 'close'}Đã đóng vướng mắc.{#else}Đã ghi.{/when}")
    String obstacle_done(String step);

    @Message("Quá trình xử lý")
    String processing();

    @Message("kết thúc lúc {when}")
    String closed_at(String when);

    @Message("Đã quá hạn trả lời")
    String answer_late();

    @Message("Nội dung vướng mắc")
    String field_description();

    @Message("Đề xuất, kiến nghị")
    String field_request();

    @Message("Chưa có trả lời")
    String not_answered();

    @Message("Kết quả giải quyết")
    String resolution();

    @Message("{agency} gửi ({by})")
    String step_filed(String agency, String by);

    @Message("{agency} trả lời ({by})")
    String step_answered(String agency, String by);

    @Message("Trả lời của cơ quan")
    String your_answer();

    @Message("Gửi trả lời")
    String send_answer();

    @Message("Ghi chú kết quả giải quyết")
    String resolution_note();

    @Message("Lý do rút, đóng vướng mắc")
    String withdraw_note();

    @Message("Đánh dấu đã giải quyết")
    String mark_resolved();

    @Message("Rút, đóng vướng mắc")
    String withdraw();

    @Message("Gửi vướng mắc, kiến nghị")
    String file_obstacle();

    @Message("Cơ quan gửi (mã)")
    String filed_by_agency();

    @Message("Cơ quan được đề nghị xử lý")
    String asked_agency();

    @Message("Gửi")
    String send_obstacle();
}
