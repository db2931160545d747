package countylive.ledger;

/** A registered poor household (建档立卡贫困户) as a writer wants it to be. */
public record HouseholdDraft(String registrationNo, String countyCode, String village, String headName, int members) {
}
