package io.orderflow.simulator.callback;

import static io.orderflow.simulator.support.CallbackJson.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wechat.pay.java.service.payments.jsapi.model.SceneInfo;
import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.support.CallbackJson;
import io.orderflow.simulator.support.CallbackReceiver;
import io.orderflow.simulator.support.Control;
import io.orderflow.simulator.support.NotificationParams;
import io.orderflow.simulator.support.Orders;
import io.orderflow.simulator.support.Sdk;
import io.orderflow.simulator.support.SharedSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The decrypted resources of callbacks compared field by field with WeChat's documented examples, kept as
 * fixtures: {@code notifications/transaction-success-documented.json} (JSAPI 支付成功回调通知, 解密后的 resource) and
 * {@code refund-success-documented.json} (退款结果通知). A plain order's real callback lacks the example's
 * {@code promotion_detail} (coupons) and {@code scene_info} (a prepay with a {@code device_id}).
 */
class NotificationShapeTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunningSimulator simulator = SharedSimulator.get();

    private final Sdk sdk = Sdk.forTestMerchant(simulator);

    private final Control control = new Control(simulator);

    private final CallbackReceiver receiver = new CallbackReceiver();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aPaymentCallbackHasTheDocumentedFieldsInTheirOrderWithAnEmptyAttachAndNothingRealCallbacksLack() {
        var request = Orders.prepay(receiver.url("/notify"), 100);
        control.pay(
                sdk.jsapi().prepayWithRequestPayment(request).getPackageVal().substring(10));

        JsonNode resource = decrypted(1);

        JsonNode documented = fixture("transaction-success-documented.json");
        List<String> expected = new ArrayList<>(names(documented));
        expected.removeAll(List.of("promotion_detail", "scene_info"));
        assertThat(names(resource)).containsExactlyElementsOf(expected);
        assertThat(names(resource.get("amount"))).containsExactlyElementsOf(names(documented.get("amount")));
        assertThat(names(resource.get("payer"))).containsExactlyElementsOf(names(documented.get("payer")));
        assertThat(resource.get("attach").isString()).isTrue();
        assertThat(resource.get("attach").asString()).isEmpty();
        assertThat(resource.get("amount").get("total").isIntegralNumber()).isTrue();
        assertThat(resource.get("trade_type").asString()).isEqualTo("JSAPI");
    }

    @Test
    void aPaymentWhosePrepaySentADeviceIdCarriesItsSceneInfoAndItsAttach() {
        var request = Orders.prepay(receiver.url("/notify"), 100);
        request.setAttach("5_21");
        var scene = new SceneInfo();
        scene.setPayerClientIp("14.23.150.211");
        scene.setDeviceId("013467007045764");
        request.setSceneInfo(scene);
        control.pay(
                sdk.jsapi().prepayWithRequestPayment(request).getPackageVal().substring(10));

        JsonNode resource = decrypted(1);

        assertThat(names(resource))
                .containsExactlyElementsOf(names(fixture("transaction-success-documented.json")).stream()
                        .filter(name -> !name.equals("promotion_detail"))
                        .toList());
        assertThat(names(resource.get("scene_info"))).containsExactly("device_id");
        assertThat(resource.get("scene_info").get("device_id").asString()).isEqualTo("013467007045764");
        assertThat(resource.get("attach").asString()).isEqualTo("5_21");
    }

    @Test
    void aRefundCallbackHasTheDocumentedFieldsAndAmountKeysInTheDocumentedOrderEveryTime() {
        JsonNode documented = fixture("refund-success-documented.json");
        for (int i = 0; i < 3; i++) {
            var request = Orders.prepay("https://merchant.example/notify", 100);
            control.pay(sdk.jsapi()
                    .prepayWithRequestPayment(request)
                    .getPackageVal()
                    .substring(10));
            var refund = Orders.refund(request.getOutTradeNo(), "R" + request.getOutTradeNo(), 30 + i, 100);
            refund.setNotifyUrl(receiver.url("/refund"));
            sdk.refunds().create(refund);

            JsonNode resource = decrypted(i + 1);

            assertThat(names(resource)).containsExactlyElementsOf(names(documented));
            assertThat(names(resource.get("amount"))).containsExactlyElementsOf(names(documented.get("amount")));
        }
    }

    /** The resource of the {@code count}-th callback received: verified by the SDK's parser, then read as sent. */
    private JsonNode decrypted(int count) {
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.count() >= count);
        var callback = receiver.received().get(count - 1);
        sdk.parser().parse(NotificationParams.of(callback, callback.body()), Map.class);
        return CallbackJson.decrypted(callback, SharedSimulator.API_V3_KEY);
    }

    private static JsonNode fixture(String name) {
        try (InputStream in = NotificationShapeTests.class.getResourceAsStream("/notifications/" + name)) {
            return JSON.readTree(in);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
