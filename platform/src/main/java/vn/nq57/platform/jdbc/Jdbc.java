package vn.nq57.platform.jdbc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that uses plain JDBC ({@code java.sql}) and says why: a measured hot path (set-based writes, batches,
 * one round trip) or a connection of its own (LISTEN, a lock held outside Hibernate). Everywhere else data goes through
 * Hibernate (Panache entities, JPQL, native queries). The build checks it: a class that uses {@code java.sql} without
 * this annotation fails the architecture tests (docs/ARCHITECTURE.md, "Persistence styles").
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Jdbc {

    /** Why this class needs JDBC. */
    String value();
}
