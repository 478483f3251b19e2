package io.orderflow.order.order.usecase;

import io.orderflow.events.Money;
import io.orderflow.order.order.domain.Context;
import io.orderflow.order.order.domain.Order;
import io.orderflow.order.order.domain.OrderIds;
import io.orderflow.order.order.domain.OrderRejectedException;
import io.orderflow.order.order.domain.OrderTerms;
import io.orderflow.order.order.domain.RefundOrder;
import io.orderflow.order.order.store.OrderQuery;
import io.orderflow.order.order.store.Orders;
import io.orderflow.order.risk.CreateRisk;
import io.orderflow.order.risk.RefundShareWatch;
import io.orderflow.order.shop.Shop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shop's use cases: create (idempotent per shop_order_no, behind the risk controls), read, list, close,
 * refund. A shop sees only its own orders: another shop's order id reads as unknown.
 */
@Service
public class OrderManagement {

    private static final Logger log = LoggerFactory.getLogger(OrderManagement.class);

    private final Orders orders;
    private final OrderEventPublisher events;
    private final Clock clock;
    private final PayParamsSignal signal;
    private final CreateRisk risk;
    private final RefundShareWatch refundShare;
    private final TransactionTemplate transactions;
    private final OrderProperties properties;

    OrderManagement(
            Orders orders,
            OrderEventPublisher events,
            Clock clock,
            PayParamsSignal signal,
            CreateRisk risk,
            RefundShareWatch refundShare,
            PlatformTransactionManager transactionManager,
            OrderProperties properties) {
        this.properties = properties;
        this.orders = orders;
        this.events = events;
        this.clock = clock;
        this.signal = signal;
        this.risk = risk;
        this.refundShare = refundShare;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Creates the order, or returns the one this shop_order_no already made with the same request; then waits as
     * the shop prefers ({@code Prefer: wait}), at most {@code orderflow.orders.max-wait}, until it has pay params
     * or has failed. The shop's request rate is checked first, in its own statement; the other limits inside the
     * create transaction. A new order's waiter is registered before it commits, so nothing can be stored unseen: it
     * sleeps until woken (PayParamsSignal) and answers with the order the wake-up hands over, or reads it once then.
     *
     * @throws io.orderflow.order.risk.RiskRefusedException when a limit refuses the order (nothing is created)
     */
    public Creation create(Shop shop, NewOrder request, WaitPreference preference) {
        Duration wait = preference.upTo(properties.maxWait());
        risk.admit(shop);
        String orderId = OrderIds.next(clock);
        CompletableFuture<Order> stored = wait.isZero() ? null : signal.subscribe(orderId);
        try {
            Instant deadline = clock.instant().plus(wait);
            Stored creation = transactions.execute(status -> createChecked(shop, request, orderId));
            if (wait.isZero() || settled(creation.order())) {
                return new Creation(creation.order(), creation.created(), wait);
            }
            Order answer = creation.created()
                    ? awaitSettled(shop, orderId, stored, deadline)
                    : awaitPayParams(
                            shop, creation.order().terms().orderId(), Duration.between(clock.instant(), deadline));
            return new Creation(answer, creation.created(), wait);
        } finally {
            if (stored != null) {
                signal.unsubscribe(orderId, stored);
            }
        }
    }

    /**
     * The create transaction in three steps: the insert the risk limits admit (the usual path: one statement); when
     * it inserted nothing, the explanation (a retry of the shop_order_no, or the limit that refuses the order, thrown)
     * and, when no limit refuses it any more, the unconditional insert; else the order this shop_order_no made.
     */
    private Stored createChecked(Shop shop, NewOrder request, String orderId) {
        Order order = newOrder(shop, request, orderId);
        if (orders.insertIfAdmitted(order) || insertUnlessRetried(shop, request, order)) {
            log.debug(
                    "order {} created for shop {} payer {}",
                    order.terms().orderId(),
                    shop.shopId(),
                    OpenIds.mask(request.payerOpenid()));
            events.publish(order, order.creationEvents());
            return new Stored(order, true);
        }
        return retried(shop, request, order.terms().requestHash());
    }

    private Order newOrder(Shop shop, NewOrder request, String orderId) {
        String hash = Sha256.hex(request.canonical());
        Instant now = clock.instant();
        return Order.create(new OrderTerms(
                orderId,
                shop.shopId(),
                request.shopOrderNo(),
                hash,
                shop.mchid(),
                shop.appid(),
                request.description(),
                new Money(request.amountFen(), request.currency()),
                request.payerOpenid(),
                request.attach(),
                now,
                now.plus(request.expireIn()),
                request.notifyUrl()));
    }

    /**
     * After an insert that inserted nothing: a retry of the shop_order_no inserts nothing (false); a limit that
     * refuses the order throws; an order no limit refuses any more (a block lifted meanwhile) is inserted.
     */
    private boolean insertUnlessRetried(Shop shop, NewOrder request, Order order) {
        boolean retry = risk.explain(shop, request.shopOrderNo(), request.payerOpenid(), request.amountFen());
        return !retry && orders.insertIfAbsent(order);
    }

    /** The order an earlier create with this shop_order_no made, if its request was the same. */
    private Stored retried(Shop shop, NewOrder request, String hash) {
        Order existing =
                orders.findByShopOrderNo(shop.shopId(), request.shopOrderNo()).orElseThrow();
        if (!existing.terms().requestHash().equals(hash)) {
            throw new OrderRejectedException(
                    "SHOP_ORDER_NO_CONFLICT",
                    "shop_order_no " + request.shopOrderNo() + " was already used with a different request (order_id "
                            + existing.terms().orderId() + ")");
        }
        return new Stored(existing, false);
    }

    @Transactional(readOnly = true)
    public Order find(Shop shop, String orderId) {
        return (OrderIds.wellFormed(orderId) ? orders.find(orderId) : Optional.<Order>empty())
                .filter(order -> order.terms().shopId().equals(shop.shopId()))
                .orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    @Transactional(readOnly = true)
    public Order findByShopOrderNo(Shop shop, String shopOrderNo) {
        return orders.findByShopOrderNo(shop.shopId(), shopOrderNo)
                .orElseThrow(() -> new OrderNotFoundException("with shop_order_no " + shopOrderNo));
    }

    @Transactional(readOnly = true)
    public OrderPage list(OrderQuery query) {
        List<Order> page = orders.page(new OrderQuery(
                query.shopId(),
                query.status(),
                query.createdFrom(),
                query.createdTo(),
                query.after(),
                query.limit() + 1));
        if (page.size() <= query.limit()) {
            return new OrderPage(page, null);
        }
        Order last = page.get(query.limit() - 1);
        return new OrderPage(
                page.subList(0, query.limit()),
                new OrderQuery.PageKey(last.terms().createdAt(), last.terms().orderId()));
    }

    /** Asks reconcile-service to close a PENDING order; closed or failed orders need nothing. */
    @Transactional
    public Order close(Shop shop, String orderId) {
        Order order = lock(shop, orderId);
        events.publish(order, order.close(new Context(clock.instant(), null, false)));
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
                    throw new OrderRejectedException(
                            "OUT_REFUND_NO_CONFLICT",
                            "out_refund_no " + request.outRefundNo()
                                    + " is already used by another order of this merchant");
                });
        Instant now = clock.instant();
        int refunds = order.refunds().size();
        events.publish(order, order.refund(request, new Context(now, null, false)));
        orders.save(order);
        if (order.refunds().size() > refunds) {
            refundShare.refundRequested(shop.shopId(), order.terms().mchid(), orderId, now);
        }
        return order;
    }

    /**
     * Waits up to {@code wait} for the pay params of a PENDING order, for a call that did not create it (a retry of
     * the create): woken when they are stored on any replica, and looking at the database every
     * {@code orderflow.orders.wait-poll} in case a wake-up was lost.
     */
    public Order awaitPayParams(Shop shop, String orderId, Duration wait) {
        Instant deadline = clock.instant().plus(wait);
        CompletableFuture<Order> stored = signal.subscribe(orderId);
        try {
            Order order = find(shop, orderId);
            return settled(order) ? order : awaitSettled(shop, orderId, stored, deadline);
        } finally {
            signal.unsubscribe(orderId, stored);
        }
    }

    /**
     * Sleeps until woken or the deadline, then answers with the order the wake-up handed over (this instance
     * stored its pay params) or reads it (woken from another replica, or every few seconds as a safety net).
     */
    private Order awaitSettled(Shop shop, String orderId, CompletableFuture<Order> stored, Instant deadline) {
        while (true) {
            Duration left = Duration.between(clock.instant(), deadline);
            Duration poll = properties.waitPoll();
            if (!left.isNegative() && !left.isZero()) {
                Waiting.upTo(stored, left.compareTo(poll) < 0 ? left : poll);
            }
            Order handed = stored.getNow(null);
            Order order =
                    handed != null && handed.terms().shopId().equals(shop.shopId()) ? handed : find(shop, orderId);
            if (settled(order) || stored.isDone() || !clock.instant().isBefore(deadline)) {
                return order;
            }
        }
    }

    /** Nothing more to wait for: the order has its pay params, or is no longer PENDING. */
    private static boolean settled(Order order) {
        return order.state().payParams() != null || order.status().isFinal();
    }

    private Order lock(Shop shop, String orderId) {
        return (OrderIds.wellFormed(orderId) ? orders.lock(orderId) : Optional.<Order>empty())
                .filter(order -> order.terms().shopId().equals(shop.shopId()))
                .orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    /**
     * The result of a create call.
     *
     * @param order the order
     * @param created true when this call created it, false for a retry
     * @param appliedWait how long the call was allowed to wait for pay params (the preference honoured), zero for not at all
     */
    public record Creation(Order order, boolean created, Duration appliedWait) {}

    /** What the create transaction stored: the new order, or the one a retried shop_order_no made. */
    private record Stored(Order order, boolean created) {}
}
