package io.orderflow.order.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.CloseRequested;
import io.orderflow.events.EventTypes;
import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.order.support.OneShopTestBase;
import io.orderflow.order.support.OrderServiceTest;
import io.orderflow.order.support.Orders;
import io.orderflow.order.support.ShopClient;
import io.orderflow.platform.test.TopicProbe;
import io.orderflow.testkit.Broker;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A shop retrying a create in parallel (as after a timeout or a restart) gets one order and one OrderCreated. */
@OrderServiceTest
class CreateConcurrencyTests extends OneShopTestBase {

    private static final int CLIENTS = 8;

    @Test
    void parallelIdenticalCreatesMakeOneOrder() {
        String shopOrderNo = Orders.newShopOrderNo();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<ShopClient.Answer> answers;
        try {
            List<CompletableFuture<ShopClient.Answer>> calls = IntStream.range(0, CLIENTS)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> shop.post("/v1/orders", Orders.body(shopOrderNo, 100)), pool))
                    .toList();
            answers = calls.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }

        assertThat(answers)
                .extracting(a -> a.text("order_id"))
                .containsOnly(answers.get(0).text("order_id"));
        assertThat(answers)
                .extracting(ShopClient.Answer::status)
                .containsOnly(200, 201)
                .filteredOn(s -> s == 201)
                .hasSize(1);
        String orderId = answers.get(0).text("order_id");
        assertThat(storedOrders(shopOrderNo)).isEqualTo(1);

        assertThat(shop.post("/v1/orders/" + orderId + "/close", "").status()).isEqualTo(202);
        try (TopicProbe probe = Broker.probe(EventTypes.ORDER_EVENTS_TOPIC)) {
            List<OrderflowEvent> events = Broker.decodeAll(probe
                    .awaitRecords(
                            all -> !Broker.decode(
                                            all.stream()
                                                    .filter(r -> orderId.equals(r.key()))
                                                    .toList(),
                                            CloseRequested.class)
                                    .isEmpty(),
                            Broker.WAIT)
                    .stream()
                    .filter(r -> orderId.equals(r.key()))
                    .toList());
            assertThat(events).filteredOn(OrderCreated.class::isInstance).hasSize(1);
        }
    }
}
