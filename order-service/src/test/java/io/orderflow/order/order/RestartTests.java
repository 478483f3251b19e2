package io.orderflow.order.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.CloseRequested;
import io.orderflow.events.OrderCreated;
import io.orderflow.order.OrderServiceApplication;
import io.orderflow.order.support.OneShopTestBase;
import io.orderflow.order.support.OrderEventsFactory;
import io.orderflow.order.support.OrderServiceTest;
import io.orderflow.order.support.Orders;
import io.orderflow.order.support.ShopClient;
import io.orderflow.testkit.Broker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A shop whose create answer was lost retries against a freshly started instance (a restart, or
 * another replica) that consumes nothing itself: the database decides, so it gets the same order,
 * and its {@code Prefer: wait} sees the pay params the other instance stored.
 */
@OrderServiceTest
class RestartTests extends OneShopTestBase {

    @Autowired
    Environment environment;

    @Test
    void retryAgainstAFreshInstanceReturnsTheSameOrderWithPayParams() {
        String body = Orders.body(Orders.newShopOrderNo(), 990);
        String orderId = shop.post("/v1/orders", body).text("order_id");

        try (ConfigurableApplicationContext fresh = freshInstance()) {
            int freshPort = Integer.parseInt(fresh.getEnvironment().getRequiredProperty("local.server.port"));
            ShopClient retrying = new ShopClient(freshPort, shop.signer());
            CompletableFuture<ShopClient.Answer> retry =
                    CompletableFuture.supplyAsync(() -> retrying.post("/v1/orders", body, "Prefer", "wait=5"));
            Broker.publish(new OrderEventsFactory(orderId).paymentRequested());

            ShopClient.Answer answer = retry.join();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text("order_id")).isEqualTo(orderId);
            assertThat(answer.json().path("pay_params").path("package").asString())
                    .isEqualTo("prepay_id=wx" + orderId);
        }

        assertThat(shop.post("/v1/orders/" + orderId + "/close", "").status()).isEqualTo(202);
        OrderFlows.orderEvents(orderId, 1, CloseRequested.class);
        assertThat(OrderFlows.orderEvents(orderId, 1, OrderCreated.class)).hasSize(1);
    }

    private ConfigurableApplicationContext freshInstance() {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getRequiredProperty("spring.datasource.password"),
                "--spring.cloud.stream.kafka.binder.brokers="
                        + environment.getRequiredProperty("spring.cloud.stream.kafka.binder.brokers"),
                "--orderflow.shops.secret-encryption-key=" + OrderServiceTest.ENCRYPTION_KEY,
                "--orderflow.webhooks.master-key=" + OrderServiceTest.WEBHOOK_MASTER_KEY));
        for (String binding : List.of("paymentEvents", "notifyEvents", "reconcileEvents")) {
            args.add("--spring.cloud.stream.bindings." + binding + "-in-0.consumer.auto-startup=false");
        }
        return new SpringApplicationBuilder(OrderServiceApplication.class).run(args.toArray(String[]::new));
    }
}
