package vn.nq57.portal.web;

import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import vn.nq57.tabular.Format;
import vn.nq57.tabular.Table;
import vn.nq57.tabular.Tables;

/**
 * A table the user downloads: the tabular kit writes it; the browser saves it under a readable name. A list page
 * answers {@code ?format=csv|xlsx} with its table as shown (same filters, same order) through {@link #or}.
 */
public final class Downloads {

    private Downloads() {
    }

    public static Response file(Table table, Format format, String name) {
        return Response.ok(Tables.write(table, format), format.mediaType)
                .header("Content-Disposition", Tables.attachment(name, format))
                .header("Cache-Control", "no-store").build();
    }

    /**
     * The page's table as a file when {@code format} asks for one (and the table could be read), else the page.
     *
     * @param table null when the page's data is missing (the page then says why)
     */
    public static Response or(String format, Supplier<Table> table, String name, Supplier<Object> page) {
        var export = Format.of(format);
        if (export.isPresent()) {
            Table t = table.get();
            if (t != null) {
                return file(t, export.get(), name);
            }
        }
        return Response.ok(page.get()).build();
    }
}
