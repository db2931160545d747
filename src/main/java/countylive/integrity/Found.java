package countylive.integrity;

import java.util.List;

/** What a check found: how many offending records in all, and the first of them. */
public record Found(long count, List<Finding> first) {
}
