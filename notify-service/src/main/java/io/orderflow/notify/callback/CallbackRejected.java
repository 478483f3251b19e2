package io.orderflow.notify.callback;

/**
 * A callback that is not trusted: it is refused with 401 and nothing about it is kept. The
 * reason is for logs and metrics only; WeChat (or whoever sent it) learns nothing more.
 */
public class CallbackRejected extends RuntimeException {

    private final String reason;

    public CallbackRejected(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public CallbackRejected(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** A stable code: STALE_TIMESTAMP, SIGNTEST_PROBE, UNKNOWN_MERCHANT, BAD_SIGNATURE, MALFORMED. */
    public String reason() {
        return reason;
    }
}
