package countylive.ledger;

import java.util.Map;
import java.util.Set;

/**
 * A session's whole sales grid as saved: every product's figures (null: no line), and what the
 * user confirmed, which the ledger checks as the import's rules do.
 *
 * @param version           the session's version when the grid was opened
 * @param warningsConfirmed products whose unit price, far from the reference, the user confirmed
 * @param onBehalfConfirmed products of other counties the user confirmed were sold on their behalf
 *                          (a product already sold on behalf in this session needs no new confirmation)
 */
public record SalesGrid(long sessionId, int version, Map<Long, LineFigures> lines, Set<Long> warningsConfirmed,
                        Set<Long> onBehalfConfirmed) {
}
