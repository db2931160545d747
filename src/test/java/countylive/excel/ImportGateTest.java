package countylive.excel;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Imports take their turn for a few places per node, each with a deadline for reading its file. */
class ImportGateTest {

    @Test
    void aThirdImportWhileTwoRunIsAskedToComeBackAndAFreedPlaceIsTakenAgain() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ImportGate gate = new ImportGate(2, Duration.ofMillis(200), Duration.ofSeconds(60), meters);
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(() -> gate.run(deadline -> hold(running, finish)));
            Future<String> second = pool.submit(() -> gate.run(deadline -> hold(running, finish)));
            running.await();
            assertEquals(2.0, meters.get("countylive.imports.running").gauge().value());
            assertThrows(ImportGate.Busy.class, () -> gate.run(deadline -> "third"));
            assertEquals(1.0, meters.get("countylive.imports.busy").counter().count(), "the turned-away import is counted");
            finish.countDown();
            assertEquals("done", first.get());
            assertEquals("done", second.get());
            assertEquals("third", gate.run(deadline -> "third"));
            assertEquals(0.0, meters.get("countylive.imports.running").gauge().value());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDeadlineIsTheTimeLimitFromNow() {
        ImportGate gate = new ImportGate(1, Duration.ofMillis(200), Duration.ofSeconds(60), new SimpleMeterRegistry());
        long before = System.nanoTime();
        long deadline = gate.run(given -> given);
        assertTrue(deadline - before >= Duration.ofSeconds(60).toNanos(), "at least a minute from the start");
        assertTrue(deadline - System.nanoTime() <= Duration.ofSeconds(60).toNanos(), "at most a minute from now");
    }

    private static String hold(CountDownLatch running, CountDownLatch finish) {
        running.countDown();
        try {
            finish.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "done";
    }
}
