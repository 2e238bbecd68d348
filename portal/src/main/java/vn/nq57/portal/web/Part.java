package vn.nq57.portal.web;

/**
 * One part of a page: what a service answered, or why it is missing. A page renders every part it has and says
 * clearly which part is missing (the service that did not answer, or that the user may not see it).
 *
 * @param problem null when the part is here; else {@code unavailable}, {@code forbidden} or {@code not-found}
 * @param service the service the part comes from (initiative, kpi, budget)
 */
public record Part<T>(T value, String service, String problem) {

    public static <T> Part<T> of(String service, T value) {
        return new Part<>(value, service, null);
    }

    public static <T> Part<T> missing(String service, String problem) {
        return new Part<>(null, service, problem);
    }

    public boolean ok() {
        return problem == null;
    }

    public T get() {
        return value;
    }

    /** The value, or {@code fallback} when the part is missing. */
    public T or(T fallback) {
        return ok() && value != null ? value : fallback;
    }
}
