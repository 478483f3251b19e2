package io.orderflow.payment;

import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.orderflow.events.EventTypes;
import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.platform.test.SimulatedWechatPayTests;
import io.orderflow.testkit.Broker;
import io.orderflow.testkit.OrderCreatedBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * payment-service against the simulated WeChat Pay of {@link SimulatedWechatPayTests}, its circuit breakers closed
 * before each test. Events go in on {@code orderflow.order.events} as order-service publishes them and come out on
 * {@code orderflow.payment.events}, read by a plain consumer.
 */
public abstract class SimulatedWechatPay extends SimulatedWechatPayTests {

    protected static final String JSAPI_PATH = "/v3/pay/transactions/jsapi";
    protected static final String REFUND_PATH = "/v3/refund/domestic/refunds";

    @Autowired
    protected CircuitBreakerRegistry breakers;

    @BeforeEach
    void closeBreakers() {
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    protected static String newOrderId() {
        return "PS" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    /** An order as payment-service's tests create it: with an attach, expiring in three hours. */
    protected static OrderCreatedBuilder order(String orderId) {
        return OrderCreatedBuilder.orderCreated(orderId)
                .withAttach("attach-" + orderId)
                .withExpireAt(Instant.now().plus(Duration.ofHours(3)));
    }

    protected static OrderCreated orderCreated(String orderId, long fen) {
        return order(orderId).withFen(fen).build();
    }

    /** Publishes as order-service does; returns the ce_id. */
    protected static String send(OrderflowEvent event) {
        return Broker.publish(event);
    }

    protected static String send(OrderflowEvent event, String ceId) {
        return Broker.publish(event, ceId);
    }

    /** The first {@code count} events payment-service published for this order, decoded. */
    protected static List<OrderflowEvent> paymentEvents(String orderId, int count) {
        return Broker.awaitEvents(EventTypes.PAYMENT_EVENTS_TOPIC, orderId, count, WAIT);
    }

    /** The first event payment-service published for each of these orders, read with one consumer. */
    protected static Map<String, OrderflowEvent> firstPaymentEvents(List<String> orderIds) {
        return Broker.firstEvents(EventTypes.PAYMENT_EVENTS_TOPIC, orderIds, WAIT);
    }

    protected void awaitPaymentStatus(String orderId, String status) {
        await().atMost(WAIT)
                .until(() -> status.equals(jdbc.sql("select status from payment where order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .optional()
                        .orElse(null)));
    }
}
