package countylive.integrity;

import jakarta.inject.Singleton;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the integrity checks found at their latest run, for pages other than /integrity (the
 * administrators' home page): read from the kept results, never by running a check, so a page
 * that shows them costs one small query. Message keys are as the checks wrote them.
 */
@Singleton
public class IntegrityWarnings {

    /** A check that found something (or could not run) at its latest run, with its first findings. */
    public record Warning(String code, Severity severity, long found, boolean failed, List<Finding> first,
                          LocalDateTime ranAt) {

        public String titleKey() {
            return "integrity." + code + ".title";
        }
    }

    /** The latest results; {@code ranAt} null when the checks never ran. */
    public record Latest(List<Warning> warnings, @io.micronaut.core.annotation.Nullable LocalDateTime ranAt) {
    }

    private final CheckResults results;

    IntegrityWarnings(CheckResults results) {
        this.results = results;
    }

    /** The checks with findings, in the order of the integrity page, each with at most {@code shown} findings. */
    public Latest latest(int shown) {
        Map<String, CheckResults.Result> latest = results.latest();
        List<Warning> warnings = IntegrityChecks.ALL.stream()
                .map(check -> {
                    CheckResults.Result result = latest.get(check.code());
                    if (result == null || (result.found() == 0 && !result.failed())) {
                        return null;
                    }
                    return new Warning(check.code(), check.severity(), result.found(), result.failed(),
                            result.findings().stream().limit(shown).toList(), result.ranAt());
                })
                .filter(Objects::nonNull)
                .toList();
        LocalDateTime ranAt = latest.values().stream().map(CheckResults.Result::ranAt)
                .max(LocalDateTime::compareTo).orElse(null);
        return new Latest(warnings, ranAt);
    }
}
