package io.orderflow.reconcile;

import io.orderflow.events.Money;
import io.orderflow.events.OrderCreated;
import io.orderflow.platform.test.TestMerchant;
import java.time.Duration;
import java.time.Instant;

/**
 * Test data builder of order-service's OrderCreated: an order of the test merchant, created now and expiring in an
 * hour; set what the test is about.
 */
public final class OrderCreatedBuilder {

    private final String orderId;
    private String shopId = "shop-1";
    private String shopOrderNo;
    private String description = "reconcile test";
    private Money amount = Money.cny(100);
    private String payerOpenid = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
    private Instant createdAt = Instant.now();
    private Instant expireAt = createdAt.plus(Duration.ofHours(1));

    private OrderCreatedBuilder(String orderId) {
        this.orderId = orderId;
        this.shopOrderNo = "SO-" + orderId;
    }

    public static OrderCreatedBuilder order(String orderId) {
        return new OrderCreatedBuilder(orderId);
    }

    /** The same order, to change a field. */
    public static OrderCreatedBuilder from(OrderCreated order) {
        OrderCreatedBuilder builder = new OrderCreatedBuilder(order.orderId());
        builder.shopId = order.shopId();
        builder.shopOrderNo = order.shopOrderNo();
        builder.description = order.description();
        builder.amount = order.amount();
        builder.payerOpenid = order.payerOpenid();
        builder.createdAt = order.createdAt();
        builder.expireAt = order.expireAt();
        return builder;
    }

    public OrderCreatedBuilder shopOrderNo(String value) {
        shopOrderNo = value;
        return this;
    }

    public OrderCreatedBuilder description(String value) {
        description = value;
        return this;
    }

    public OrderCreatedBuilder fen(long value) {
        amount = Money.cny(value);
        return this;
    }

    public OrderCreatedBuilder payerOpenid(String value) {
        payerOpenid = value;
        return this;
    }

    public OrderCreatedBuilder expireAt(Instant value) {
        expireAt = value;
        return this;
    }

    public OrderCreated build() {
        return new OrderCreated(
                orderId,
                shopId,
                shopOrderNo,
                TestMerchant.MCHID,
                TestMerchant.APPID,
                description,
                amount,
                payerOpenid,
                null,
                createdAt,
                expireAt);
    }
}
