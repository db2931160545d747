package countylive.region;

import io.micronaut.core.annotation.Introspected;

/** A province-level division, for filters and labels. */
@Introspected
public record Province(String code, String name) {
}
