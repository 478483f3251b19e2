package io.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlUnitTests {

    @Test
    void findsTheMetricsOfAnExpression() {
        String expr = "sum by (job, status) (rate(http_server_requests_seconds_count{job=~\"$service\",uri!~\"/a{1}\"}"
                + "[$__rate_interval])) / on (job) group_left max(up{job=\"x\"} offset 5m) > 0.02 "
                + "or vector(0) and orderflow_outbox_pending_events";
        assertThat(PromQl.metricNames(expr))
                .containsExactlyInAnyOrder(
                        "http_server_requests_seconds_count", "up", "orderflow_outbox_pending_events");
    }

    @Test
    void ignoresNumbersKeywordsAndLabelValues() {
        assertThat(PromQl.metricNames("max by (name) (resilience4j_circuitbreaker_state{state=~\"open|forced_open\"}) "
                        + "== 1 unless bool 2e3"))
                .containsExactly("resilience4j_circuitbreaker_state");
    }
}
