package vn.nq57.portal.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts about federation between a ministry's instance and central (writes central refused), Vietnamese first,
 * English in {@code messages/fmsg_en.properties}. Templates read them as {@code fmsg:key}.
 */
@MessageBundle(value = "fmsg", locale = "vi")
public interface FederationMsg {

    @Message("Số liệu trung ương chưa nhận")
    String title();

    @Message("Những ghi chép cơ quan bạn đã ghi ở hệ thống của bộ nhưng hệ thống trung ương từ chối nhận, kèm lý do. Với mỗi ghi chép, hãy chọn: gửi lại (khi trung ương đã bàn giao dữ liệu cho bộ), rút lại (giữ số liệu của trung ương) hoặc đề nghị trung ương xem xét.")
    String lead_ministry();

    @Message("Những ghi chép các bộ gửi lên mà hệ thống trung ương từ chối nhận, kèm lý do. Với mỗi ghi chép, trung ương giữ số liệu của mình (ghi rõ lý do để bộ được biết) hoặc nhận số liệu của bộ thay cho số liệu của trung ương.")
    String lead_central();

    @Message("Không có ghi chép nào bị từ chối.")
    String none();

    @Message("{#when type}{#is 'measurement'}Số liệu{#is 'measurements'}Lô số liệu{#is 'initiative'}Nhiệm vụ{#is 'obstacle'}Vướng mắc{#is 'allocation'}Phân bổ vốn{#else}Ghi chép{/when}")
    String record_type(String type);

    @Message("Ghi chép")
    String col_record();

    @Message("Mở trang của ghi chép")
    String open_record();

    @Message("Bộ gửi")
    String col_origin();

    @Message("Lý do trung ương từ chối")
    String col_reason();

    @Message("Thời điểm từ chối")
    String col_when();

    @Message("Sự kiện")
    String col_event();

    @Message("từ chối {n} lần")
    String times(int n);

    @Message("Xử lý")
    String decide();

    @Message("Gửi lại cho trung ương")
    String action_RESUBMIT();

    @Message("Rút lại (giữ số liệu của trung ương)")
    String action_WITHDRAW();

    @Message("Đề nghị trung ương xem xét")
    String action_ASK_CENTRAL();

    @Message("Lưu quyết định")
    String save();

    @Message("Nhận số liệu của bộ thay cho số liệu của trung ương")
    String action_ACCEPT();

    @Message("Lý do (bắt buộc khi giữ số liệu của trung ương)")
    String keep_reason();

    @Message("Giữ số liệu của trung ương")
    String keep_central();

    @Message("{#when action}{#is 'RESUBMIT'}Đã gửi lại cho trung ương.{#is 'WITHDRAW'}Đã rút lại.{#is 'ASK_CENTRAL'}Đã đề nghị trung ương xem xét.{#is 'ACCEPT'}Đã nhận số liệu của bộ.{#else}Đã giữ số liệu của trung ương.{/when}")
    String done(String action);

    @Message("Trung ương")
    String central_status();

    @Message("{#when state}{#is 'APPLIED'}Trung ương đã nhận{#is 'PENDING'}Đang chờ gửi lên trung ương{#is 'REJECTED'}Trung ương từ chối nhận{#else}Không gửi lên trung ương{/when}")
    String state(String state);

    @Message("{n} ghi chép trung ương chưa nhận")
    String work_count(long n);

    @Message("Kết nối các bộ, ngành")
    String instances_title();

    @Message("Các hệ thống của bộ, ngành đã được trung ương bàn giao dữ liệu (hoặc đã ngừng kết nối), tình trạng ở từng dịch vụ và số ghi chép bộ, ngành đang quản lý. Khi bàn giao, trung ương chuyển toàn bộ nhiệm vụ, số liệu, phân bổ vốn của bộ, ngành sang hệ thống của bộ, ngành và từ đó chỉ giữ bản sao chỉ đọc.")
    String instances_lead();

    @Message("Trung ương chưa bàn giao dữ liệu cho hệ thống nào của bộ, ngành.")
    String instances_none();

    @Message("Hệ thống của các bộ, ngành theo từng dịch vụ")
    String instances_caption();

    @Message("Hệ thống (cơ quan)")
    String col_instance();

    @Message("{#when service}{#is 'initiative'}Nhiệm vụ{#is 'kpi'}Chỉ tiêu, số liệu{#is 'budget'}Ngân sách{#else}{service}{/when}")
    String service(String service);

    @Message("{#when state}{#is 'COMMISSIONING'}Đang bàn giao{#is 'FEDERATED'}Đã bàn giao, đang kết nối{#is 'RETIRED'}Đã ngừng kết nối{#else}Chưa bàn giao{/when}")
    String instance_state(String state);

    @Message("từ {when}")
    String since(String when);

    @Message("{n} ghi chép của bộ, ngành")
    String owned_rows(long n);

    @Message("Nhận bàn giao dữ liệu từ trung ương")
    String handover_title();

    @Message("Khi trung ương bàn giao, hệ thống của bộ nhận về toàn bộ ghi chép trung ương đang giữ cho bộ (nhiệm vụ, số liệu, phân bổ vốn, kèm lịch sử) và quản lý chúng từ đó. Trang này cho biết việc nhận đã đến đâu ở từng dịch vụ.")
    String handover_lead();

    @Message("Tình trạng tại trung ương")
    String central_says();

    @Message("Việc nhận dữ liệu")
    String pull_state();

    @Message("Đang nhận")
    String pull_running();

    @Message("Đã nhận đủ")
    String pull_complete();

    @Message("Chưa nhận lần nào")
    String pull_none();

    @Message("Nhận dở dang (sẽ tiếp tục từ chỗ dừng)")
    String pull_partial();

    @Message("Bắt đầu nhận")
    String pull_started();

    @Message("Số ghi chép")
    String pull_rows();

    @Message("{applied} ghi chép đã nhận, {kept} ghi chép giữ bản của bộ")
    String pull_counts(long applied, long kept);

    @Message("Loại ghi chép")
    String col_kind();

    @Message("Đã nhận")
    String col_written();

    @Message("Giữ bản của bộ")
    String col_kept();

    @Message("Xong")
    String col_done();

    @Message("Xong")
    String yes();

    @Message("Chưa")
    String no();

    @Message("Ghi chép bộ giữ bản của mình (không nhận bản của trung ương)")
    String kept_title();

    @Message("Bàn giao dữ liệu giữa trung ương và các bộ, ngành")
    String instances_link();

    @Message("{#when kind}{#is 'initiative'}Nhiệm vụ{#is 'initiative-coordinator'}Cơ quan phối hợp{#is 'initiative-output'}Sản phẩm đầu ra{#is 'initiative-milestone'}Mốc tiến độ{#is 'initiative-transition'}Lịch sử trạng thái nhiệm vụ{#is 'obstacle'}Vướng mắc, kiến nghị{#is 'audit'}Nhật ký thao tác{#is 'indicator'}Chỉ tiêu của bộ{#is 'indicator-target'}Mục tiêu của chỉ tiêu{#is 'measurement'}Số liệu{#is 'measurement-history'}Lịch sử số liệu{#is 'fiscal-year'}Năm ngân sách{#is 'initiative-replica'}Nhiệm vụ được phân bổ vốn{#is 'allocation'}Phân bổ vốn{#is 'allocation-event'}Lịch sử phân bổ vốn{#is 'disbursement'}Giải ngân{#else}{kind}{/when}")
    String kind(String kind);

    @Message("{#when cause}{#is 'DUPLICATE'}bộ đã có ghi chép của mình cho cùng chỉ tiêu, kỳ và cơ quan nên giữ bản của bộ; ghi lại số liệu của bộ để trung ương cập nhật theo{#is 'MISSING_REFERENCE'}ghi chép này nhắc đến một ghi chép chưa có ở hệ thống của bộ{#else}không ghi được ghi chép này{/when}")
    String kept_cause(String cause);
}
