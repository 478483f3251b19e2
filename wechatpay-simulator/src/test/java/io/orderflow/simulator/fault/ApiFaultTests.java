package io.orderflow.simulator.fault;

import static io.orderflow.simulator.support.SdkAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.wechat.pay.java.core.exception.HttpException;
import com.wechat.pay.java.service.payments.jsapi.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.jsapi.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.payments.model.Transaction;
import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.support.Control;
import io.orderflow.simulator.support.Orders;
import io.orderflow.simulator.support.Sdk;
import io.orderflow.simulator.support.SharedSimulator;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** API faults as the SDK experiences them; rules are scoped to a merchant no other test uses. */
class ApiFaultTests {

    private static final String MCHID = SharedSimulator.FAULT_MCHID;

    private final RunningSimulator simulator = SharedSimulator.get();

    private final Sdk sdk = Sdk.forGeneratedMerchant(simulator, MCHID);

    private final Control control = new Control(simulator);

    @AfterEach
    void clearFaults() {
        control.delete("/sim/v1/faults");
    }

    @Test
    void systemErrorAndFrequencyLimitAnswerOnceThenRecover() {
        fault("SYSTEM_ERROR", 1, null);
        var request = prepayRequest();
        assertError(() -> sdk.jsapi().prepayWithRequestPayment(request), 500, "SYSTEM_ERROR");
        fault("FREQUENCY_LIMITED", 1, null);
        assertError(() -> sdk.jsapi().prepayWithRequestPayment(request), 429, "FREQUENCY_LIMITED");
        sdk.jsapi().prepayWithRequestPayment(request);
        assertThat(query(request.getOutTradeNo()).getTradeState()).isEqualTo(Transaction.TradeStateEnum.NOTPAY);
    }

    @Test
    void latencyDelaysTheAnswer() {
        fault("LATENCY", 1, 400L);
        long start = System.nanoTime();
        sdk.jsapi().prepayWithRequestPayment(prepayRequest());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void resetConnectionFailsTheCallWithoutEffect() {
        fault("CONNECTION_RESET", 1, null);
        var request = prepayRequest();
        assertThatThrownBy(() -> sdk.jsapi().prepayWithRequestPayment(request)).isInstanceOf(HttpException.class);
        assertError(() -> query(request.getOutTradeNo()), 404, "ORDER_NOT_EXIST");
    }

    @Test
    void lostResponseFailsTheCallButTheOrderExists() {
        fault("RESPONSE_LOST", 1, null);
        var request = prepayRequest();
        assertThatThrownBy(() -> sdk.jsapi().prepayWithRequestPayment(request)).isInstanceOf(HttpException.class);
        assertThat(query(request.getOutTradeNo()).getTradeState()).isEqualTo(Transaction.TradeStateEnum.NOTPAY);
    }

    @Test
    void heldResponseTakesEffectAndIsAnsweredOnlyWhenReleased() {
        Holds holds = simulator.context().getBean(Holds.class);
        int before = holds.total();
        once("HOLD_RESPONSE", "/v3/pay/transactions/jsapi$", Map.of());
        var request = prepayRequest();
        var answer = CompletableFuture.supplyAsync(() -> sdk.jsapi().prepayWithRequestPayment(request));
        await().atMost(Duration.ofSeconds(10)).until(() -> holds.waiting().size() == 1);

        assertThat(query(request.getOutTradeNo()).getTradeState()).isEqualTo(Transaction.TradeStateEnum.NOTPAY);
        assertThat(answer).isNotDone();
        assertThat(control.get("/sim/v1/holds").get("waiting").get(0).asString())
                .isEqualTo("/v3/pay/transactions/jsapi");
        control.delete("/sim/v1/holds");
        assertThat(answer.join().getPackageVal()).startsWith("prepay_id=");
        assertThat(holds.total()).isEqualTo(before + 1);
        assertThat(holds.waiting()).isEmpty();
    }

    @Test
    void heldRequestTakesEffectOnlyWhenItsPathIsReleased() {
        Holds holds = simulator.context().getBean(Holds.class);
        var request = prepayRequest();
        sdk.jsapi().prepayWithRequestPayment(request);
        once("HOLD_REQUEST", "/v3/pay/transactions/out-trade-no/*/close$", Map.of());
        var close = new CloseOrderRequest();
        close.setMchid(MCHID);
        close.setOutTradeNo(request.getOutTradeNo());
        var closed = CompletableFuture.runAsync(() -> sdk.jsapi().closeOrder(close));
        String path = "/v3/pay/transactions/out-trade-no/" + request.getOutTradeNo() + "/close";
        await().atMost(Duration.ofSeconds(10)).until(() -> holds.waiting().contains(path));

        assertThat(query(request.getOutTradeNo()).getTradeState()).isEqualTo(Transaction.TradeStateEnum.NOTPAY);
        holds.release("/v3/pay/transactions/out-trade-no/other/close");
        assertThat(closed).isNotDone();
        holds.release(path);
        closed.join();
        assertThat(query(request.getOutTradeNo()).getTradeState()).isEqualTo(Transaction.TradeStateEnum.CLOSED);
    }

    @Test
    void faultsOfOneMerchantLeaveOthersAlone() {
        fault("SYSTEM_ERROR", 5, null);
        var other = Sdk.forTestMerchant(simulator);
        other.jsapi().prepayWithRequestPayment(Orders.prepay("https://merchant.example/notify", 1));
        assertError(() -> sdk.jsapi().prepayWithRequestPayment(prepayRequest()), 500, "SYSTEM_ERROR");
    }

    @Test
    void theFaultApiAnswersARuleInTheFieldNamesItAccepts() {
        var added = control.post(
                "/sim/v1/faults",
                Map.of(
                        "kind",
                        "SYSTEM_ERROR",
                        "mchid",
                        MCHID,
                        "path_prefix",
                        "/v3/refund",
                        "count",
                        2,
                        "probability",
                        0.5));

        for (var rule : java.util.List.of(added, control.get("/sim/v1/faults").get(0))) {
            assertThat(rule.path("path_prefix").asString()).isEqualTo("/v3/refund");
            assertThat(rule.path("count").asInt()).isEqualTo(2);
            assertThat(rule.path("probability").asDouble()).isEqualTo(0.5);
            assertThat(rule.path("kind").asString()).isEqualTo("SYSTEM_ERROR");
            assertThat(rule.has("pathPrefix")).isFalse();
        }
    }

    @Test
    void missingFieldLeavesAFieldOutOfAnAnswerThatStillVerifies() {
        var request = prepayRequest();
        sdk.jsapi().prepayWithRequestPayment(request);
        once("MISSING_FIELD", "/v3/pay/transactions/out-trade-no/" + request.getOutTradeNo(), Map.of("field", "appid"));

        Transaction answered = query(request.getOutTradeNo());

        assertThat(answered.getAppid())
                .as("left out, and the signature still verifies")
                .isNull();
        assertThat(answered.getOutTradeNo()).isEqualTo(request.getOutTradeNo());
        assertThat(query(request.getOutTradeNo()).getAppid())
                .as("the rule was used up")
                .isNotNull();
    }

    private void fault(String kind, int count, Long amount) {
        var body = new java.util.HashMap<String, Object>(Map.of("kind", kind, "mchid", MCHID, "count", count));
        if (amount != null) {
            body.put("amount", amount);
        }
        control.post("/sim/v1/faults", body);
    }

    /** A rule of {@code kind} for this merchant's next request on {@code pathPrefix}, with the kind's settings. */
    private void once(String kind, String pathPrefix, Map<String, Object> settings) {
        var body = new java.util.HashMap<String, Object>(settings);
        body.putAll(Map.of("kind", kind, "mchid", MCHID, "count", 1, "path_prefix", pathPrefix));
        control.post("/sim/v1/faults", body);
    }

    private com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest prepayRequest() {
        return Orders.prepay(MCHID, SharedSimulator.FAULT_APPID, "https://merchant.example/notify", 100);
    }

    private Transaction query(String outTradeNo) {
        var request = new QueryOrderByOutTradeNoRequest();
        request.setMchid(MCHID);
        request.setOutTradeNo(outTradeNo);
        return sdk.jsapi().queryOrderByOutTradeNo(request);
    }
}
