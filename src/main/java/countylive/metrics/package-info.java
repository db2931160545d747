/**
 * The application's own meters, beside Micronaut's JVM, HTTP and connection pool meters, all
 * published at {@code /prometheus} for administrators (docs/operations.md, "Metrics"). This
 * package depends on nothing of the application, so that any feature can count into it.
 */
package countylive.metrics;
