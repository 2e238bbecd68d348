package vn.nq57.portal.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the pages where people work (my work, reporting, approving, obstacles, managing initiatives and
 * allocations), Vietnamese first, English in {@code messages/wmsg_en.properties}. Templates read them as
 * {@code wmsg:key}. (A second bundle beside {@link Msg}: one bundle of this many messages is more than Qute's
 * generated resolver handles.)
 */
@MessageBundle(value = "wmsg", locale = "vi")
public interface WorkMsg {

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

    @Message("Cập nhật sáng kiến")
    String manage_initiative();

    @Message("{#when form}{#is 'edit'}Đã lưu thay đổi.{#is 'transition'}Đã chuyển trạng thái.{#is 'deliver'}Đã ghi nhận sản phẩm bàn giao.{#is 'created'}Đã tạo sáng kiến (dự thảo): thêm sản phẩm đầu ra, rồi chờ phê duyệt.{#else}Đã lưu.{/when}")
    String manage_done(String form);

    @Message("Tải lại bản mới nhất")
    String reload();

    @Message("Chuyển trạng thái")
    String lifecycle_step();

    @Message("Trạng thái mới")
    String new_status();

    @Message("Bắt buộc; được lưu trong lịch sử trạng thái của sáng kiến.")
    String transition_hint();

    @Message("Chuyển trạng thái")
    String apply_step();

    @Message("Sáng kiến đã ở trạng thái cuối.")
    String no_more_steps();

    @Message("Đường dẫn minh chứng")
    String evidence_link();

    @Message("Ghi nhận đã bàn giao")
    String mark_delivered();

    @Message("Sửa thông tin sáng kiến")
    String edit_initiative();

    @Message("Tên sáng kiến (tiếng Việt)")
    String field_title_vi();

    @Message("Tên tiếng Anh")
    String field_title_en();

    @Message("Mỗi tiêu chí một dòng.")
    String one_per_line();

    @Message("Lưu thay đổi")
    String save_changes();

    @Message("Cập nhật sáng kiến")
    String manage_link();

    @Message("Phân bổ kinh phí")
    String allocations_title();

    @Message("{total} khoản phân bổ")
    String allocations_caption(long total);

    @Message("Khoản phân bổ")
    String col_allocation();

    @Message("{#when s}{#is 'PLANNED'}Kế hoạch, chờ phê duyệt{#is 'APPROVED'}Đã phê duyệt{#is 'CANCELLED'}Đã hủy{#else}{s}{/when}")
    String allocation_status(String s);

    @Message("{#when form}{#is 'approve'}Đã phê duyệt khoản phân bổ.{#is 'disburse'}Đã ghi nhận giải ngân.{#else}Đã lưu.{/when}")
    String allocation_done(String form);

    @Message("Số tiền vượt quá phần còn lại của khoản phân bổ: chỉ còn {remaining}.")
    String overdraft(String remaining);

    @Message("Còn lại")
    String remaining();

    @Message("Mục đích")
    String purpose();

    @Message("Phê duyệt khoản phân bổ")
    String approve_allocation();

    @Message("Ghi nhận giải ngân")
    String record_disbursement();

    @Message("Ngày")
    String field_date();

    @Message("Số tiền (đồng)")
    String field_amount();

    @Message("Số chứng từ thanh toán")
    String field_payment_reference();

    @Message("Ghi nhận")
    String record();

    @Message("Các lần giải ngân")
    String disbursements();

    @Message("Chưa có lần giải ngân nào.")
    String no_disbursements();

    @Message("chưa ghi vì có dòng sai")
    String not_written();

    @Message("{total} cảnh báo đang mở")
    String warnings_caption(long total);

    @Message("Cảnh báo")
    String col_warning();

    @Message("Nội dung")
    String col_reason_text();

    @Message("Từ lúc")
    String col_since();

    @Message("Xem sáng kiến")
    String open_initiative();

    @Message("Chọn tất cả")
    String select_all();

    @Message("Không ghi nhận được: vượt quá số còn lại")
    String overdraft_title();

    @Message("Bảng xếp hạng thực hiện nhiệm vụ")
    String ranking_title();

    @Message("Các bộ, ngành hoặc địa phương xếp theo mức độ báo cáo số liệu đúng hạn, bàn giao sản phẩm đúng hạn, trả lời vướng mắc đúng hạn và tiến độ các sáng kiến chủ trì.")
    String ranking_lead();

    @Message("Cấp")
    String ranking_level();

    @Message("{#when l}{#is 'MINISTRY'}Bộ, ngành trung ương{#is 'PROVINCE'}Tỉnh, thành phố{#else}{l}{/when}")
    String level(String l);

    @Message("Xếp hạng {level}, năm {year}")
    String ranking_caption(String level, int year);

    @Message("Hạng")
    String col_rank();

    @Message("Điểm")
    String col_score();

    @Message("Số liệu đúng hạn")
    String col_values_on_time();

    @Message("Sản phẩm đúng hạn")
    String col_outputs_on_time();

    @Message("Vướng mắc trả lời đúng hạn")
    String col_obstacles_in_time();

    @Message("Sáng kiến chậm tiến độ")
    String col_red();

    @Message("cơ quan của bạn")
    String yours();

    @Message("{n} chưa báo cáo")
    String missing_n(int n);

    @Message("{n} quá hạn")
    String overdue_n(int n);

    @Message("Điểm 0–100: số liệu 40 %, sản phẩm 30 %, vướng mắc 15 %, sáng kiến 15 %; trễ hạn được tính một nửa.")
    String ranking_formula();

    @Message("Xếp hạng")
    String nav_ranking();

    @Message("Đề xuất sáng kiến mới")
    String new_initiative();

    @Message("Sáng kiến mới ở trạng thái dự thảo cho đến khi Ban Chỉ đạo phê duyệt. Nhập ít nhất một sản phẩm đầu ra; các sản phẩm khác thêm sau.")
    String new_initiative_lead();

    @Message("Mã sáng kiến")
    String field_code();

    @Message("Ví dụ H4-07; không đổi được sau khi tạo.")
    String code_hint();

    @Message("Cơ quan chủ trì (mã)")
    String field_lead_agency();

    @Message("Gửi đề xuất")
    String propose();

    @Message("Trang dưới đây đã là bản mới nhất: xem lại thay đổi đó, rồi gửi lại nếu vẫn cần.")
    String stale_fresh();

    @Message("Sản phẩm đầu ra đầu tiên")
    String first_output();

    @Message("Sản phẩm")
    String output_description();

    @Message("Thời hạn bàn giao")
    String output_due();

    @Message("Năm")
    String field_year();

    @Message("chưa có gì để tính điểm")
    String not_ranked();

    @Message("{n} trễ hạn")
    String late_n(int n);
}
