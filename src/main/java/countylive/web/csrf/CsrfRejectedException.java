package countylive.web.csrf;

/** A state-changing request without the right token: answered with 403. */
public class CsrfRejectedException extends RuntimeException {

    public CsrfRejectedException() {
        super("missing or invalid CSRF token");
    }
}
