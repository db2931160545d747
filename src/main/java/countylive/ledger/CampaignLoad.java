package countylive.ledger;

import java.util.List;
import java.util.Map;

/**
 * Data made in bulk for one campaign by a program, such as the demo and benchmark loaders:
 * sessions with their sale lines, and households with their links to the campaign. The ledger
 * writes it with the same rules, audit entries and rollups as a user's changes, in batches.
 * A loader that makes a large campaign hands it over in parts (a county at a time, say), each one
 * transaction.
 */
public record CampaignLoad(long campaignId, List<Session> sessions, List<Household> households) {

    /** A session and what it sold, by product (a product of another county is sold on its behalf). */
    public record Session(SessionDraft draft, Map<Long, LineFigures> lines) {
    }

    /** A household and the products through which it takes part in the campaign (null: none). */
    public record Household(HouseholdDraft draft, List<LinkDraft> links) {
    }
}
