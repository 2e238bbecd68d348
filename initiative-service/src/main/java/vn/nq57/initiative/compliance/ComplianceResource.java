package vn.nq57.initiative.compliance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.initiative.compliance.ComplianceViews.AgencyBoard;
import vn.nq57.initiative.compliance.ComplianceViews.AgencyCompliance;
import vn.nq57.initiative.compliance.ComplianceViews.Ranking;
import vn.nq57.initiative.compliance.ComplianceViews.RankingEntry;
import vn.nq57.platform.export.ExportFormat;
import vn.nq57.platform.export.Exports;
import vn.nq57.tabular.Format;
import vn.nq57.tabular.Table;
import vn.nq57.platform.http.Params;
import vn.nq57.platform.period.Period;
import vn.nq57.platform.security.Roles;

@Path("/api/v1/compliance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance", description = "The compliance board: values reported on time, outputs delivered, obstacles "
        + "answered, initiatives on track; the completion score and the ranking of ministries and provinces")
@RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER, Roles.VIEWER})
public class ComplianceResource {

    @Inject
    Clock clock;

    @Inject
    ComplianceService service;

    @GET
    @Path("/ranking")
    @Operation(summary = "The ranking of ministries or of provinces for a year", description = "Readable by every "
            + "signed-in user. Each row: the agency's counts (its sub-units included), its completion score and rank "
            + "(none while nothing is counted), and the score per quarter so far. A bad level or year is 400.")
    public Ranking ranking(
            @Parameter(description = "MINISTRY (ministries and ministry-level agencies) or PROVINCE (the 34 "
                    + "provincial units)", example = "PROVINCE",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"MINISTRY", "PROVINCE"}))
            @QueryParam("level") String level,
            @Parameter(description = "The year (default: this year in Viet Nam)", example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
            @QueryParam("year") String year) {
        return service.ranking(level, year(year));
    }

    @GET
    @Path("/ranking/export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "The ranking as a CSV or XLSX file", description = "The same rows as the ranking, one column "
            + "per count and one per quarter's score. A bad level, year or format is 400.")
    @APIResponse(responseCode = "200", description = "The file (Content-Disposition: attachment)", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response export(
            @Parameter(description = "MINISTRY or PROVINCE", example = "MINISTRY",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"MINISTRY", "PROVINCE"}))
            @QueryParam("level") String level,
            @Parameter(description = "The year (default: this year)", example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
            @QueryParam("year") String year,
            @Parameter(description = "csv (default) or xlsx", example = "xlsx",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "xlsx"}))
            @QueryParam("format") String format) {
        Format f = ExportFormat.param("format", format);
        Ranking r = service.ranking(level, year(year));
        return Exports.download(table(r), f, "nq57-ranking-" + r.level().toLowerCase() + "-" + r.year());
    }

    @GET
    @Path("/agencies/{code}")
    @Operation(summary = "An agency's board for a year", description = "Its figures and score (its sub-units "
            + "included), the quarterly trend, and every expected value and due output behind them. Central admins "
            + "read any agency; anyone else their agency and those below it (403 otherwise); unknown is 404.")
    @APIResponse(responseCode = "200", description = "The board",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AgencyBoard.class)))
    public AgencyBoard board(
            @Parameter(description = "The agency's code", example = "BKHCN") @PathParam("code") String code,
            @Parameter(description = "The year (default: this year)", example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
            @QueryParam("year") String year) {
        return service.board(code, year(year));
    }

    int year(String text) {
        Integer y = Params.integer("year", text);
        if (y == null) {
            return Period.today(clock).getYear();
        }
        if (y < 2025 || y > Period.MAX_YEAR) {
            throw vn.nq57.platform.error.ApiException.badRequest("year", "the plan's years are 2025.." + Period.MAX_YEAR);
        }
        return y;
    }

    static Table table(Ranking r) {
        List<String> headings = new ArrayList<>(Arrays.asList("Hạng / Rank", "Mã / Code", "Cơ quan / Agency",
                "Điểm / Score", "Số liệu phải báo cáo / Values due", "Đúng hạn / On time", "Trễ hạn / Late",
                "Thiếu / Missing", "Đóng góp / Contributions", "Sản phẩm đến hạn / Outputs due",
                "Đúng hạn / On time", "Trễ hạn / Late", "Quá hạn / Overdue", "Kiến nghị / Obstacles asked",
                "Trả lời đúng hạn / In time", "Trả lời trễ / Late", "Quá hạn / Overdue",
                "Sáng kiến / Initiatives", "Xanh / Green", "Vàng / Amber", "Đỏ / Red"));
        List<String> quarters = r.items().isEmpty() ? List.of()
                : r.items().get(0).trend().stream().map(t -> t.period()).toList();
        quarters.forEach(q -> headings.add("Điểm / Score " + q));
        List<List<Object>> rows = new ArrayList<>();
        for (RankingEntry e : r.items()) {
            AgencyCompliance c = e.compliance();
            List<Object> row = new ArrayList<>(Arrays.asList(e.rank(), c.agency(), c.name(), c.score(),
                    c.values().expected(), c.values().onTime(), c.values().late(), c.values().missing(),
                    c.values().contributions(), c.outputs().due(), c.outputs().onTime(), c.outputs().late(),
                    c.outputs().overdue(), c.obstacles().asked(), c.obstacles().inTime(), c.obstacles().late(),
                    c.obstacles().overdue(), c.initiatives().led(), c.initiatives().green(), c.initiatives().amber(),
                    c.initiatives().red()));
            e.trend().forEach(t -> row.add(t.score()));
            rows.add(row);
        }
        return new Table("Xếp hạng " + r.level() + " " + r.year(), headings, rows);
    }
}
