package io.orderflow.order.risk;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts refusals in {@code orderflow.risk.refusals}, tagged by code only: shop ids and openids would make
 * the metric's cardinality unbounded (and openids are personal data).
 */
@Component
class RiskRefusals {

    static final String METRIC = "orderflow.risk.refusals";

    private final MeterRegistry meters;

    RiskRefusals(MeterRegistry meters) {
        this.meters = meters;
    }

    RiskRefusedException refuse(RiskCode code, String message, long retryAfterSeconds) {
        meters.counter(METRIC, "code", code.name()).increment();
        return new RiskRefusedException(code, message, retryAfterSeconds);
    }
}
