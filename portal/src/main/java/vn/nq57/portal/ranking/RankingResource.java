package vn.nq57.portal.ranking;

import io.quarkus.qute.CheckedTemplate;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.nq57.portal.api.InitiativeApi;
import vn.nq57.portal.api.Views.AgencyCompliance;
import vn.nq57.portal.api.Views.Ranking;
import vn.nq57.portal.api.Views.RankingEntry;
import vn.nq57.portal.web.CurrentUser;
import vn.nq57.portal.web.Downloads;
import vn.nq57.portal.web.Fetch;
import vn.nq57.portal.web.Formats;
import vn.nq57.portal.web.Pages;
import vn.nq57.portal.web.Part;
import vn.nq57.tabular.Table;

/**
 * The compliance board (Bảng xếp hạng thực hiện nhiệm vụ): ministries or provinces ranked by how they report on time,
 * deliver outputs, answer obstacles and keep their initiatives on track; the user's own agency marked; CSV/XLSX.
 */
@Path("/ranking")
public class RankingResource {

    @CheckedTemplate
    static class Templates {
        static native io.quarkus.qute.TemplateInstance ranking(String level, int year, Part<Ranking> ranking);
    }

    @Inject
    @RestClient
    InitiativeApi initiatives;

    @Inject
    CurrentUser user;

    @Inject
    Pages pages;

    @GET
    @Produces({MediaType.TEXT_HTML, MediaType.WILDCARD})
    public Uni<Response> ranking(@QueryParam("level") String level, @QueryParam("year") String year,
                                 @QueryParam("format") String format) {
        String l = "PROVINCE".equals(level) ? "PROVINCE" : "MINISTRY";
        int thisYear = Formats.today().getYear();
        int y = year != null && year.matches("20\\d\\d") ? Integer.parseInt(year) : thisYear;
        return Fetch.part("initiative", initiatives.ranking(user.bearer(), l, y)).map(r -> Downloads.or(format,
                () -> r.ok() ? table(r.get()) : null, "nq57-xep-hang-" + l.toLowerCase() + "-" + y,
                () -> pages.render(Templates.ranking(l, y, r), "ranking")));
    }

    static Table table(Ranking r) {
        List<List<Object>> rows = new ArrayList<>();
        for (RankingEntry e : r.items()) {
            AgencyCompliance c = e.compliance();
            rows.add(Arrays.asList(e.rank(), c.agency(), c.name(), c.score(), c.values().expected(), c.values().onTime(),
                    c.values().late(), c.values().missing(), c.outputs().due(), c.outputs().onTime(),
                    c.outputs().overdue(), c.obstacles().asked(), c.obstacles().inTime(), c.obstacles().overdue(),
                    c.initiatives().led(), c.initiatives().red()));
        }
        return new Table("Xếp hạng " + r.year(), List.of("Hạng", "Mã cơ quan", "Cơ quan", "Điểm",
                "Số liệu phải báo cáo", "Đúng hạn", "Trễ hạn", "Chưa báo cáo", "Sản phẩm đến hạn", "Sản phẩm đúng hạn",
                "Sản phẩm quá hạn", "Vướng mắc được đề nghị", "Trả lời đúng hạn", "Quá hạn trả lời",
                "Sáng kiến chủ trì", "Sáng kiến chậm tiến độ"), rows);
    }
}
