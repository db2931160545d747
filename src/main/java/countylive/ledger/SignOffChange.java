package countylive.ledger;

import countylive.campaign.SignOffAction;
import io.micronaut.core.annotation.Nullable;

import java.util.Set;

/** One sign-off step for some of a campaign's counties at once: all of them take it, or none. */
public record SignOffChange(long campaignId, SignOffAction action, Set<String> countyCodes, @Nullable String reason) {
}
