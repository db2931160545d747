package countylive.integrity;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Runs the checks every night (countylive.integrity.cron, Beijing time), so that the page shows
 * this morning's results without anyone pressing the button. Every app node runs it; each run
 * replaces the same rows, so several nodes doing it only repeat the work. On a Galera cluster the
 * nodes' writes of one row may conflict; the write that lost is dropped, not shown as a failed
 * check ({@link IntegrityChecks}).
 */
@Singleton
// off in the tests, which run the checks themselves
@Requires(property = "countylive.integrity.scheduled", notEquals = "false")
class IntegrityJob {

    private final IntegrityChecks checks;

    IntegrityJob(IntegrityChecks checks) {
        this.checks = checks;
    }

    @Scheduled(cron = "${countylive.integrity.cron}")
    void nightly() {
        checks.runAll("scheduled");
    }
}
