package vn.nq57.platform.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: {@code {items, page, size, total}}. */
public record Page<T>(List<T> items,
                      @Schema(description = "The page answered, 0-based", examples = "0") int page,
                      @Schema(description = "Items per page asked for", examples = "50") int size,
                      @Schema(description = "How many items the whole list has", examples = "123") long total) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page, request.size, total);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
