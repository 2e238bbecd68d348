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

    @Message("Những ghi chép các bộ gửi lên mà hệ thống trung ương từ chối nhận, kèm lý do. Khi trung ương giữ số liệu của mình, hãy ghi rõ lý do để bộ được biết.")
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

    @Message("Lý do giữ số liệu của trung ương")
    String keep_reason();

    @Message("Giữ số liệu của trung ương")
    String keep_central();

    @Message("{#when action}{#is 'RESUBMIT'}Đã gửi lại cho trung ương.{#is 'WITHDRAW'}Đã rút lại.{#is 'ASK_CENTRAL'}Đã đề nghị trung ương xem xét.{#else}Đã giữ số liệu của trung ương.{/when}")
    String done(String action);

    @Message("Trung ương")
    String central_status();

    @Message("{#when state}{#is 'APPLIED'}Trung ương đã nhận{#is 'PENDING'}Đang chờ gửi lên trung ương{#is 'REJECTED'}Trung ương từ chối nhận{#else}Không gửi lên trung ương{/when}")
    String state(String state);

    @Message("{n} ghi chép trung ương chưa nhận")
    String work_count(long n);
}
