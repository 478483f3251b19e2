package io.orderflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadReportSummaryUnitTests {

    @Test
    void aWindowWithoutCompletionsIsAVoidRun() {
        assertThat(LoadReportSummary.voidReason(412, 0))
                .hasValueSatisfying(
                        reason -> assertThat(reason).startsWith("VOID RUN").contains("412 created"));
    }

    @Test
    void aWindowWithCompletionsCanBeRead() {
        assertThat(LoadReportSummary.voidReason(412, 1)).isEmpty();
    }
}
