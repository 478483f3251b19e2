package io.orderflow.order.risk;

/** A create request the risk controls refuse; nothing was created. */
public class RiskRefusedException extends RuntimeException {

    private final RiskCode code;
    private final long retryAfterSeconds;

    RiskRefusedException(RiskCode code, String message, long retryAfterSeconds) {
        super(message);
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public RiskCode code() {
        return code;
    }

    /** Whole seconds after which a retry may succeed; 0 when waiting does not help soon. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
