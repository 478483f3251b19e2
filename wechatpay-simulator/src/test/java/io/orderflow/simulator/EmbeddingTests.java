package io.orderflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.orderflow.simulator.ledger.Trades;
import io.orderflow.simulator.support.CallbackReceiver;
import io.orderflow.simulator.support.Orders;
import io.orderflow.simulator.support.Sdk;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A simulator started with nothing configured, as another module's test would start it. Its time
 * scale of 0.00001 also plays WeChat's whole day of callback retries (about 24 h) in under a second.
 */
class EmbeddingTests {

    private static void givesUpAfterFifteenRetries(RunningSimulator simulator, Sdk sdk) {
        try (var receiver = new CallbackReceiver()) {
            receiver.respondWith(request -> 500);
            var merchant = simulator.merchant("1900000001");
            var request = Orders.prepay(merchant.mchid(), merchant.appids().get(0), receiver.url("/n"), 1);
            String prepayId = sdk.jsapi()
                    .prepayWithRequestPayment(request)
                    .getPackageVal()
                    .substring(10);
            simulator
                    .context()
                    .getBean(Trades.class)
                    .pay(simulator.ledger().orderByPrepayId(prepayId).orElseThrow(), true);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.count() == 16);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> receiver.count() == 16);
        }
    }

    @Test
    void startsWithGeneratedKeysServesTheSdkAndStops() {
        RunningSimulator simulator =
                WechatPaySimulator.start(SimulatorSettings.defaults().timeScale(0.00001));
        int port = simulator.port();
        try (simulator) {
            var merchant = simulator.merchant("1900000001");
            assertThat(merchant.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
            assertThat(simulator.wechatPayKey().publicKeyId()).startsWith("PUB_KEY_ID_");
            Sdk sdk = Sdk.forGeneratedMerchant(simulator, merchant.mchid());
            var request = Orders.prepay(merchant.mchid(), merchant.appids().get(0), "https://m.example/n", 1);
            sdk.jsapi().prepayWithRequestPayment(request);
            assertThat(simulator.ledger().order(merchant.mchid(), request.getOutTradeNo()))
                    .isPresent();
            givesUpAfterFifteenRetries(simulator, sdk);
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }
}
