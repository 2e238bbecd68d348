package vn.nq57.platform.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging query of every list endpoint: {@code page} (0-based, default 0) and {@code size} (default 50, at most
 * 500). Use it as a {@code @BeanParam @Valid PageRequest page}.
 */
public class PageRequest {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    @QueryParam("page")
    @Parameter(description = "The page to answer, 0-based", example = "0")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more")
    public int page;

    @QueryParam("size")
    @Parameter(description = "Items per page, 1 to 500", example = "50")
    @DefaultValue("50")
    @Min(value = 1, message = "must be at least 1")
    @Max(value = MAX_SIZE, message = "must be at most " + MAX_SIZE)
    public int size = DEFAULT_SIZE;

    public PageRequest() {
    }

    public PageRequest(int page, int size) {
        this.page = page;
        this.size = size;
    }

    public int offset() {
        return page * size;
    }
}
