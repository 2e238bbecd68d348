package vn.nq57.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * Runs calls of the generated clients and turns what they answer into a {@link Reply}: an HTTP error is an answer (the
 * loader reports it and goes on), not an exception. A call that got no answer at all (an {@link IOException}: refused,
 * reset, timed out) is tried three times, a second and then two apart, and then fails its part of the sample.
 *
 * <p>The three services' clients each have their own {@code ApiResponse} and {@code ApiException}, hence one entry per
 * service. Every ApiClient reports its answers to {@link #saw}, which is how a reply knows its method and path.
 */
final class Calls {

    static final int ATTEMPTS = 3;

    interface Call<R> {
        R run() throws Exception;
    }

    private String method = "?";
    private String path = "?";

    /** The response interceptor of every ApiClient: the request the answer at hand belongs to. */
    void saw(HttpResponse<?> response) {
        method = response.request().method();
        path = response.request().uri().getPath();
    }

    <T> Reply<T> initiative(Call<vn.nq57.client.initiative.ApiResponse<T>> call) throws Exception {
        return retrying(() -> {
            try {
                vn.nq57.client.initiative.ApiResponse<T> r = call.run();
                return answered(r.getStatusCode(), r.getHeaders(), r.getData());
            } catch (vn.nq57.client.initiative.ApiException e) {
                return refused(e, e.getCode(), e.getResponseHeaders(), e.getResponseBody());
            }
        });
    }

    <T> Reply<T> kpi(Call<vn.nq57.client.kpi.ApiResponse<T>> call) throws Exception {
        return retrying(() -> {
            try {
                vn.nq57.client.kpi.ApiResponse<T> r = call.run();
                return answered(r.getStatusCode(), r.getHeaders(), r.getData());
            } catch (vn.nq57.client.kpi.ApiException e) {
                return refused(e, e.getCode(), e.getResponseHeaders(), e.getResponseBody());
            }
        });
    }

    <T> Reply<T> budget(Call<vn.nq57.client.budget.ApiResponse<T>> call) throws Exception {
        return retrying(() -> {
            try {
                vn.nq57.client.budget.ApiResponse<T> r = call.run();
                return answered(r.getStatusCode(), r.getHeaders(), r.getData());
            } catch (vn.nq57.client.budget.ApiException e) {
                return refused(e, e.getCode(), e.getResponseHeaders(), e.getResponseBody());
            }
        });
    }

    /** A link to an initiative the kpi/budget replica has not received from the event feed yet: wait and retry. */
    <T> Reply<T> retryUnknownInitiative(Call<Reply<T>> call) throws Exception {
        Reply<T> r = call.run();
        for (int attempt = 0; attempt < 20 && (r.status() == 422 || r.status() == 400) && r.raw() != null
                && r.raw().contains("initiative") && r.raw().contains("not known"); attempt++) {
            Thread.sleep(1000);
            r = call.run();
        }
        return r;
    }

    private <T> Reply<T> retrying(Call<Reply<T>> attempt) throws Exception {
        for (int n = 1; ; n++) {
            method = "?";
            path = "?";
            try {
                return attempt.run();
            } catch (TokenSource.Failure f) {
                throw f.reason(); // the token source has retried already
            } catch (IOException e) {
                if (n >= ATTEMPTS) throw e;
                Thread.sleep(1000L * n);
            }
        }
    }

    private <T> Reply<T> answered(int status, Map<String, List<String>> headers, T body) {
        return new Reply<>(method, path, status, body, headers == null ? Map.of() : headers, null);
    }

    /** An HTTP error becomes a reply; no answer at all is thrown: an I/O failure to retry, or what else it was. */
    private <T> Reply<T> refused(Exception e, int status, HttpHeaders headers, String body) throws Exception {
        if (status != 0) {
            return new Reply<>(method, path, status, null, headers == null ? Map.of() : headers.map(), body);
        }
        if (e.getCause() instanceof IOException io && !(io instanceof JsonProcessingException)) {
            throw io;
        }
        throw e;
    }
}
