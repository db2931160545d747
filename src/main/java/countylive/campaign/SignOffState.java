package countylive.campaign;

import countylive.access.CurrentUser;

/**
 * Where a county's figures in a campaign stand (docs/summaries.md, "Final and provisional
 * figures"). The county's coordinator enters data while it is open or returned, submits it when
 * complete, and association staff accept it or return it for corrections. An accepted county's
 * figures are final.
 */
public enum SignOffState {
    /** 录入中: the coordinator is entering data. */
    OPEN,
    /** 已提交: the coordinator says the figures are complete; they wait for the association. */
    SUBMITTED,
    /** 已审核: accepted; nobody changes them until an administrator reopens them. */
    ACCEPTED,
    /** 已退回: returned with a reason; the coordinator corrects and submits again. */
    RETURNED;

    /**
     * Whether the state keeps the user from changing the county's data: accepted data are final for
     * everyone, submitted data for the coordinator (an administrator may still correct them).
     */
    public boolean holdsBack(CurrentUser user) {
        return this == ACCEPTED || (this == SUBMITTED && !user.isAdmin());
    }

    public boolean isFinal() {
        return this == ACCEPTED;
    }
}
