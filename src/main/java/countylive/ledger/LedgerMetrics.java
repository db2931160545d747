package countylive.ledger;

import countylive.web.form.Refusal;
import countylive.web.form.Submissions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.util.function.Supplier;

/**
 * Counts the ledger's changes: {@code countylive.ledger.changes{change, outcome}} (a timer: how
 * many and how long, from the first attempt to the commit), {@code countylive.ledger.rows.written{change}}
 * (the records a committed change wrote, one per audit entry) and
 * {@code countylive.ledger.conflicts{cause, outcome}} (lock conflicts, retried or given up).
 *
 * <p>A change is named after the ledger's public method that was called ({@code saveSales},
 * {@code importSales}, …), found on the call stack, so that a method added later is counted under
 * its own name without remembering to name it.
 */
@Singleton
class LedgerMetrics {

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final MeterRegistry registry;
    /** The records the latest attempt on this thread wrote; the attempt that committed writes it last. */
    private final ThreadLocal<int[]> written = ThreadLocal.withInitial(() -> new int[1]);

    LedgerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs a whole change, retries included, and counts it. */
    <R> R change(Supplier<R> change) {
        String name = calledMethod();
        written.get()[0] = 0;
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            R result = change.get();
            outcome = "saved";
            registry.counter("countylive.ledger.rows.written", "change", name).increment(written.get()[0]);
            return result;
        } catch (Refusal refusal) {
            outcome = "refused";
            throw refusal;
        } catch (Submissions.AlreadySubmitted repeated) {
            outcome = "repeated";
            throw repeated;
        } finally {
            Timer.builder("countylive.ledger.changes").tag("change", name).tag("outcome", outcome)
                    .register(registry).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** The number of records the current attempt wrote, as its audit entries count them. */
    void wrote(int records) {
        written.get()[0] = records;
    }

    /** A transaction rolled back by a lock conflict, and whether it is tried again. */
    void conflict(String cause, boolean retried) {
        registry.counter("countylive.ledger.conflicts", "cause", cause, "outcome", retried ? "retried" : "gave_up")
                .increment();
    }

    private static String calledMethod() {
        return STACK.walk(frames -> frames
                .filter(frame -> frame.getDeclaringClass() == Ledger.class && !frame.getMethodName().equals("run"))
                .map(StackWalker.StackFrame::getMethodName)
                .findFirst().orElse("other"));
    }
}
