package vn.nq57.platform.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose {@code If-Match} is checked only when sent (a workflow step that is safe to repeat):
 * the API contract then publishes the header as optional, without 428. Without this mark an {@code If-Match} header
 * parameter is published as required (updates and deletes answer 428 without it).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface IfMatchOptional {
}
