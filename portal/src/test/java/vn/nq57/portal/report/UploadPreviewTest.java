package vn.nq57.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadPreviewTest {

    private static UploadResource.UploadPage page(List<List<String>> rows) {
        return new UploadResource.UploadPage("k", "BKHCN", "atomic", "values.csv", rows, rows.size() - 1, "", null, null);
    }

    @Test
    void aShortRowIsShownAsWideAsTheHeadingWithBlankCells() {
        List<List<String>> rows = List.of(List.of("indicatorCode", "period", "agency", "value"),
                List.of("H1-01", "2026Q3", "BKHCN", "77.5"), List.of("H1-02", "2026Q3"));

        assertThat(page(rows).preview()).containsExactly(List.of("indicatorCode", "period", "agency", "value"),
                List.of("H1-01", "2026Q3", "BKHCN", "77.5"), List.of("H1-02", "2026Q3", "", ""));
    }

    @Test
    void thePreviewShowsTheHeadingAndTheFirstRowsOnly() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("indicatorCode", "value"));
        for (int i = 0; i < 25; i++) {
            rows.add(List.of("H1-" + i, String.valueOf(i)));
        }
        UploadResource.UploadPage page = page(rows);
        assertThat(page.preview()).hasSize(UploadResource.PREVIEW_ROWS + 1);
        assertThat(page.previewCount()).isEqualTo(UploadResource.PREVIEW_ROWS);
    }
}
