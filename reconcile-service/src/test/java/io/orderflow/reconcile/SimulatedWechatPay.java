package io.orderflow.reconcile;

import com.wechat.pay.java.service.payments.jsapi.model.Amount;
import com.wechat.pay.java.service.payments.jsapi.model.Payer;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.events.EventTypes;
import io.orderflow.events.Money;
import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.platform.messaging.EventCodec;
import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.test.TestWechatPay;
import io.orderflow.platform.test.TopicProbe;
import io.orderflow.platform.wechatpay.WechatPayClients;
import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.WechatPaySimulator;
import io.orderflow.simulator.fault.FaultKind;
import io.orderflow.simulator.fault.FaultRule;
import io.orderflow.simulator.fault.Faults;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * reconcile-service against one in-JVM WeChat Pay simulator (real keys, signatures on), the real broker and
 * PostgreSQL, shared by every test class extending it (one Spring context). Orders are prepaid at the
 * simulator by the test itself; events go in with CloudEvents headers and come out on the reconcile topic.
 */
@SpringBootTest
@ActiveProfiles("test")
public abstract class SimulatedWechatPay {

    protected static final Duration WAIT = Duration.ofSeconds(30);
    protected static final EventCodec CODEC = new EventCodec();
    protected static final RunningSimulator simulator =
            WechatPaySimulator.start(TestWechatPay.settings().timeScale(0.001));
    private static final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected WechatPayClients merchants;

    @Autowired
    protected MeterRegistry meters;

    @DynamicPropertySource
    static void merchant(DynamicPropertyRegistry registry) {
        TestMerchant.properties(simulator.baseUrl(), "http://127.0.0.1:1").forEach((k, v) -> registry.add(k, () -> v));
    }

    @AfterEach
    void clearFaults() {
        simulator.context().getBean(Faults.class).reset(42);
    }

    /** A new order, prepaid at the simulator as payment-service would, with its OrderCreated (not sent). */
    protected OrderCreated prepaid(long fen, Instant expireAt) {
        String orderId = "RS" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        PrepayRequest request = new PrepayRequest();
        request.setAppid(TestMerchant.APPID);
        request.setMchid(TestMerchant.MCHID);
        request.setDescription("reconcile test");
        request.setOutTradeNo(orderId);
        request.setNotifyUrl("http://127.0.0.1:1/wechatpay/notify/" + TestMerchant.MCHID + "/transaction");
        Amount amount = new Amount();
        amount.setTotal((int) fen);
        request.setAmount(amount);
        Payer payer = new Payer();
        payer.setOpenid("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
        request.setPayer(payer);
        merchants.merchant(TestMerchant.MCHID).jsapi().prepayWithRequestPayment(request);
        return new OrderCreated(
                orderId,
                "shop-1",
                "SO-" + orderId,
                TestMerchant.MCHID,
                TestMerchant.APPID,
                "reconcile test",
                Money.cny(fen),
                "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
                null,
                Instant.now(),
                expireAt);
    }

    /** Publishes as its service does: CloudEvents headers as raw UTF-8, the codec's JSON; returns the ce_id. */
    protected static String send(OrderflowEvent event) {
        return sendAll(List.of(event)).get(0);
    }

    /** Publishes the events in order with one producer; returns their ce_ids. */
    protected static List<String> sendAll(List<? extends OrderflowEvent> events) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            List<String> ids = events.stream()
                    .map(event -> {
                        String ceId = UUID.randomUUID().toString();
                        var type = EventTypes.of(event);
                        Map<String, String> headers = Map.of(
                                "ce_id",
                                ceId,
                                "ce_type",
                                type.ceType(),
                                "ce_source",
                                EventTypes.source(type.service()),
                                "ce_subject",
                                event.subject(),
                                "ce_specversion",
                                "1.0",
                                "ce_time",
                                Instant.now().toString());
                        ProducerRecord<String, byte[]> record =
                                new ProducerRecord<>(type.topic(), event.subject(), CODEC.encode(event));
                        headers.forEach(
                                (name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                        producer.send(record);
                        return ceId;
                    })
                    .toList();
            producer.flush();
            return ids;
        }
    }

    /** The first {@code count} events reconcile-service published for this order, decoded. */
    protected static List<OrderflowEvent> reconcileEvents(String orderId, int count) {
        try (TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers(), EventTypes.RECONCILE_EVENTS_TOPIC)) {
            return probe.awaitKey(orderId, count, WAIT).stream()
                    .map(record -> CODEC.decode(record.header("ce_type"), record.value()))
                    .toList();
        }
    }

    /** Events of this order in the outbox: everything reconcile-service ever decided to publish for it. */
    protected long outboxEvents(String orderId) {
        return jdbc.sql("select count(*) from outbox_event where ce_subject = ?")
                .param(orderId)
                .query(Long.class)
                .single();
    }

    protected static FaultRule fault(String kind, String pathPrefix, int count) {
        return simulator
                .context()
                .getBean(Faults.class)
                .add(FaultKind.valueOf(kind), TestMerchant.MCHID, pathPrefix, 1.0, count, null);
    }

    /** WeChat's answers on this path leave {@code field} out (still signed), until the faults are cleared. */
    protected static FaultRule missingField(String pathPrefix, String field) {
        return simulator
                .context()
                .getBean(Faults.class)
                .add(FaultKind.MISSING_FIELD, TestMerchant.MCHID, pathPrefix, 1.0, null, null, field);
    }

    protected static void clearFaultsNow() {
        simulator.context().getBean(Faults.class).reset(42);
    }

    /** Rows a worker could not settle because they threw (platform's DueBatch), by exception. */
    protected double workFailures(String worker, String reason) {
        var counter = meters.find("orderflow.work.failures")
                .tags("worker", worker, "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    protected static int remaining(FaultRule rule) {
        return simulator.context().getBean(Faults.class).rules().stream()
                .filter(r -> r.id().equals(rule.id()))
                .findFirst()
                .map(FaultRule::remaining)
                .orElse(0);
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

    protected static String ledgerState(String orderId) {
        return simulator
                .ledger()
                .order(TestMerchant.MCHID, orderId)
                .orElseThrow()
                .state()
                .name();
    }
}
