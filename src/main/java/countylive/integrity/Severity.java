package countylive.integrity;

/** How urgent a check's findings are, as the page shows them. */
public enum Severity {
    /** the figures shown are wrong or the data contradicts itself: repair at once */
    ERROR,
    /** probably a mistake in what was entered: have it checked */
    WARNING,
    /** worth a look, may well be right */
    INFO
}
