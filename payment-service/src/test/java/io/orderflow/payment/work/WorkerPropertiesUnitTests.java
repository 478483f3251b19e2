package io.orderflow.payment.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerPropertiesUnitTests {

    private final WorkerProperties defaults = new WorkerProperties(null, null, null, null, null, null, null, null);

    @Test
    void backsOffFromOneSecondDoublingUpToOneMinute() {
        assertThat(defaults.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(defaults.backoff(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(defaults.backoff(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.backoff(1000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void refreshesPayParamsTenMinutesBeforeTheTwoHourPrepayIdExpires() {
        assertThat(defaults.prepayValidity()).isEqualTo(Duration.ofHours(2));
        assertThat(defaults.refreshLead()).isEqualTo(Duration.ofMinutes(10));
    }
}
