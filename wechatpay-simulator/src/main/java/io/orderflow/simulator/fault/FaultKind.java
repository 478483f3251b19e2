package io.orderflow.simulator.fault;

/**
 * What can go wrong: the first five and the last five hit /v3 API calls (STATEMENT_CREATING and BAD_BILL_HASH
 * only trade bill applications; MISSING_FIELD leaves a field out of a signed answer, as an API change or a bug
 * at WeChat might; HOLD_REQUEST and HOLD_RESPONSE hold a call before or after it takes effect), the rest hit
 * callbacks.
 */
public enum FaultKind {
    SYSTEM_ERROR,
    FREQUENCY_LIMITED,
    LATENCY,
    CONNECTION_RESET,
    RESPONSE_LOST,
    DROP_CALLBACK,
    DUPLICATE_CALLBACK,
    DELAY_CALLBACK,
    REORDER_CALLBACKS,
    SIGNTEST_PROBE,
    FORGED_CALLBACK,
    STATEMENT_CREATING,
    BAD_BILL_HASH,
    MISSING_FIELD,
    HOLD_RESPONSE,
    HOLD_REQUEST;

    public boolean affectsApi() {
        return ordinal() <= RESPONSE_LOST.ordinal() || ordinal() >= STATEMENT_CREATING.ordinal();
    }
}
