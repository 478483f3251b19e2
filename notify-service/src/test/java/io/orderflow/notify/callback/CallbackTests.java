package io.orderflow.notify.callback;

import static io.orderflow.notify.TestQueries.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wechat.pay.java.service.payments.jsapi.model.Amount;
import com.wechat.pay.java.service.payments.jsapi.model.Payer;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest;
import io.orderflow.events.EventTypes;
import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.test.TestWechatPay;
import io.orderflow.platform.test.TopicProbe;
import io.orderflow.platform.test.WechatPayCallbacks;
import io.orderflow.platform.wechatpay.WechatPayClients;
import io.orderflow.simulator.RunningSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * WeChat Pay (the simulator, with real keys and signatures) calls notify-service back: real
 * callbacks are verified, kept once and announced; forged, stale, probing, tampered,
 * undecryptable, malformed and oversize ones are refused and change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallbackTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final RunningSimulator simulator = TestWechatPay.startFast();
    private static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    WechatPayClients merchants;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void merchant(DynamicPropertyRegistry registry) {
        TestMerchant.properties(simulator.baseUrl(), "http://127.0.0.1:1").forEach((k, v) -> registry.add(k, () -> v));
    }

    @AfterEach
    void clearFaults() throws Exception {
        send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/sim/v1/faults"))
                .DELETE());
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void paymentCallbackIsVerifiedKeptAndAnnouncedOnce() throws Exception {
        String orderId = prepayAndPay(1234);

        await().atMost(WAIT).until(() -> callbacks(orderId) == 1);
        try (TopicProbe events = new TopicProbe(TestKafka.bootstrapServers(), EventTypes.NOTIFY_EVENTS_TOPIC)) {
            TopicProbe.Received record = events.awaitKey(orderId, 1, WAIT).get(0);
            assertThat(record.header("ce_type")).isEqualTo("orderflow.notify.PaymentNotified.v1");
            String json = new String(record.value());
            assertThat(json)
                    .contains(
                            "\"source\":\"CALLBACK\"",
                            "\"trade_state\":\"SUCCESS\"",
                            "\"fen\":1234",
                            "\"mchid\":\"" + TestMerchant.MCHID + "\"",
                            "\"transaction_id\":\"");
        }
        assertThat(outboxEvents(orderId)).isEqualTo(1);
    }

    @Test
    void duplicatedCallbacksChangeNothing() throws Exception {
        fault("DUPLICATE_CALLBACK", 3);
        String orderId = prepayAndPay(100);

        await().atMost(WAIT).until(() -> acknowledgedDeliveries(orderId) == 4);
        assertThat(callbacks(orderId)).isEqualTo(1);
        assertThat(outboxEvents(orderId)).isEqualTo(1);
    }

    @Test
    void theSameCallbackTenTimesAtOnceHasOneEffect() throws Exception {
        String orderId = prepayAndPay(100);
        await().atMost(WAIT).until(() -> callbacks(orderId) == 1);
        WechatPayCallbacks.Callback stored = stored(orderId);

        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(http.sendAsync(request("transaction", stored), HttpResponse.BodyHandlers.ofString()));
        }
        assertThat(answers)
                .allSatisfy(answer -> assertThat(answer.get().statusCode()).isEqualTo(204));
        assertThat(callbacks(orderId)).isEqualTo(1);
        assertThat(outboxEvents(orderId)).isEqualTo(1);
    }

    @Test
    void signTestProbesAndForgedCopiesAreRefusedAndTheRealOneAccepted() throws Exception {
        fault("SIGNTEST_PROBE", 1);
        fault("FORGED_CALLBACK", 1);
        String orderId = prepayAndPay(100);

        await().atMost(WAIT).until(() -> callbacks(orderId) == 1);
        await().atMost(WAIT).until(() -> deliveryOutcomes(orderId).size() == 3);
        assertThat(deliveryOutcomes(orderId))
                .containsExactlyInAnyOrder("PROBE:REJECTED", "FORGED:REJECTED", "REAL:ACKNOWLEDGED");
        assertThat(outboxEvents(orderId)).isEqualTo(1);
    }

    @Test
    void refusesAForgedSignatureATamperedBodyAndAnUnknownSerial() throws Exception {
        WechatPayCallbacks.Callback real = WechatPayCallbacks.transaction(resource("OF_FORGED_1", 100));
        Map<String, String> forged = new java.util.LinkedHashMap<>(real.headers());
        forged.put(
                "Wechatpay-Signature", real.headers().get("Wechatpay-Signature").replace('A', 'B'));
        String tamperedBody = real.body().replaceFirst("\"summary\":\"ok\"", "\"summary\":\"OK\"");
        WechatPayCallbacks.Callback unknownSerial = WechatPayCallbacks.build(
                "TRANSACTION.SUCCESS",
                "transaction",
                resource("OF_FORGED_1", 100),
                "PUB_KEY_ID_0199999999999999999999999999999999",
                Instant.now(),
                TestMerchant.API_V3_KEY);

        assertRefused(post("transaction", new WechatPayCallbacks.Callback(forged, real.body())), 401);
        assertRefused(post("transaction", new WechatPayCallbacks.Callback(real.headers(), tamperedBody)), 401);
        assertRefused(post("transaction", unknownSerial), 401);
        assertThat(callbacks("OF_FORGED_1")).isZero();
    }

    @Test
    void refusesAStaleOrFutureTimestampEvenWhenSignedCorrectly() throws Exception {
        // 20 s beyond the 5-minute window: a timestamp only 1 s into the future falls back inside it
        // while the request travels (and is truncated to whole seconds)
        for (Instant when :
                List.of(Instant.now().minusSeconds(320), Instant.now().plusSeconds(320))) {
            WechatPayCallbacks.Callback stale = WechatPayCallbacks.build(
                    "TRANSACTION.SUCCESS",
                    "transaction",
                    resource("OF_STALE_1", 100),
                    TestMerchant.WECHAT_PAY_PUBLIC_KEY_ID,
                    when,
                    TestMerchant.API_V3_KEY);
            assertRefused(post("transaction", stale), 401);
        }
        assertThat(callbacks("OF_STALE_1")).isZero();
    }

    @Test
    void answers500WhenACorrectlySignedCallbackDoesNotDecryptSoWechatRetries() throws Exception {
        WechatPayCallbacks.Callback wrongKey = WechatPayCallbacks.build(
                "TRANSACTION.SUCCESS",
                "transaction",
                resource("OF_WRONGKEY_1", 100),
                TestMerchant.WECHAT_PAY_PUBLIC_KEY_ID,
                Instant.now(),
                "0123456789abcdefghijklmnopqrstuv");

        assertRefused(post("transaction", wrongKey), 500);
        assertThat(callbacks("OF_WRONGKEY_1")).isZero();
    }

    @Test
    void refusesMalformedJsonOversizeBodiesAndUnknownMerchants() throws Exception {
        WechatPayCallbacks.Callback malformed =
                WechatPayCallbacks.sign("{\"id\": not json", TestMerchant.WECHAT_PAY_PUBLIC_KEY_ID, Instant.now());
        WechatPayCallbacks.Callback oversize = WechatPayCallbacks.sign(
                "{\"id\":\"" + "x".repeat(20_000) + "\"}", TestMerchant.WECHAT_PAY_PUBLIC_KEY_ID, Instant.now());
        WechatPayCallbacks.Callback real = WechatPayCallbacks.transaction(resource("OF_OTHER_MCH", 100));

        assertRefused(post("transaction", malformed), 401);
        assertRefused(post("transaction", oversize), 413);
        HttpResponse<String> unknownMerchant = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/1900000109/transaction"))
                        .headers(flatten(real.headers()))
                        .POST(HttpRequest.BodyPublishers.ofString(real.body()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertRefused(unknownMerchant, 401);
    }

    @Test
    void aValidCallbackWithAnotherAmountIsRecordedAsWechatReportsIt() throws Exception {
        WechatPayCallbacks.Callback callback = WechatPayCallbacks.transaction(resource("OF_AMOUNT_1", 1));

        assertThat(post("transaction", callback).statusCode()).isEqualTo(204);
        try (TopicProbe events = new TopicProbe(TestKafka.bootstrapServers(), EventTypes.NOTIFY_EVENTS_TOPIC)) {
            assertThat(new String(events.awaitKey("OF_AMOUNT_1", 1, WAIT).get(0).value()))
                    .contains("\"fen\":1,");
        }
    }

    private String prepayAndPay(int fen) throws Exception {
        String orderId = "OFN" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        PrepayRequest request = new PrepayRequest();
        request.setAppid(TestMerchant.APPID);
        request.setMchid(TestMerchant.MCHID);
        request.setDescription("notify test");
        request.setOutTradeNo(orderId);
        request.setNotifyUrl(base() + "/" + TestMerchant.MCHID + "/transaction");
        Amount amount = new Amount();
        amount.setTotal(fen);
        request.setAmount(amount);
        Payer payer = new Payer();
        payer.setOpenid("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
        request.setPayer(payer);
        merchants.merchant(TestMerchant.MCHID).jsapi().prepayWithRequestPayment(request);
        simulatorPost(
                "/sim/v1/payments", "{\"mchid\":\"" + TestMerchant.MCHID + "\",\"out_trade_no\":\"" + orderId + "\"}");
        return orderId;
    }

    private void fault(String kind, int amount) throws Exception {
        simulatorPost(
                "/sim/v1/faults",
                "{\"kind\":\"" + kind + "\",\"mchid\":\"" + TestMerchant.MCHID + "\",\"amount\":" + amount
                        + ",\"count\":1}");
    }

    private List<String> deliveryOutcomes(String orderId) throws Exception {
        String ledger = simulatorGet("/sim/v1/ledger");
        var node = tools.jackson.databind.json.JsonMapper.builder().build().readTree(ledger);
        List<String> outcomes = new ArrayList<>();
        for (var order : node.path("orders")) {
            if (orderId.equals(order.path("out_trade_no").asString())) {
                order.path("callbacks")
                        .forEach(d -> outcomes.add(d.path("kind").asString() + ":"
                                + d.path("outcome").asString()));
            }
        }
        return outcomes;
    }

    private long acknowledgedDeliveries(String orderId) throws Exception {
        return deliveryOutcomes(orderId).stream()
                .filter(o -> o.endsWith(":ACKNOWLEDGED"))
                .count();
    }

    private static String resource(String orderId, int fen) {
        return "{\"mchid\":\"" + TestMerchant.MCHID + "\",\"appid\":\"" + TestMerchant.APPID + "\",\"out_trade_no\":\""
                + orderId + "\",\"transaction_id\":\"4200000000" + Math.abs(orderId.hashCode())
                + "\",\"trade_type\":\"JSAPI\","
                + "\"trade_state\":\"SUCCESS\",\"trade_state_desc\":\"ok\",\"bank_type\":\"OTHERS\",\"success_time\":"
                + "\"2026-11-30T10:00:00+08:00\",\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"},"
                + "\"amount\":{\"total\":" + fen + ",\"payer_total\":" + fen
                + ",\"currency\":\"CNY\",\"payer_currency\":\"CNY\"}}";
    }

    private WechatPayCallbacks.Callback stored(String orderId) {
        return jdbc.sql("select headers::text, body from inbound_callback where order_id = ?")
                .param(orderId)
                .query((rs, row) -> new WechatPayCallbacks.Callback(headersOf(rs.getString(1)), rs.getString(2)))
                .single();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> headersOf(String json) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(json, Map.class);
    }

    private long callbacks(String orderId) {
        return single(jdbc, Long.class, "select count(*) from inbound_callback where order_id = ?", orderId);
    }

    private long outboxEvents(String orderId) {
        return single(jdbc, Long.class, "select count(*) from outbox_event where ce_subject = ?", orderId);
    }

    private String base() {
        return "http://127.0.0.1:" + port + "/wechatpay/notify";
    }

    private HttpRequest request(String kind, WechatPayCallbacks.Callback callback) {
        return HttpRequest.newBuilder(URI.create(base() + "/" + TestMerchant.MCHID + "/" + kind))
                .headers(flatten(callback.headers()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(callback.body()))
                .build();
    }

    private HttpResponse<String> post(String kind, WechatPayCallbacks.Callback callback) throws Exception {
        return http.send(request(kind, callback), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).contains("\"code\":\"FAIL\"");
    }

    private static String[] flatten(Map<String, String> headers) {
        return headers.entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
    }

    private static void simulatorPost(String path, String json) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(200, 299);
    }

    private static String simulatorGet(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                        .GET())
                .body();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
