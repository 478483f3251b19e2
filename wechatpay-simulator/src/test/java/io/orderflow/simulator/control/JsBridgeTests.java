package io.orderflow.simulator.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.support.CallbackReceiver;
import io.orderflow.simulator.support.Chromium;
import io.orderflow.simulator.support.Control;
import io.orderflow.simulator.support.Orders;
import io.orderflow.simulator.support.Sdk;
import io.orderflow.simulator.support.SharedSimulator;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/** The WeixinJSBridge shim in headless Chromium, driven like a payer would use it (skipped, saying why, without it). */
@ExtendWith(Chromium.class)
class JsBridgeTests {

    private static ChromeDriver browser;

    private final RunningSimulator simulator = SharedSimulator.get();

    private final Sdk sdk = Sdk.forTestMerchant(simulator);

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!Chromium.installed()) {
            return; // every test is reported skipped, with the reason, by the Chromium condition
        }
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void validPaySignThenPayAnswersOkAndTheCallbackIsDelivered() {
        try (var receiver = new CallbackReceiver()) {
            var request = Orders.prepay(receiver.url("/notify"), 100);
            invoke(params(sdk.jsapi().prepayWithRequestPayment(request)));
            click("wx-pay-confirm");
            assertThat(awaitResult()).isEqualTo("get_brand_wcpay_request:ok");
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.count() == 1);
            assertThat(new Control(simulator)
                            .ledgerOrder(SharedSimulator.MCHID, request.getOutTradeNo())
                            .get("trade_state")
                            .asString())
                    .isEqualTo("SUCCESS");
        }
    }

    @Test
    void invalidPaySignAnswersFail() {
        var params = params(sdk.jsapi().prepayWithRequestPayment(Orders.prepay("https://merchant.example/n", 100)));
        params.put("paySign", "A" + params.get("paySign").substring(1));
        invoke(params);
        assertThat(awaitResult()).isEqualTo("get_brand_wcpay_request:fail");
    }

    @Test
    void cancelAnswersCancelAndLeavesTheOrderUnpaid() {
        var request = Orders.prepay("https://merchant.example/n", 100);
        invoke(params(sdk.jsapi().prepayWithRequestPayment(request)));
        click("wx-pay-cancel");
        assertThat(awaitResult()).isEqualTo("get_brand_wcpay_request:cancel");
        assertThat(new Control(simulator)
                        .ledgerOrder(SharedSimulator.MCHID, request.getOutTradeNo())
                        .get("trade_state")
                        .asString())
                .isEqualTo("NOTPAY");
    }

    private static Map<String, String> params(
            com.wechat.pay.java.service.payments.jsapi.model.PrepayWithRequestPaymentResponse response) {
        return new java.util.HashMap<>(Map.of(
                "appId",
                response.getAppId(),
                "timeStamp",
                response.getTimeStamp(),
                "nonceStr",
                response.getNonceStr(),
                "package",
                response.getPackageVal(),
                "signType",
                response.getSignType(),
                "paySign",
                response.getPaySign()));
    }

    private void invoke(Map<String, String> params) {
        browser.get(simulator.baseUrl() + "/sim/v1/checkout.html");
        ((JavascriptExecutor) browser)
                .executeScript(
                        "window.__result = null;"
                                + "WeixinJSBridge.invoke('getBrandWCPayRequest', arguments[0],"
                                + " function (res) { window.__result = res.err_msg; });",
                        params);
    }

    /** The pay sheet appears once the paySign check has answered. */
    private static void click(String id) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !browser.findElements(By.id(id)).isEmpty());
        browser.findElement(By.id(id)).click();
    }

    /**
     * The shim's answer; generous for a busy machine (it comes as soon as the simulator has answered). A page that
     * never answers fails saying what it shows, as a CI run keeps only the failure's message.
     */
    private static String awaitResult() {
        var js = (JavascriptExecutor) browser;
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> js.executeScript("return window.__result;") != null);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "no answer from WeixinJSBridge within 30 s; the page shows: "
                            + js.executeScript("return document.body.innerText;"),
                    e);
        }
        return (String) js.executeScript("return window.__result;");
    }
}
