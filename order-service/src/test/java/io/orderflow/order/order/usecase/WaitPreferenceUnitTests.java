package io.orderflow.order.order.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code Prefer: wait} of a create call, as the use case honours it. */
class WaitPreferenceUnitTests {

    @Test
    void honoursPreferWaitUpToTheMaximum() {
        assertThat(WaitPreference.parse("wait=3").upTo(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(3));
        assertThat(WaitPreference.parse("respond-async, wait=30").upTo(Duration.ofSeconds(10)))
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(WaitPreference.parse("return=minimal").upTo(Duration.ofSeconds(10)))
                .isZero();
        assertThat(WaitPreference.parse(null).upTo(Duration.ofSeconds(10))).isZero();
    }
}
