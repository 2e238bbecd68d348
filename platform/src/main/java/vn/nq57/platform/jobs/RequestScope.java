package vn.nq57.platform.jobs;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import java.util.function.Supplier;

/**
 * Work outside an HTTP request (events applied, a background round on a thread of its own) runs in a request context
 * of its own when none is active, as a scheduled method does: request-scoped beans (the caller, for the audit trail:
 * the system there) are available.
 */
public final class RequestScope {

    private RequestScope() {
    }

    public static <T> T call(Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            return work.get();
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
