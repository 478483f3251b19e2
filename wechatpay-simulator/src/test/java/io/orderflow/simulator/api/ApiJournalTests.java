package io.orderflow.simulator.api;

import static io.orderflow.simulator.support.SdkAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.wechat.pay.java.service.payments.jsapi.model.CloseOrderRequest;
import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.support.Control;
import io.orderflow.simulator.support.Orders;
import io.orderflow.simulator.support.Sdk;
import io.orderflow.simulator.support.SharedSimulator;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every /v3 call is journalled with WeChat's answer, so a test can count the outcomes it provoked. */
class ApiJournalTests {

    private final RunningSimulator simulator = SharedSimulator.get();

    private final Sdk sdk = Sdk.forTestMerchant(simulator);

    private final Control control = new Control(simulator);

    @Test
    void closingAPaidOrderIsJournalledAsOrderpaidAndTheSuccessfulPrepayWithoutCode() {
        var request = Orders.prepay("https://merchant.example/notify", 100);
        control.pay(
                sdk.jsapi().prepayWithRequestPayment(request).getPackageVal().substring(10));
        var close = new CloseOrderRequest();
        close.setMchid(SharedSimulator.MCHID);
        close.setOutTradeNo(request.getOutTradeNo());
        assertError(() -> sdk.jsapi().closeOrder(close), 400, "ORDERPAID");

        List<JsonNode> calls = control.get("/sim/v1/api-calls")
                .valueStream()
                .filter(call -> call.get("path").asString().contains(request.getOutTradeNo())
                        || call.get("path").asString().equals("/v3/pay/transactions/jsapi"))
                .toList();
        assertThat(calls).anySatisfy(call -> {
            assertThat(call.get("method").asString()).isEqualTo("POST");
            assertThat(call.get("path").asString()).isEqualTo("/v3/pay/transactions/jsapi");
            assertThat(call.get("status").asInt()).isEqualTo(200);
            assertThat(call.get("code").isNull()).isTrue();
        });
        assertThat(calls)
                .filteredOn(call -> call.get("path").asString().endsWith(request.getOutTradeNo() + "/close"))
                .singleElement()
                .satisfies(closed -> {
                    assertThat(closed.get("mchid").asString()).isEqualTo(SharedSimulator.MCHID);
                    assertThat(closed.get("status").asInt()).isEqualTo(400);
                    assertThat(closed.get("code").asString()).isEqualTo("ORDERPAID");
                });
        assertThat(simulator.context().getBean(ApiJournal.class).calls())
                .filteredOn(call -> call.path().endsWith(request.getOutTradeNo() + "/close"))
                .extracting(ApiJournal.Call::code)
                .containsExactly("ORDERPAID");
    }
}
