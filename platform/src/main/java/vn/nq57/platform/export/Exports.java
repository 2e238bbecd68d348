package vn.nq57.platform.export;

import jakarta.ws.rs.core.Response;
import vn.nq57.tabular.Format;
import vn.nq57.tabular.Table;
import vn.nq57.tabular.Tables;

/** A table (the {@code tabular} kit writes it) as an HTTP answer that downloads it. */
public final class Exports {

    private Exports() {
    }

    /** A 200 answer with the file as an attachment named {@code <name>.<extension>}. */
    public static Response download(Table table, Format format, String name) {
        return Response.ok(Tables.write(table, format), format.mediaType)
                .header("Content-Disposition", Tables.attachment(name, format))
                .header("Cache-Control", "no-store").build();
    }
}
