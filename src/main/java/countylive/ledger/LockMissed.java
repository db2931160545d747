package countylive.ledger;

/**
 * A change found under its locks that its records had moved to a campaign county it had not
 * locked (a household moved to another county by a change that committed first, say). Nothing is
 * written: the ledger runs the change again from its start, when it will lock the right county.
 */
final class LockMissed extends RuntimeException {

    LockMissed(String what) {
        super(what, null, false, false);
    }
}
