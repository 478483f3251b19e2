package io.orderflow.testkit;

import io.orderflow.events.Money;
import io.orderflow.events.OrderCreated;
import io.orderflow.platform.test.TestMerchant;
import java.time.Duration;
import java.time.Instant;

/**
 * Test data builder of order-service's OrderCreated: an order of the test merchant's ({@link TestMerchant}) in shop
 * {@code shop-1}, 1 yuan, no attach, created now and expiring in an hour; set what the test is about.
 */
public final class OrderCreatedBuilder {

    public static final String PAYER_OPENID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

    private final String orderId;
    private String shopId = "shop-1";
    private String shopOrderNo;
    private String mchid = TestMerchant.MCHID;
    private String appid = TestMerchant.APPID;
    private String description = "orderflow test order";
    private Money amount = Money.cny(100);
    private String payerOpenid = PAYER_OPENID;
    private String attach;
    private Instant createdAt = Instant.now();
    private Instant expireAt = createdAt.plus(Duration.ofHours(1));

    private OrderCreatedBuilder(String orderId) {
        this.orderId = orderId;
        this.shopOrderNo = "SO-" + orderId;
    }

    /** The order {@code orderId}, shop order number {@code SO-<orderId>}. */
    public static OrderCreatedBuilder orderCreated(String orderId) {
        return new OrderCreatedBuilder(orderId);
    }

    /** The same order, to change a field. */
    public static OrderCreatedBuilder from(OrderCreated order) {
        OrderCreatedBuilder builder = new OrderCreatedBuilder(order.orderId());
        builder.shopId = order.shopId();
        builder.shopOrderNo = order.shopOrderNo();
        builder.mchid = order.mchid();
        builder.appid = order.appid();
        builder.description = order.description();
        builder.amount = order.amount();
        builder.payerOpenid = order.payerOpenid();
        builder.attach = order.attach();
        builder.createdAt = order.createdAt();
        builder.expireAt = order.expireAt();
        return builder;
    }

    public OrderCreatedBuilder withShopId(String value) {
        shopId = value;
        return this;
    }

    public OrderCreatedBuilder withShopOrderNo(String value) {
        shopOrderNo = value;
        return this;
    }

    public OrderCreatedBuilder withMchid(String value) {
        mchid = value;
        return this;
    }

    public OrderCreatedBuilder withAppid(String value) {
        appid = value;
        return this;
    }

    public OrderCreatedBuilder withDescription(String value) {
        description = value;
        return this;
    }

    /** The total in fen, CNY. */
    public OrderCreatedBuilder withFen(long value) {
        amount = Money.cny(value);
        return this;
    }

    public OrderCreatedBuilder withPayerOpenid(String value) {
        payerOpenid = value;
        return this;
    }

    public OrderCreatedBuilder withAttach(String value) {
        attach = value;
        return this;
    }

    public OrderCreatedBuilder withCreatedAt(Instant value) {
        createdAt = value;
        return this;
    }

    public OrderCreatedBuilder withExpireAt(Instant value) {
        expireAt = value;
        return this;
    }

    public OrderCreated build() {
        return new OrderCreated(
                orderId,
                shopId,
                shopOrderNo,
                mchid,
                appid,
                description,
                amount,
                payerOpenid,
                attach,
                createdAt,
                expireAt);
    }
}
