package countylive.ledger;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/** A household's part in a campaign, optionally through one product of its county, with the income it gained. */
public record LinkDraft(long campaignId, @Nullable Long productId, BigDecimal income) {
}
