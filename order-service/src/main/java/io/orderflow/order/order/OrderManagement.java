package io.orderflow.order.order;

import io.orderflow.order.shop.Shop;
import io.orderflow.events.Money;
import io.orderflow.events.OrderStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop's use cases: create (idempotent per shop_order_no), read, list, close, refund. A shop
 * sees only its own orders: another shop's order id reads as unknown.
 */
@Service
public class OrderManagement {

    private static final Logger log = LoggerFactory.getLogger(OrderManagement.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Orders orders;
    private final OrderEvents events;
    private final Clock clock;
    private final PayParamsSignal signal;

    OrderManagement(Orders orders, OrderEvents events, Clock clock, PayParamsSignal signal) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
        this.signal = signal;
    }

    /** Creates the order, or returns the one this shop_order_no already made with the same request. */
    @Transactional
    public Creation create(Shop shop, NewOrder request) {
        Instant now = clock.instant();
        String hash = Sha256.hex(request.canonical());
        Order order = Order.create(new OrderTerms(OrderIds.next(clock), shop.shopId(), request.shopOrderNo(), hash,
                shop.mchid(), shop.appid(), request.description(), new Money(request.amountFen(),
                request.currency()), request.payerOpenid(), request.attach(), now, now.plus(request.expireIn())));
        if (orders.insertIfAbsent(order)) {
            log.debug("order {} created for shop {} payer {}", order.terms().orderId(), shop.shopId(),
                    OpenIds.mask(request.payerOpenid()));
            events.publish(order.creationEvents());
            return new Creation(order, true);
        }
        Order existing = orders.findByShopOrderNo(shop.shopId(), request.shopOrderNo()).orElseThrow();
        if (!existing.terms().requestHash().equals(hash)) {
            throw new OrderRejectedException("SHOP_ORDER_NO_CONFLICT", "shop_order_no " + request.shopOrderNo()
                    + " was already used with a different request (order_id " + existing.terms().orderId() + ")");
        }
        return new Creation(existing, false);
    }

    @Transactional(readOnly = true)
    public Order find(Shop shop, String orderId) {
        return orders.find(orderId).filter(order -> order.terms().shopId().equals(shop.shopId()))
                .orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    @Transactional(readOnly = true)
    public Order findByShopOrderNo(Shop shop, String shopOrderNo) {
        return orders.findByShopOrderNo(shop.shopId(), shopOrderNo)
                .orElseThrow(() -> new OrderNotFoundException("with shop_order_no " + shopOrderNo));
    }

    @Transactional(readOnly = true)
    public OrderPage list(OrderQuery query) {
        List<Order> page = orders.page(new OrderQuery(query.shopId(), query.status(), query.createdFrom(),
                query.createdTo(), query.after(), query.limit() + 1));
        if (page.size() <= query.limit()) {
            return new OrderPage(page, null);
        }
        Order last = page.get(query.limit() - 1);
        return new OrderPage(page.subList(0, query.limit()),
                new OrderQuery.PageKey(last.terms().createdAt(), last.terms().orderId()));
    }

    /** Asks reconcile-service to close a PENDING order; closed or failed orders need nothing. */
    @Transactional
    public Order close(Shop shop, String orderId) {
        Order order = lock(shop, orderId);
        events.publish(order.close(new Context(clock.instant(), null, false)));
        orders.save(order);
        return order;
    }

    /** Requests a refund; a retry with the same out_refund_no and amount is accepted again. */
    @Transactional
    public Order refund(Shop shop, String orderId, RefundOrder request) {
        Order order = lock(shop, orderId);
        orders.orderOfRefund(order.terms().mchid(), request.outRefundNo())
                .filter(other -> !other.equals(orderId))
                .ifPresent(other -> {
                    throw new OrderRejectedException("OUT_REFUND_NO_CONFLICT", "out_refund_no "
                            + request.outRefundNo() + " is already used by another order of this merchant");
                });
        events.publish(order.refund(request, new Context(clock.instant(), null, false)));
        orders.save(order);
        return order;
    }

    /**
     * Waits up to {@code wait} for the pay params of a PENDING order: woken at once when this JVM
     * stores them, otherwise polling the database every 100 ms (they may arrive on another replica).
     */
    public Order awaitPayParams(Shop shop, String orderId, Duration wait) {
        Instant deadline = clock.instant().plus(wait);
        CompletableFuture<Void> stored = signal.subscribe(orderId);
        try {
            Order order = find(shop, orderId);
            while (order.state().payParams() == null && order.status() == OrderStatus.PENDING) {
                Duration left = Duration.between(clock.instant(), deadline);
                if (left.isNegative() || left.isZero()) {
                    return order;
                }
                Waiting.upTo(stored, left.compareTo(POLL) < 0 ? left : POLL);
                order = find(shop, orderId);
            }
            return order;
        } finally {
            signal.unsubscribe(orderId, stored);
        }
    }

    private Order lock(Shop shop, String orderId) {
        return orders.lock(orderId).filter(order -> order.terms().shopId().equals(shop.shopId()))
                .orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    /**
     * The result of a create call.
     *
     * @param order the order
     * @param created true when this call created it, false for a retry
     */
    public record Creation(Order order, boolean created) {
    }
}
