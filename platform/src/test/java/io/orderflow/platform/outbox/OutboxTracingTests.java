package io.orderflow.platform.outbox;

import static io.orderflow.platform.TestEvents.newOrderId;
import static io.orderflow.platform.TestEvents.orderCreated;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.orderflow.events.EventTypes;
import io.orderflow.platform.OutboxSpringTestBase;
import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TopicProbe;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;

/** The trace of the transaction that appends an event is the trace of the Kafka record the relay sends later. */
@SpringBootTest
@AutoConfigureTracing
class OutboxTracingTests extends OutboxSpringTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    Tracer tracer;

    @Test
    void anEventAppendedInsideATraceIsPublishedWithATraceparentOfThatTrace() {
        String orderId = newOrderId();
        Span request = tracer.nextSpan().name("shop request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            append(orderCreated(orderId, "traced"));
        } finally {
            request.end();
        }
        String traceId = request.context().traceId();

        assertThat(jdbc.sql("select trace_parent from outbox_event where ce_subject = ?")
                        .param(orderId)
                        .query(String.class)
                        .single())
                .startsWith("00-" + traceId + "-");
        try (TopicProbe events = new TopicProbe(TestKafka.bootstrapServers(), EventTypes.ORDER_EVENTS_TOPIC)) {
            String traceParent = events.awaitKey(orderId, 1, WAIT).get(0).header("traceparent");
            assertThat(traceParent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
            assertThat(traceParent)
                    .as("the producer's own span, a child of the request's")
                    .doesNotContain(request.context().spanId());
        }
    }

    @Test
    void anEventAppendedWithoutATraceIsPublishedAsTheStartOfANewOne() {
        String orderId = newOrderId();
        append(orderCreated(orderId, "untraced"));

        assertThat(jdbc.sql("select trace_parent from outbox_event where ce_subject = ?")
                        .param(orderId)
                        .query(String.class)
                        .optional())
                .isEmpty();
    }
}
