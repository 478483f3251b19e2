package io.orderflow.order.order.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.order.support.OneShopTestBase;
import io.orderflow.order.support.OrderServiceTest;
import io.orderflow.order.support.Orders;
import io.orderflow.order.support.ShopClient;
import io.orderflow.platform.notify.PgNotifications;
import io.orderflow.testkit.Broker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A create call waiting for its pay params ({@code Prefer: wait}) is woken when they are stored on any replica:
 * here another replica's commit is played by the test (it stores the pay params and notifies, as OrderLifecycle
 * does). The tests' configuration sets the safety poll to a minute, so only the wake-up can answer before the wait's
 * end.
 */
@OrderServiceTest
class PayParamsWakeTests extends OneShopTestBase {

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aWaitingCreateIsWokenWhenAnotherReplicaStoresItsPayParams() throws Exception {
        String shopOrderNo = Orders.newShopOrderNo();
        CompletableFuture<ShopClient.Answer> created = CompletableFuture.supplyAsync(
                () -> shop.post("/v1/orders", Orders.body(shopOrderNo, 100), "Prefer", "wait=5"));
        String orderId = await().atMost(Broker.WAIT)
                .until(
                        () -> jdbc.sql("select order_id from orders where shop_order_no = ?")
                                .param(shopOrderNo)
                                .query(String.class)
                                .optional()
                                .orElse(null),
                        id -> id != null);

        long stored = System.nanoTime();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    update orders set pay_app_id = 'wx2421b1c4370ec43b', pay_time_stamp = '1796033731',
                        pay_nonce_str = 'n', pay_package = ?, pay_sign_type = 'RSA', pay_sign = 'c2ln'
                    where order_id = ?""").params("prepay_id=wx" + orderId, orderId).update();
            PgNotifications.publish(jdbc, PayParamsSignal.CHANNEL, orderId);
        });
        ShopClient.Answer answer = created.get(30, TimeUnit.SECONDS);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("pay_params").path("package").asString()).isEqualTo("prepay_id=wx" + orderId);
        assertThat(Duration.ofNanos(System.nanoTime() - stored))
                .as("woken, not answered at the wait's end (5 s)")
                .isLessThan(Duration.ofSeconds(4));
    }
}
