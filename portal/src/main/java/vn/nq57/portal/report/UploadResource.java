package vn.nq57.portal.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.nq57.portal.api.InitiativeApi;
import vn.nq57.portal.api.KpiApi;
import vn.nq57.portal.api.Views.Obligation;
import vn.nq57.portal.api.Writes.ImportSummary;
import vn.nq57.portal.web.CurrentUser;
import vn.nq57.portal.web.Downloads;
import vn.nq57.portal.web.Forms;
import vn.nq57.portal.web.Outcome;
import vn.nq57.portal.web.Pages;
import vn.nq57.tabular.Format;
import vn.nq57.tabular.Table;
import vn.nq57.tabular.Tables;

/**
 * Uploading many values at once: a CSV or XLSX file (the portal reads an XLSX's first sheet and sends it to kpi-service
 * as CSV), a preview of its first rows, the choice of atomic (all or nothing) or partial (the good rows), and the
 * service's import summary row by row. A template per agency lists the indicators it reports.
 */
@Path("/report")
public class UploadResource {

    /** The most rows kpi-service takes in one batch (and one more to say the file is too long). */
    static final int MAX_ROWS = 10_001;
    static final int PREVIEW_ROWS = 10;
    static final List<String> HEADINGS = List.of("mã chỉ tiêu", "kỳ", "cơ quan", "giá trị", "ghi chú", "minh chứng");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(UploadPage page);
    }

    /**
     * The upload page at each step: choosing a file ({@code rows} null), the preview ({@code csv} set), or the summary
     * ({@code outcome} set).
     */
    public record UploadPage(String key, String agency, String mode, String fileName, List<List<String>> rows,
                             int count, String csv, String fileError, Outcome<ImportSummary> outcome) {
        /** The heading row and the first data rows, each as wide as the widest (a short row's cells are blank). */
        public List<List<String>> preview() {
            if (rows == null) {
                return List.of();
            }
            List<List<String>> shown = rows.subList(0, Math.min(rows.size(), PREVIEW_ROWS + 1));
            int width = shown.stream().mapToInt(List::size).max().orElse(0);
            return shown.stream().map(r -> r.size() == width ? r : padded(r, width)).toList();
        }

        private static List<String> padded(List<String> row, int width) {
            List<String> out = new ArrayList<>(row);
            while (out.size() < width) {
                out.add("");
            }
            return out;
        }

        /** How many data rows the preview shows. */
        public int previewCount() {
            return Math.max(0, preview().size() - 1);
        }

        public ImportSummary summary() {
            if (outcome == null) {
                return null;
            }
            return outcome.ok() ? outcome.value() : outcome.problem().importSummary();
        }
    }

    @Inject
    @RestClient
    KpiApi kpi;

    @Inject
    @RestClient
    InitiativeApi initiatives;

    @Inject
    CurrentUser user;

    @Inject
    Pages pages;

    @GET
    @Path("/upload")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance choose() {
        return render(new UploadPage(Forms.key(), user.agency(), "atomic", null, null, 0, null, null, null));
    }

    @POST
    @Path("/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response preview(@RestForm("file") FileUpload file, @RestForm("mode") String mode) {
        String m = "partial".equals(mode) ? "partial" : "atomic";
        if (file == null || file.size() == 0) {
            return Response.status(400).entity(render(new UploadPage(Forms.key(), user.agency(), m, null, null, 0, null,
                    "empty", null))).build();
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String>> rows;
        try {
            rows = Tables.read(content, Format.ofUpload(file.fileName(), content), MAX_ROWS + 1);
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(render(new UploadPage(Forms.key(), user.agency(), m, file.fileName(),
                    null, 0, null, "unreadable", null))).build();
        }
        if (rows.size() < 2) {
            return Response.status(400).entity(render(new UploadPage(Forms.key(), user.agency(), m, file.fileName(),
                    null, 0, null, "no-rows", null))).build();
        }
        if (rows.size() > MAX_ROWS) {
            return Response.status(400).entity(render(new UploadPage(Forms.key(), user.agency(), m, file.fileName(),
                    null, 0, null, "too-long", null))).build();
        }
        return Response.ok(render(new UploadPage(Forms.key(), user.agency(), m, file.fileName(), rows,
                rows.size() - 1, Tables.csvText(rows), null, null))).build();
    }

    @POST
    @Path("/upload/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> confirm(@FormParam("key") String key, @FormParam("csv") String csv,
                                 @FormParam("mode") String mode, @FormParam("fileName") String fileName) {
        String m = "partial".equals(mode) ? "partial" : "atomic";
        String k = Forms.key(key);
        return Outcome.of("kpi", kpi.importCsv(user.bearer(), k, m, csv == null ? "" : csv)).map(outcome -> Response
                .status(outcome.status())
                .entity(render(new UploadPage(k, user.agency(), m, fileName, null, 0, null, null, outcome))).build());
    }

    /** A file to fill in: the indicators the agency reports, one row each, headed in Vietnamese. */
    @GET
    @Path("/template")
    public Uni<Response> template(@QueryParam("agency") String agency, @QueryParam("format") String format) {
        String a = agency == null || agency.isBlank() ? user.agency() : agency.strip();
        Format f = Format.of(format).orElse(Format.CSV);
        Uni<List<Obligation>> obligations = a == null ? Uni.createFrom().item(List.of())
                : initiatives.obligations(user.bearer(), a, true, 500).map(p -> p.items());
        return obligations.map(list -> {
            List<List<Object>> rows = new ArrayList<>();
            for (Obligation o : list) {
                rows.add(java.util.Arrays.asList(o.indicatorCode(), "", o.agency(), "", "", ""));
            }
            return Downloads.file(new Table("Số liệu " + (a == null ? "" : a), HEADINGS, rows), f,
                    "nq57-mau-so-lieu-" + (a == null ? "" : a.toLowerCase()));
        });
    }

    private TemplateInstance render(UploadPage page) {
        return pages.render(Templates.upload(page), "report");
    }
}
