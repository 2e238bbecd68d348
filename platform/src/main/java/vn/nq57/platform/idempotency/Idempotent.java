package vn.nq57.platform.idempotency;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a creating POST resource method (returning a {@code Response}) as honouring {@code Idempotency-Key}: a retry
 * with the same key and body replays the first answer without a second write; the same key with another body is
 * 422. The method runs in one transaction with the key's record.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {
}
