package io.orderflow.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fault decisions are reproducible from the seed and respect scope and count. */
class FaultsUnitTests {

    @Test
    void sameSeedGivesTheSameDecisions() {
        assertThat(decisions(7)).isEqualTo(decisions(7));
        assertThat(decisions(7)).isNotEqualTo(decisions(8));
    }

    @Test
    void countLimitsUsesAndMchidLimitsScope() {
        var faults = new Faults(1);
        faults.add(FaultKind.SYSTEM_ERROR, "A", null, 1.0, 2, null);
        assertThat(faults.apiFault("B", "/v3/x")).isEmpty();
        assertThat(faults.apiFault("A", "/v3/x")).isPresent();
        assertThat(faults.apiFault("A", "/v3/x")).isPresent();
        assertThat(faults.apiFault("A", "/v3/x")).isEmpty();
        assertThat(faults.callbackFaults("A")).isEmpty();
    }

    @Test
    void pathPrefixNarrowsApiFaults() {
        var faults = new Faults(1);
        faults.add(FaultKind.FREQUENCY_LIMITED, null, "/v3/refund", 1.0, null, null);
        assertThat(faults.apiFault("A", "/v3/pay/transactions/jsapi")).isEmpty();
        assertThat(faults.apiFault("A", "/v3/refund/domestic/refunds")).isPresent();
    }

    @Test
    void aFinalDollarAsksForTheWholePathAndAStarForOneSegment() {
        assertThat(FaultRule.matches("/v3/refund/domestic/refunds$", "/v3/refund/domestic/refunds"))
                .isTrue();
        assertThat(FaultRule.matches("/v3/refund/domestic/refunds$", "/v3/refund/domestic/refunds/R1"))
                .isFalse();
        assertThat(FaultRule.matches(
                        "/v3/pay/transactions/out-trade-no/*/close", "/v3/pay/transactions/out-trade-no/T1/close"))
                .isTrue();
        assertThat(FaultRule.matches(
                        "/v3/pay/transactions/out-trade-no/*/close", "/v3/pay/transactions/out-trade-no/T1"))
                .isFalse();
        assertThat(FaultRule.matches(
                        "/v3/pay/transactions/out-trade-no/*/close$", "/v3/pay/transactions/out-trade-no/T1/x/close"))
                .isFalse();
        assertThat(FaultRule.matches("/v3/pay/transactions/out-trade-no/*", "/v3/pay/transactions/out-trade-no/T.1"))
                .isTrue();
    }

    private static List<Boolean> decisions(long seed) {
        var faults = new Faults(seed);
        faults.add(FaultKind.DROP_CALLBACK, null, null, 0.5, null, null);
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            out.add(!faults.callbackFaults("A").isEmpty());
        }
        return out;
    }
}
