package io.orderflow.payment;

import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.orderflow.events.EventTypes;
import io.orderflow.events.Money;
import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.platform.messaging.EventCodec;
import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.test.TestWechatPay;
import io.orderflow.platform.test.TopicProbe;
import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.WechatPaySimulator;
import io.orderflow.simulator.fault.FaultRule;
import io.orderflow.simulator.fault.Faults;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * payment-service against one in-JVM WeChat Pay simulator (real keys, signatures on), the real
 * broker and PostgreSQL, shared by every test class extending it (one Spring context). Events go
 * in on {@code orderflow.order.events} from a plain producer and come out on
 * {@code orderflow.payment.events}, read by a plain consumer.
 */
@SpringBootTest
@ActiveProfiles("test")
public abstract class SimulatedWechatPay {

    protected static final Duration WAIT = Duration.ofSeconds(30);
    protected static final String JSAPI_PATH = "/v3/pay/transactions/jsapi";
    protected static final String REFUND_PATH = "/v3/refund/domestic/refunds";
    protected static final EventCodec CODEC = new EventCodec();
    protected static final RunningSimulator simulator =
            WechatPaySimulator.start(TestWechatPay.settings().timeScale(0.001));
    private static final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected CircuitBreakerRegistry breakers;

    @Autowired
    protected io.micrometer.core.instrument.MeterRegistry meters;

    @DynamicPropertySource
    static void merchant(DynamicPropertyRegistry registry) {
        TestMerchant.properties(simulator.baseUrl(), "http://127.0.0.1:1").forEach((k, v) -> registry.add(k, () -> v));
    }

    @BeforeEach
    void closeBreakers() {
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @AfterEach
    void clearFaults() {
        simulator.context().getBean(Faults.class).reset(42);
    }

    protected static String newOrderId() {
        return "PS" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    protected static OrderCreated orderCreated(String orderId, long fen) {
        return orderCreated(
                orderId,
                TestMerchant.MCHID,
                TestMerchant.APPID,
                fen,
                Instant.now().plus(Duration.ofHours(3)));
    }

    protected static OrderCreated orderCreated(String orderId, String mchid, String appid, long fen, Instant expireAt) {
        return new OrderCreated(
                orderId,
                "shop-1",
                "SO-" + orderId,
                mchid,
                appid,
                "orderflow test order",
                Money.cny(fen),
                "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
                "attach-" + orderId,
                Instant.now(),
                expireAt);
    }

    /** Publishes as order-service does: CloudEvents headers as raw UTF-8, the codec's JSON; returns the ce_id. */
    protected static String send(OrderflowEvent event) {
        return send(event, UUID.randomUUID().toString());
    }

    protected static String send(OrderflowEvent event, String ceId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_id", ceId);
        headers.put("ce_type", EventTypes.of(event).ceType());
        headers.put("ce_source", "/orderflow/order-service");
        headers.put("ce_subject", event.subject());
        headers.put("ce_specversion", "1.0");
        headers.put("ce_time", Instant.now().toString());
        Map<String, Object> config = Map.of("bootstrap.servers", TestKafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(EventTypes.ORDER_EVENTS_TOPIC, event.subject(), CODEC.encode(event));
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record);
            producer.flush();
        }
        return ceId;
    }

    /** The first {@code count} events payment-service published for this order, decoded. */
    protected static List<OrderflowEvent> paymentEvents(String orderId, int count) {
        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), EventTypes.PAYMENT_EVENTS_TOPIC)) {
            return probe.awaitKey(orderId, count, WAIT).stream()
                    .map(record -> CODEC.decode(record.header("ce_type"), record.value()))
                    .toList();
        }
    }

    /** The first event payment-service published for each of these orders, read with one consumer. */
    protected static Map<String, OrderflowEvent> firstPaymentEvents(List<String> orderIds) {
        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), EventTypes.PAYMENT_EVENTS_TOPIC)) {
            List<TopicProbe.Received> all = probe.awaitRecords(
                    records -> orderIds.stream().allMatch(id -> records.stream().anyMatch(r -> id.equals(r.key()))),
                    WAIT);
            Map<String, OrderflowEvent> first = new LinkedHashMap<>();
            orderIds.forEach(id -> all.stream()
                    .filter(r -> id.equals(r.key()))
                    .findFirst()
                    .ifPresent(r -> first.put(id, CODEC.decode(r.header("ce_type"), r.value()))));
            return first;
        }
    }

    /** Events of this order in the outbox: everything payment-service ever decided to publish for it. */
    protected long outboxEvents(String orderId) {
        return jdbc.sql("select count(*) from outbox_event where ce_subject = ?")
                .param(orderId)
                .query(Long.class)
                .single();
    }

    protected boolean processed(String ceId) {
        return jdbc.sql("select count(*) from processed_message where ce_id = ?")
                        .param(ceId)
                        .query(Long.class)
                        .single()
                == 1;
    }

    protected static FaultRule fault(String kind, String pathPrefix, int count) {
        return simulator
                .context()
                .getBean(Faults.class)
                .add(
                        io.orderflow.simulator.fault.FaultKind.valueOf(kind),
                        TestMerchant.MCHID,
                        pathPrefix,
                        1.0,
                        count,
                        null);
    }

    /** WeChat's answers on this path leave {@code field} out (still signed), until the faults are cleared. */
    protected static FaultRule missingField(String pathPrefix, String field) {
        return simulator
                .context()
                .getBean(Faults.class)
                .add(
                        io.orderflow.simulator.fault.FaultKind.MISSING_FIELD,
                        TestMerchant.MCHID,
                        pathPrefix,
                        1.0,
                        null,
                        null,
                        field);
    }

    /** Rows a worker could not settle because they threw (platform's DueBatch), by exception. */
    protected double workFailures(String worker, String reason) {
        var counter = meters.find("orderflow.work.failures")
                .tags("worker", worker, "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** Uses left of a fault rule: how many calls it has not answered yet. */
    protected static int remaining(FaultRule rule) {
        return simulator.context().getBean(Faults.class).rules().stream()
                .filter(r -> r.id().equals(rule.id()))
                .findFirst()
                .orElseThrow()
                .remaining();
    }

    /** The payer pays the order at WeChat through the simulator's control API. */
    protected static void pay(String orderId) throws Exception {
        String body = "{\"mchid\":\"" + TestMerchant.MCHID + "\",\"out_trade_no\":\"" + orderId + "\"}";
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/sim/v1/payments"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("pay " + orderId + ": " + response.statusCode() + " " + response.body());
        }
    }

    protected static io.orderflow.simulator.ledger.Order ledgerOrder(String orderId) {
        return simulator.ledger().order(TestMerchant.MCHID, orderId).orElseThrow();
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
