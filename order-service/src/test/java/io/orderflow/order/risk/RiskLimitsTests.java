package io.orderflow.order.risk;

import static io.orderflow.order.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.order.support.Admin;
import io.orderflow.order.support.Counters;
import io.orderflow.order.support.OneShopTestBase;
import io.orderflow.order.support.OrderServiceTest;
import io.orderflow.order.support.Orders;
import io.orderflow.order.support.ShopClient;
import io.orderflow.order.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every create limit at its edge (just under, at, just over), windows and buckets rolling over on a frozen
 * clock, and every refusal leaving no order and no event behind.
 */
@OrderServiceTest
class RiskLimitsTests extends OneShopTestBase {

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestClock clock;

    @Autowired
    CreateTokens tokens;

    Admin admin;
    String payer;

    @BeforeEach
    void freshPayerAndFrozenClock() {
        admin = new Admin(port);
        payer = Orders.newOpenid();
        clock.freeze();
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void refusesAnOrderAboveTheShopsAmountLimit() {
        admin.limits(shopId(), "{\"max_order_amount_fen\":1000}");

        assertThat(create(999).status()).isEqualTo(201);
        assertThat(create(1000).status()).isEqualTo(201);
        double before = refusals(RiskCode.ORDER_AMOUNT_LIMIT_EXCEEDED);
        assertRefusedAndNothingCreated(1001, 422, RiskCode.ORDER_AMOUNT_LIMIT_EXCEEDED, "1000 fen per order");
        assertThat(refusals(RiskCode.ORDER_AMOUNT_LIMIT_EXCEEDED)).isEqualTo(before + 1);
    }

    @Test
    void refusesThePayersOrderBeyondTheCountUntilTheWindowRollsOver() {
        admin.limits(shopId(), "{\"payer_max_orders\":3,\"payer_window_seconds\":60}");

        assertThat(create(100).status()).isEqualTo(201);
        assertThat(create(100).status()).isEqualTo(201);
        clock.advance(Duration.ofSeconds(10));
        assertThat(create(100).status()).as("the third, at the limit").isEqualTo(201);
        assertRefusedAndNothingCreated(100, 422, RiskCode.PAYER_ORDER_LIMIT_EXCEEDED, "allows 3");

        clock.advance(Duration.ofSeconds(50).minusMillis(1));
        assertRefusedAndNothingCreated(100, 422, RiskCode.PAYER_ORDER_LIMIT_EXCEEDED, "allows 3");
        clock.advance(Duration.ofMillis(1));
        assertThat(create(100).status()).as("the first two left the window").isEqualTo(201);
        assertThat(create(100).status()).isEqualTo(201);
        assertRefusedAndNothingCreated(100, 422, RiskCode.PAYER_ORDER_LIMIT_EXCEEDED, "allows 3");
        assertThat(createFor(Orders.newOpenid(), 100).status())
                .as("another payer")
                .isEqualTo(201);
    }

    @Test
    void refusesThePayersOrderThatWouldExceedTheAmountInTheWindow() {
        admin.limits(shopId(), "{\"payer_max_amount_fen\":1000,\"payer_window_seconds\":60}");

        assertThat(create(400).status()).isEqualTo(201);
        assertThat(create(500).status()).isEqualTo(201);
        assertRefusedAndNothingCreated(101, 422, RiskCode.PAYER_AMOUNT_LIMIT_EXCEEDED, "1001 fen");
        assertThat(create(100).status()).as("exactly at the limit").isEqualTo(201);
        assertRefusedAndNothingCreated(1, 422, RiskCode.PAYER_AMOUNT_LIMIT_EXCEEDED, "allows 1000 fen");

        clock.advance(Duration.ofSeconds(60));
        assertThat(create(1000).status()).as("the window rolled over").isEqualTo(201);
    }

    @Test
    void answers429WithRetryAfterBeyondTheShopsRateAndRefillsWithTime() {
        admin.limits(shopId(), "{\"creates_per_second\":3}");

        assertThat(create(100).status()).isEqualTo(201);
        assertThat(create(100).status()).isEqualTo(201);
        assertThat(create(100).status())
                .as("the third in the same instant, at the rate")
                .isEqualTo(201);
        ShopClient.Answer refused =
                assertRefusedAndNothingCreated(100, 429, RiskCode.RATE_LIMITED, "3 create requests");
        assertThat(refused.header("Retry-After")).isEqualTo("1");

        clock.advance(Duration.ofMillis(333));
        assertRefusedAndNothingCreated(100, 429, RiskCode.RATE_LIMITED, "per second");
        clock.advance(Duration.ofMillis(1));
        assertThat(create(100).status())
                .as("one token back after a third of a second")
                .isEqualTo(201);
        assertRefusedAndNothingCreated(100, 429, RiskCode.RATE_LIMITED, "per second");
        clock.advance(Duration.ofSeconds(5));
        assertThat(create(100).status()).isEqualTo(201);
        assertThat(create(100).status()).isEqualTo(201);
        assertThat(create(100).status())
                .as("the bucket holds one second's worth at most")
                .isEqualTo(201);
        assertRefusedAndNothingCreated(100, 429, RiskCode.RATE_LIMITED, "per second");
    }

    @Test
    void aBusyShopTakesTokensInLeasesAndStillGetsNoMoreThanItsRate() {
        admin.limits(shopId(), "{\"creates_per_second\":150}");

        for (int i = 0; i < 150; i++) {
            assertThat(createFor(Orders.newOpenid(), 100).status())
                    .as("request %s", i + 1)
                    .isEqualTo(201);
        }
        assertRefusedAndNothingCreated(100, 429, RiskCode.RATE_LIMITED, "150 create requests");
        assertThat(jdbc.sql("select tokens from shop_create_bucket where shop_id = ?")
                        .param(shopId())
                        .query(Double.class)
                        .single())
                .isZero();
    }

    @Test
    void aRetryOfAnOrderAlreadyCreatedIsAnsweredEvenAtThePayerLimit() {
        admin.limits(shopId(), "{\"payer_max_orders\":1}");
        String shopOrderNo = Orders.newShopOrderNo();
        ShopClient.Answer created = shop.post("/v1/orders", Orders.body(shopOrderNo, 100, payer));

        ShopClient.Answer retry = shop.post("/v1/orders", Orders.body(shopOrderNo, 100, payer));

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("order_id")).isEqualTo(created.text("order_id"));
        assertRefusedAndNothingCreated(100, 422, RiskCode.PAYER_ORDER_LIMIT_EXCEEDED, "allows 1");
    }

    @Test
    void limitsReadBackWithTheirDefaultsAndGoBackToThemWhenCleared() {
        admin.limits(shopId(), "{\"payer_max_orders\":7}");
        ShopClient.Answer limits = admin.get("/admin/v1/shops/" + shopId() + "/limits");
        assertThat(limits.json().path("overrides").path("payer_max_orders").asInt())
                .isEqualTo(7);
        assertThat(limits.json().path("effective").path("payer_max_orders").asInt())
                .isEqualTo(7);
        assertThat(limits.json().path("effective").path("creates_per_second").asInt())
                .isEqualTo(100);

        admin.limits(shopId(), "{}");
        assertThat(admin.get("/admin/v1/shops/" + shopId() + "/limits")
                        .json()
                        .path("effective")
                        .path("payer_max_orders")
                        .asInt())
                .isEqualTo(50);
        assertThat(admin.put("/admin/v1/shops/" + shopId() + "/limits", "{\"payer_max_orders\":0}")
                        .status())
                .isEqualTo(400);
        assertThat(admin.get("/admin/v1/shops/shop-nope/limits").status()).isEqualTo(404);
    }

    private ShopClient.Answer create(long fen) {
        return createFor(payer, fen);
    }

    private ShopClient.Answer createFor(String openid, long fen) {
        return shop.post("/v1/orders", Orders.body(Orders.newShopOrderNo(), fen, openid));
    }

    /** The create is refused with that status and code, names no openid, and leaves no order or event. */
    private ShopClient.Answer assertRefusedAndNothingCreated(long fen, int status, RiskCode code, String messagePart) {
        String shopOrderNo = Orders.newShopOrderNo();
        long orders = ordersOfShop();
        long events = eventsOfShop();
        ShopClient.Answer answer = shop.post("/v1/orders", Orders.body(shopOrderNo, fen, payer));
        assertError(answer, status, code.name(), messagePart);
        assertThat(answer.text("message")).doesNotContain(payer);
        assertThat(ordersOfShop()).isEqualTo(orders);
        assertThat(eventsOfShop()).isEqualTo(events);
        assertThat(storedOrders(shopOrderNo)).isZero();
        return answer;
    }

    @Test
    void aBusyShopsLeaseIsToppedUpOnceHalfGoneSoCreatesDoNotWaitForTheBucketWhenItWouldHaveExpired() {
        admin.limits(shopId(), "{\"creates_per_second\":1000}"); // leases of 20 tokens, lasting 20 ms
        Instant start = clock.instant();
        assertThat(tokens.spend(shopId(), 100)).isEmpty(); // takes a lease of 20, spends one
        assertThat(bucket()).isEqualTo(start + " 20");

        clock.advance(Duration.ofMillis(10));
        assertThat(tokens.spend(shopId(), 100)).isEmpty(); // half gone: this create tops the lease up
        assertThat(bucket()).isEqualTo(start.plusMillis(10) + " 2");

        clock.advance(Duration.ofMillis(15));
        // 25 ms after the first take the first lease would have run out; the topped-up one lasts until 30 ms
        int taken = 0;
        while (taken < 19 && tokens.spend(shopId(), 100).isEmpty()) {
            taken++;
        }
        assertThat(taken).isEqualTo(19);
        // still the topped-up lease (half gone again, so topped up by the one token it lacked), not a new one
        assertThat(bucket()).isEqualTo(start.plusMillis(25) + " 1");
    }

    @Test
    void aBusyShopNeverSpendsMoreTokensThanItsBucketGaveWhateverTheLeasesDo() {
        admin.limits(shopId(), "{\"creates_per_second\":1000}");
        // two creates a millisecond for 3 s against 1,000 a second: the bucket holds 1,000 and refills 3,000
        int spent = 0;
        for (int ms = 0; ms < 3000; ms++) {
            for (int i = 0; i < 2; i++) {
                if (tokens.spend(shopId(), 100).isEmpty()) {
                    spent++;
                }
            }
            clock.advance(Duration.ofMillis(1));
        }
        assertThat(spent).isLessThanOrEqualTo(4000).isGreaterThan(3900);
    }

    /** The bucket row's last refill time and how many tokens its last take got. */
    private String bucket() {
        return jdbc.sql("select refilled_at, taken from shop_create_bucket where shop_id = ?")
                .param(shopId())
                .query((rs, n) -> rs.getTimestamp(1).toInstant() + " " + rs.getInt(2))
                .single();
    }

    private long ordersOfShop() {
        return jdbc.sql("select count(*) from orders where shop_id = ?")
                .param(shopId())
                .query(Long.class)
                .single();
    }

    private long eventsOfShop() {
        return jdbc.sql("select count(*) from outbox_event where position(? in convert_from(payload, 'UTF8')) > 0")
                .param(shopId())
                .query(Long.class)
                .single();
    }

    private String shopId() {
        return shop.signer().shopId();
    }

    private double refusals(RiskCode code) {
        return Counters.count(meters, "orderflow.risk.refusals", "code", code.name());
    }
}
