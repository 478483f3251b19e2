package io.orderflow.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wechat.pay.java.core.RSAAutoCertificateConfig;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.service.payments.jsapi.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.payments.model.Transaction;
import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.support.CallbackReceiver;
import io.orderflow.simulator.support.Control;
import io.orderflow.simulator.support.NotificationParams;
import io.orderflow.simulator.support.Orders;
import io.orderflow.simulator.support.Sdk;
import io.orderflow.simulator.support.SharedSimulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Platform-certificate mode and a key rotation, each through a production-configured SDK. */
class KeyModesTests {

    private final RunningSimulator simulator = SharedSimulator.get();

    private final Control control = new Control(simulator);

    @Test
    void certificateModeClientDownloadsCertificatesAndVerifiesResponsesAndCallbacks() {
        // RSAAutoCertificateConfig registers per merchant id in a JVM-wide registry: build it once
        var merchant = simulator.merchant(SharedSimulator.CERT_MCHID);
        var config = new RSAAutoCertificateConfig.Builder()
                .merchantId(merchant.mchid())
                .privateKey(merchant.privateKeyPem())
                .merchantSerialNumber(merchant.serialNo())
                .apiV3Key(merchant.apiV3Key())
                .httpClientBuilder(new DefaultHttpClientBuilder().okHttpClient(Sdk.redirecting(simulator)))
                .build();
        Sdk sdk = Sdk.of(simulator, config);
        try (var receiver = new CallbackReceiver()) {
            var request = Orders.prepay(merchant.mchid(), SharedSimulator.CERT_APPID, receiver.url("/notify"), 100);
            control.pay(sdk.jsapi()
                    .prepayWithRequestPayment(request)
                    .getPackageVal()
                    .substring(10));
            assertThat(query(sdk, merchant.mchid(), request.getOutTradeNo()).getTradeState())
                    .isEqualTo(Transaction.TradeStateEnum.SUCCESS);
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.count() == 1);
            var callback = receiver.received().get(0);
            assertThat(callback.header("Wechatpay-Serial")).isEqualTo(SharedSimulator.CERTIFICATE_SERIAL);
            var parsed = sdk.parser().parse(NotificationParams.of(callback, callback.body()), Transaction.class);
            assertThat(parsed.getOutTradeNo()).isEqualTo(request.getOutTradeNo());
        }
    }

    @Test
    void bothKeysOfARotationAreAcceptedAtOnce() {
        Sdk oldKey = Sdk.forTestMerchant(simulator);
        Sdk newKey = Sdk.forTestMerchant(
                simulator,
                SharedSimulator.PUBLIC_KEY_ID_2,
                simulator
                        .keys()
                        .keyFor(SharedSimulator.PUBLIC_KEY_ID_2)
                        .orElseThrow()
                        .publicKeyPem());
        var request = Orders.prepay("https://merchant.example/notify", 100);
        oldKey.jsapi().prepayWithRequestPayment(request);
        assertThat(query(newKey, SharedSimulator.MCHID, request.getOutTradeNo()).getTradeState())
                .isEqualTo(Transaction.TradeStateEnum.NOTPAY);
        assertThat(query(oldKey, SharedSimulator.MCHID, request.getOutTradeNo()).getTradeState())
                .isEqualTo(Transaction.TradeStateEnum.NOTPAY);
    }

    private static Transaction query(Sdk sdk, String mchid, String outTradeNo) {
        var request = new QueryOrderByOutTradeNoRequest();
        request.setMchid(mchid);
        request.setOutTradeNo(outTradeNo);
        return sdk.jsapi().queryOrderByOutTradeNo(request);
    }
}
