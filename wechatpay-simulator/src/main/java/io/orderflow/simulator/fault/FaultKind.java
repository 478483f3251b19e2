package io.orderflow.simulator.fault;

/** What can go wrong: the first five hit /v3 API calls, the rest hit callbacks. */
public enum FaultKind {
    SYSTEM_ERROR, FREQUENCY_LIMITED, LATENCY, CONNECTION_RESET, RESPONSE_LOST,
    DROP_CALLBACK, DUPLICATE_CALLBACK, DELAY_CALLBACK, REORDER_CALLBACKS, SIGNTEST_PROBE, FORGED_CALLBACK;

    public boolean affectsApi() {
        return ordinal() <= RESPONSE_LOST.ordinal();
    }
}
