package countylive.web;

/** An id in the path names no record (or none the caller may know of): answered with the 404 page. */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
