package io.orderflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.EventTypes;
import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TopicProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * W3C trace context across the processes: the shop's {@code traceparent} reaches every event its request
 * causes, through order-service's outbox, payment-service's consumer and prepay, and back to order-service;
 * WeChat's callback starts a trace of its own (WeChat sends no trace context), which notify-service's event
 * and order-service's SUCCESS share.
 */
class TracingEndToEndTests {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static OrderflowSystem system;
    private static ShopClient shop;

    @BeforeAll
    static void start() {
        system = OrderflowSystem.start("tracing");
        shop = system.newShop("tracing shop");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void theShopsTraceFollowsItsOrderThroughPrepayAndTheCallbackTraceThroughToSuccess() {
        String traceId = hex(16);
        HttpResponse<String> created = shop.post(
                "/v1/orders",
                """
                {"shop_order_no":"TR-%s","description":"orderflow mug","amount":{"total":990,"currency":"CNY"},
                 "payer":{"openid":"%s"}}""".formatted(UUID.randomUUID(), ShopClient.newPayer()),
                "traceparent",
                "00-" + traceId + "-" + hex(8) + "-01",
                "Prefer",
                "wait=10");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String orderId =
                ShopClient.JSON.readTree(created.body()).path("order_id").asString();

        assertThat(traceIds(EventTypes.ORDER_EVENTS_TOPIC, orderId, 1))
                .as("OrderCreated")
                .containsOnly(traceId);
        assertThat(traceIds(EventTypes.PAYMENT_EVENTS_TOPIC, orderId, 1))
                .as("PaymentRequested")
                .containsOnly(traceId);
        assertThat(traceIds(EventTypes.ORDER_STATUS_TOPIC, orderId, 1))
                .as("PENDING")
                .containsOnly(traceId);

        system.pay(orderId);
        List<String> callbackTrace = traceIds(EventTypes.NOTIFY_EVENTS_TOPIC, orderId, 1);
        assertThat(callbackTrace).as("PaymentNotified").hasSize(1).doesNotContain(traceId);
        assertThat(traceIds(EventTypes.ORDER_STATUS_TOPIC, orderId, 2))
                .as("PENDING, SUCCESS")
                .containsExactly(traceId, callbackTrace.get(0));
    }

    /** The trace id in the traceparent header of each of the first {@code count} records of the order. */
    private static List<String> traceIds(String topic, String orderId, int count) {
        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), topic)) {
            return StatusRecords.distinctByCeId(probe.awaitKey(orderId, count, WAIT)).stream()
                    .limit(count)
                    .map(record -> {
                        String traceParent = record.header("traceparent");
                        assertThat(traceParent)
                                .as("traceparent of %s", record.header("ce_type"))
                                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
                        return traceParent.split("-")[1];
                    })
                    .toList();
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
