package io.orderflow.order.order.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenIdsUnitTests {

    @Test
    void masksAllButTheEnds() {
        assertThat(OpenIds.mask("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"))
                .isEqualTo("oUpF***eS6o")
                .doesNotContain("MuAJO");
        assertThat(OpenIds.mask("short")).isEqualTo("***");
    }
}
