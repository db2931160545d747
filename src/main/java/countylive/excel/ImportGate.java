package countylive.excel;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.annotation.Context;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the work imports may take on one app node: at most a few at a time (the others wait a
 * little, then are asked to try again), each with a time limit on reading its file. So a burst of
 * large or hostile uploads cannot take every thread and the whole heap, and an upload whose client
 * has gone does not read on for minutes. Its queue is published: {@code countylive.imports.running}
 * and {@code countylive.imports.waiting} (gauges), {@code countylive.imports.busy} (imports turned
 * away after waiting, each of which showed a user the "try again" page).
 */
// made at start-up, not at the first import, so that its gauges are published from the start
@Context
public class ImportGate {

    /** No place came free in time: the import was not started. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super(null, null, false, false);
        }
    }

    private final Semaphore places;
    private final Duration wait;
    private final Duration timeLimit;
    private final io.micrometer.core.instrument.Counter busy;

    ImportGate(@Value("${countylive.import.at-once:2}") int atOnce, @Value("${countylive.import.wait:5s}") Duration wait,
               @Value("${countylive.import.time-limit:60s}") Duration timeLimit, MeterRegistry registry) {
        this.places = new Semaphore(atOnce, true);
        this.wait = wait;
        this.timeLimit = timeLimit;
        Gauge.builder("countylive.imports.running", places, gate -> atOnce - gate.availablePermits())
                .description("imports being read on this node").register(registry);
        Gauge.builder("countylive.imports.waiting", places, Semaphore::getQueueLength)
                .description("imports waiting for a place on this node").register(registry);
        this.busy = registry.counter("countylive.imports.busy");
    }

    /**
     * Runs an import once a place is free, handing it the {@link System#nanoTime()} by which it
     * must have read its file.
     *
     * @throws Busy when no place came free in time
     */
    public <T> T run(java.util.function.LongFunction<T> work) {
        boolean entered;
        try {
            entered = places.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        if (!entered) {
            busy.increment();
            throw new Busy();
        }
        try {
            return work.apply(System.nanoTime() + timeLimit.toNanos());
        } finally {
            places.release();
        }
    }
}
