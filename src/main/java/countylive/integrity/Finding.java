package countylive.integrity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * One offending record as a check found it: a message key with its arguments (ids, names of
 * campaigns and counties, figures; never a household's name), the page of the record, and, where
 * the application can repair it, the path a button posts to.
 */
@Serdeable
public record Finding(String key, String link, List<String> arguments, @Nullable String repair) {
}
