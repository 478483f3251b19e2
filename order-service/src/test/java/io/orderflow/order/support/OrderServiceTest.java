package io.orderflow.order.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The one Spring configuration of order-service's integration tests (so every class shares one
 * cached context): the whole service on a random port against the real PostgreSQL and broker, with a
 * {@link TestClock} and a refund alert threshold small enough for test amounts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureTestRestTemplate
@Import(TestClockConfiguration.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "orderflow.shops.secret-encryption-key=" + OrderServiceTest.ENCRYPTION_KEY,
            "orderflow.admin.token=" + OrderServiceTest.ADMIN_TOKEN,
            "orderflow.webhooks.master-key=" + OrderServiceTest.WEBHOOK_MASTER_KEY,
            "orderflow.wechatpay.merchants[0].mchid=" + Shops.MCHID,
            "orderflow.wechatpay.merchants[0].appids[0]=" + Shops.APPID,
            "orderflow.outbox.poll-interval=50ms",
            "orderflow.orders.max-wait=5s",
            // waiting create calls are woken, never found by polling: a lost wake-up shows as a wait to the deadline
            "orderflow.orders.wait-poll=60s",
            "orderflow.risk.refund-share.min-refund-fen=1000",
            "orderflow.metrics.order-states-every=0s",
            "orderflow.follow-ups.poll-interval=100ms",
            "orderflow.follow-ups.initial-backoff=100ms",
            "orderflow.follow-ups.max-backoff=400ms",
            "orderflow.follow-ups.alert-after-attempts=3"
        })
public @interface OrderServiceTest {

    /** A test-only AES-256 key (32 bytes, Base64). */
    String ENCRYPTION_KEY = "dGVzdC1vbmx5LWtleS1vZi0zMi1ieXRlcy0xMjM0NTY=";

    String ADMIN_TOKEN = "test-admin-token";
    /** A test-only webhook master key (Base64, 36 bytes). */
    String WEBHOOK_MASTER_KEY = "dGVzdC1vbmx5LXdlYmhvb2stbWFzdGVyLWtleS0xMjM0NQ==";
}
