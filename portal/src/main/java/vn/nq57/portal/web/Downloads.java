package vn.nq57.portal.web;

import jakarta.ws.rs.core.Response;
import vn.nq57.tabular.Format;
import vn.nq57.tabular.Table;
import vn.nq57.tabular.Tables;

/** A table the user downloads: the tabular kit writes it; the browser saves it under a readable name. */
public final class Downloads {

    private Downloads() {
    }

    public static Response file(Table table, Format format, String name) {
        return Response.ok(Tables.write(table, format), format.mediaType)
                .header("Content-Disposition", Tables.attachment(name, format))
                .header("Cache-Control", "no-store").build();
    }
}
