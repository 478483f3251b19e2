package io.orderflow.systemtest;

import static io.orderflow.systemtest.StatusRecords.distinctByCeId;
import static io.orderflow.systemtest.StatusRecords.field;
import static io.orderflow.systemtest.StatusRecords.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.events.EventTypes;
import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.test.TopicProbe;
import io.orderflow.platform.test.WechatPayCallbacks;
import io.orderflow.process.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The first end-to-end payment: a shop creates an order and waits for its pay params,
 * WeChat (the simulator) is paid by the user and calls notify-service back, and downstream
 * sees PENDING → SUCCESS with WeChat's transaction id on {@code orderflow.order.status}, read
 * by a plain Kafka consumer. Then a refund, to REFUND with the refund recorded as SUCCESS.
 */
class EndToEndPaymentTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static OrderflowSystem system;
    private static ShopClient shop;

    @BeforeAll
    static void start() {
        system = OrderflowSystem.start("e2e");
        shop = system.newShop("e2e shop");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aShopOrderIsPrepaidPaidAndRefundedWithEveryChangeOnTheStatusTopic() throws Exception {
        String shopOrderNo = "E2E-" + UUID.randomUUID();
        HttpResponse<String> created = shop.post("/v1/orders", """
                {"shop_order_no":"%s","description":"orderflow mug","amount":{"total":8800,"currency":"CNY"},
                 "payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}""".formatted(shopOrderNo), "Prefer", "wait=10");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode order = ShopClient.JSON.readTree(created.body());
        String orderId = order.path("order_id").asString();
        JsonNode payParams = order.path("pay_params");
        assertThat(payParams.path("package").asString())
                .as("pay params in the create answer")
                .startsWith("prepay_id=");
        assertPaySignVerifies(payParams);

        pay(orderId);

        try (TopicProbe status = new TopicProbe(TestKafka.bootstrapServers(), EventTypes.ORDER_STATUS_TOPIC)) {
            List<TopicProbe.Received> changes = status.awaitKey(orderId, 2, WAIT);
            assertThat(changes).extracting(r -> field(r, "to")).containsExactly("PENDING", "SUCCESS");
            assertThat(changes).extracting(r -> field(r, "version")).containsExactly("1", "2");
            String transactionId =
                    json(changes.get(1)).path("order").path("transaction_id").asString();
            assertThat(transactionId).isNotBlank();
            assertThat(get(orderId).path("transaction_id").asString()).isEqualTo(transactionId);

            HttpResponse<String> refund = shop.post(
                    "/v1/orders/" + orderId + "/refunds", """
                    {"out_refund_no":"RF-%s","amount":{"refund":3000,"currency":"CNY"},"reason":"chipped"}""".formatted(orderId.substring(orderId.length() - 12)));
            assertThat(refund.statusCode()).as(refund.body()).isEqualTo(202);
            // WeChat's acceptance moves the order to REFUND (REFUND_ACCEPTED); the refund's own progress
            // (submitted, succeeded) follows as REFUND -> REFUND changes, as many as arrive separately:
            // wait for the one that carries the money back, then check the whole sequence.
            List<TopicProbe.Received> all = distinctByCeId(status
                    .awaitRecords(
                            records -> records.stream()
                                    .filter(r -> orderId.equals(r.key()))
                                    .anyMatch(r -> json(r).path("order")
                                                    .path("refunded_amount")
                                                    .path("fen")
                                                    .asLong()
                                            == 3000),
                            WAIT)
                    .stream()
                    .filter(r -> orderId.equals(r.key()))
                    .toList());
            assertThat(all).extracting(r -> field(r, "to")).startsWith("PENDING", "SUCCESS", "REFUND");
            assertThat(field(all.get(2), "reason")).isEqualTo("REFUND_ACCEPTED");
            assertThat(all.subList(3, all.size())).allSatisfy(r -> {
                assertThat(field(r, "from")).isEqualTo("REFUND");
                assertThat(field(r, "reason")).isEqualTo("REFUND_UPDATED");
            });
            assertThat(all)
                    .extracting(r -> Integer.parseInt(field(r, "version")))
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(1, all.size()).boxed().toList());
            JsonNode last = json(all.get(all.size() - 1)).path("order");
            assertThat(last.path("refunds").get(0).path("status").asString()).isEqualTo("SUCCESS");
        }
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode refunded = get(orderId);
            assertThat(refunded.path("status").asString()).isEqualTo("REFUND");
            assertThat(refunded.path("refunded_amount").asLong()).isEqualTo(3000);
            assertThat(refunded.path("refunds").get(0).path("status").asString())
                    .isEqualTo("SUCCESS");
        });
    }

    @Test
    void aCorrectlySignedCallbackWithTheWrongAmountLeavesTheOrderPendingAndRaisesAnAnomaly() throws Exception {
        HttpResponse<String> created = shop.post("/v1/orders", """
                {"shop_order_no":"E2E-%s","description":"orderflow mug","amount":{"total":8800,"currency":"CNY"},
                 "payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}""".formatted(UUID.randomUUID()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String orderId =
                ShopClient.JSON.readTree(created.body()).path("order_id").asString();

        WechatPayCallbacks.Callback underpaid =
                WechatPayCallbacks.transaction("""
                {"mchid":"%s","appid":"%s","out_trade_no":"%s","transaction_id":"4200000000000000000001",
                 "trade_type":"JSAPI","trade_state":"SUCCESS","success_time":"2026-11-30T10:00:00+08:00",
                 "amount":{"total":1,"payer_total":1,"currency":"CNY"}}""".formatted(TestMerchant.MCHID, TestMerchant.APPID, orderId));
        HttpRequest.Builder callback = HttpRequest.newBuilder(URI.create(system.service("notify-service")
                                .baseUrl() + "/wechatpay/notify/" + TestMerchant.MCHID + "/transaction"))
                .header("Content-Type", "application/json");
        underpaid.headers().forEach(callback::header);
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        callback.POST(HttpRequest.BodyPublishers.ofString(underpaid.body()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(204);

        try (TopicProbe orderEvents = new TopicProbe(TestKafka.bootstrapServers(), EventTypes.ORDER_EVENTS_TOPIC)) {
            assertThat(orderEvents.awaitRecords(
                            records -> records.stream()
                                    .anyMatch(r -> orderId.equals(r.key())
                                            && "orderflow.order.OrderAnomalyDetected.v1".equals(r.header("ce_type"))),
                            WAIT))
                    .isNotEmpty();
        }
        assertThat(get(orderId).path("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void aShopRetryingItsCreateAcrossAnOrderServiceCrashGetsOneOrderThatIsPaidOnce() throws Exception {
        String body = """
                {"shop_order_no":"E2E-%s","description":"orderflow mug","amount":{"total":500,"currency":"CNY"},
                 "payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}""".formatted(UUID.randomUUID());
        HttpResponse<String> first = shop.post("/v1/orders", body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String orderId = ShopClient.JSON.readTree(first.body()).path("order_id").asString();

        ServiceProcess orders = system.service("order-service");
        orders.kill();
        orders.start().awaitReady(Duration.ofSeconds(120));
        HttpResponse<String> retry = shop.post("/v1/orders", body, "Prefer", "wait=10");
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(ShopClient.JSON.readTree(retry.body()).path("order_id").asString())
                .isEqualTo(orderId);
        pay(orderId);

        // a crash between the relay's send and its mark re-sends (at least once): consumers drop
        // redeliveries by ce_id, and what remains must be exactly one event per transition
        try (TopicProbe status = new TopicProbe(TestKafka.bootstrapServers(), EventTypes.ORDER_STATUS_TOPIC)) {
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(distinctByCeId(status.awaitKey(orderId, 2, WAIT)))
                            .extracting(r -> field(r, "version"))
                            .containsExactly("1", "2"));
        }
        try (TopicProbe orderEvents = new TopicProbe(TestKafka.bootstrapServers(), EventTypes.ORDER_EVENTS_TOPIC)) {
            assertThat(distinctByCeId(orderEvents.awaitKey(orderId, 1, WAIT)))
                    .extracting(r -> r.header("ce_type"))
                    .containsExactly("orderflow.order.OrderCreated.v1");
        }
        assertThat(get(orderId).path("status").asString()).isEqualTo("SUCCESS");
    }

    @Test
    void aStoppingOrderServiceFinishesTheRequestsItIsServing() throws Exception {
        ServiceProcess payments = system.service("payment-service");
        ServiceProcess orders = system.service("order-service");
        payments.stop();
        try {
            String shopOrderNo = "E2E-" + UUID.randomUUID();
            // no pay params can come while payment-service is down: the create waits its full 8 s
            CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() ->
                    shop.post("/v1/orders", """
                    {"shop_order_no":"%s","description":"orderflow mug","amount":{"total":700,"currency":"CNY"},
                     "payer":{"openid":"%s"}}""".formatted(shopOrderNo, ShopClient.newPayer()), "Prefer", "wait=8"));
            await().atMost(WAIT)
                    .until(() -> shop.get("/v1/orders?shop_order_no=" + shopOrderNo)
                            .body()
                            .contains(shopOrderNo));

            orders.stop();
            HttpResponse<String> answered = waiting.get();
            assertThat(answered.statusCode())
                    .as("answered during graceful shutdown: %s", answered.body())
                    .isEqualTo(201);
            assertThat(ShopClient.JSON.readTree(answered.body()).path("status").asString())
                    .isEqualTo("PENDING");
        } finally {
            orders.start().awaitReady(Duration.ofSeconds(180));
            payments.start().awaitReady(Duration.ofSeconds(180));
        }
    }

    private static JsonNode get(String orderId) {
        return shop.order(orderId);
    }

    private static void pay(String orderId) {
        system.pay(orderId);
    }

    /** The page inside WeChat will hand these to WeixinJSBridge: the signature must be the merchant's. */
    private static void assertPaySignVerifies(JsonNode params) throws Exception {
        String message = params.path("appId").asString() + "\n"
                + params.path("timeStamp").asString() + "\n"
                + params.path("nonceStr").asString() + "\n"
                + params.path("package").asString() + "\n";
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(com.wechat.pay.java.core.util.PemUtil.loadPublicKeyFromPath(
                TestMerchant.merchantPublicKey().toString()));
        rsa.update(message.getBytes(StandardCharsets.UTF_8));
        assertThat(rsa.verify(Base64.getDecoder().decode(params.path("paySign").asString())))
                .isTrue();
    }
}
