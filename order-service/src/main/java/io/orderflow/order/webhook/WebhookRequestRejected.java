package io.orderflow.order.webhook;

/** A webhook endpoint request the rules refuse: the HTTP status and a stable code say which rule. */
public class WebhookRequestRejected extends RuntimeException {

    private final int status;
    private final String code;

    WebhookRequestRejected(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static WebhookRequestRejected notFound(String endpointId) {
        return new WebhookRequestRejected(
                404, "WEBHOOK_ENDPOINT_NOT_FOUND", "no webhook endpoint " + endpointId + " for this shop");
    }

    /** A request parameter out of its range (400 FIELD_INVALID). */
    public static WebhookRequestRejected fieldInvalid(String message) {
        return new WebhookRequestRejected(400, "FIELD_INVALID", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
