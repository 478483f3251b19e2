package io.orderflow.platform.wechatpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.jsapi.model.Amount;
import com.wechat.pay.java.service.payments.jsapi.model.Payer;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayWithRequestPaymentResponse;
import com.wechat.pay.java.service.payments.jsapi.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.payments.model.Transaction;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.test.TestWechatPay;
import io.orderflow.platform.test.WechatPayCallbacks;
import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.WechatPaySimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merchant clients talk to the simulator through the official SDK with every response
 * signature verified, and bad settings stop start-up with a message naming the merchant
 * and the setting.
 */
class MerchantClientFactoryTests {

    private static RunningSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = WechatPaySimulator.start(TestWechatPay.settings());
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void prepaysThroughTheRedirectedSdkAndSignsPayParamsWithTheMerchantKey() throws Exception {
        MerchantClients clients = factory(simulator.baseUrl()).create(merchant());
        String orderId = "OFT" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);

        PrepayWithRequestPaymentResponse params = clients.jsapi().prepayWithRequestPayment(prepay(orderId, clients));

        assertThat(params.getPackageVal()).startsWith("prepay_id=");
        assertThat(params.getAppId()).isEqualTo(TestMerchant.APPID);
        String message = params.getAppId() + "\n" + params.getTimeStamp() + "\n" + params.getNonceStr() + "\n"
                + params.getPackageVal() + "\n";
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(com.wechat.pay.java.core.util.PemUtil.loadPublicKeyFromPath(
                TestMerchant.merchantPublicKey().toString()));
        rsa.update(message.getBytes(StandardCharsets.UTF_8));
        assertThat(rsa.verify(Base64.getDecoder().decode(params.getPaySign()))).isTrue();
        assertThat(clients.jsapi()
                        .queryOrderByOutTradeNo(query(orderId))
                        .getTradeState()
                        .name())
                .isEqualTo("NOTPAY");
    }

    @Test
    void errorsOfWechatPayArriveAsServiceExceptionsWithWechatsCode() {
        MerchantClients clients = factory(simulator.baseUrl()).create(merchant());

        assertThatThrownBy(() -> clients.jsapi().queryOrderByOutTradeNo(query("OF_NO_SUCH_ORDER_1")))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(404);
                    assertThat(e.getErrorCode()).isEqualTo("ORDER_NOT_EXIST");
                });
    }

    @Test
    void timesEveryCallByEndpointTemplateStatusAndWechatsErrorCode() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        MerchantClients clients = new MerchantClientFactory(
                        new WechatPayProperties(List.of(), simulator.baseUrl(), null, null), meters)
                .create(merchant());
        String orderId = "OFT" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);

        clients.jsapi().prepayWithRequestPayment(prepay(orderId, clients));
        clients.jsapi().queryOrderByOutTradeNo(query(orderId));
        assertThatThrownBy(() -> clients.jsapi().queryOrderByOutTradeNo(query("OF_NO_SUCH_ORDER_2")));

        assertThat(calls(meters, "POST /v3/pay/transactions/jsapi", "200", "OK"))
                .isEqualTo(1);
        assertThat(calls(meters, "GET /v3/pay/transactions/out-trade-no/{out_trade_no}", "200", "OK"))
                .isEqualTo(1);
        assertThat(calls(meters, "GET /v3/pay/transactions/out-trade-no/{out_trade_no}", "404", "ORDER_NOT_EXIST"))
                .isEqualTo(1);
        assertThat(meters.get("orderflow.wechatpay.calls").timers())
                .allSatisfy(timer -> assertThat(timer.getId().getTag("mchid")).isEqualTo(TestMerchant.MCHID));
    }

    private static long calls(SimpleMeterRegistry meters, String endpoint, String status, String code) {
        var timer = meters.find("orderflow.wechatpay.calls")
                .tags("endpoint", endpoint, "status", status, "code", code)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void rejectsResponsesSignedWithAKeyItWasNotGiven() {
        WechatPayProperties.Merchant wrongKey =
                merchant(settings -> settings.publicKey = TestMerchant.merchantPublicKey());
        MerchantClients clients = factory(simulator.baseUrl()).create(wrongKey);
        String orderId = "OFT" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);

        assertThatThrownBy(() -> clients.jsapi().prepayWithRequestPayment(prepay(orderId, clients)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void verifiesCallbacksWithThePublicKeyAndThePlatformCertificateAtOnce() {
        WechatPayProperties.Merchant both = merchant(settings -> {
            settings.certificates = List.of(TestMerchant.wechatPayCertificate().toString());
            settings.notifyBase = "https://shop.example/";
        });
        MerchantClients clients = factory(simulator.baseUrl()).create(both);

        for (String serial :
                List.of(TestMerchant.WECHAT_PAY_PUBLIC_KEY_ID, TestMerchant.WECHAT_PAY_CERTIFICATE_SERIAL)) {
            Transaction parsed = clients.notifications().parse(signedCallback(serial), Transaction.class);
            assertThat(parsed.getOutTradeNo()).as("signed under %s", serial).isEqualTo("OF_CALLBACK_1");
        }
        assertThatThrownBy(() -> clients.notifications()
                        .parse(signedCallback("5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC"), Transaction.class))
                .isInstanceOf(ValidationException.class);
        // the SDK parses an unknown non-hex serial as a certificate serial and fails with a
        // NumberFormatException: callers must treat any exception as "not verified"
        assertThatThrownBy(() -> clients.notifications().parse(signedCallback("PUB_KEY_ID_UNKNOWN"), Transaction.class))
                .isInstanceOf(RuntimeException.class);
        assertThat(clients.transactionNotifyUrl())
                .isEqualTo("https://shop.example/wechatpay/notify/1234567891/transaction");
        assertThat(clients.refundNotifyUrl()).isEqualTo("https://shop.example/wechatpay/notify/1234567891/refund");
    }

    /** A TRANSACTION.SUCCESS callback as WeChat Pay sends it, signed with its key under the given serial. */
    private static RequestParam signedCallback(String serial) {
        WechatPayCallbacks.Callback callback = WechatPayCallbacks.build(
                "TRANSACTION.SUCCESS",
                "transaction",
                "{\"out_trade_no\":\"OF_CALLBACK_1\",\"mchid\":\"" + TestMerchant.MCHID
                        + "\",\"trade_state\":\"SUCCESS\"}",
                serial,
                java.time.Instant.now(),
                TestMerchant.API_V3_KEY);
        Map<String, String> headers = callback.headers();
        return new RequestParam.Builder()
                .serialNumber(headers.get("Wechatpay-Serial"))
                .nonce(headers.get("Wechatpay-Nonce"))
                .timestamp(headers.get("Wechatpay-Timestamp"))
                .signature(headers.get("Wechatpay-Signature"))
                .body(callback.body())
                .build();
    }

    @Test
    void failsStartUpNamingMerchantAndSettingForAMissingKeyFile() {
        WechatPayProperties.Merchant missing =
                merchant(settings -> settings.privateKey = "/nonexistent/merchant_private_key.pem");

        assertThatThrownBy(() -> factory(null).create(missing))
                .isInstanceOf(WechatPayConfigurationException.class)
                .hasMessageContaining("merchant 1234567891")
                .hasMessageContaining("private-key-path cannot be read: /nonexistent/merchant_private_key.pem");
    }

    @Test
    void failsStartUpForAMalformedPem(@TempDir Path directory) throws Exception {
        Path garbage = Files.writeString(
                directory.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> factory(null).create(merchant(settings -> settings.privateKey = garbage.toString())))
                .isInstanceOf(WechatPayConfigurationException.class)
                .hasMessageContaining("private-key-path is not a valid PEM");
    }

    @Test
    void failsStartUpForAnApiV3KeyOfTheWrongLength() {
        WechatPayProperties.Merchant shortKey = merchant(settings -> settings.apiV3Key = "too-short");

        assertThatThrownBy(() -> factory(null).create(shortKey))
                .isInstanceOf(WechatPayConfigurationException.class)
                .hasMessageContaining("api-v3-key must be 32 ASCII characters")
                .hasMessageNotContaining("too-short");
    }

    @Test
    void failsStartUpWithoutAnyWayToVerifyWechatPay() {
        WechatPayProperties.Merchant unverifiable = merchant(settings -> {
            settings.publicKey = null;
            settings.publicKeyId = null;
        });

        assertThatThrownBy(() -> factory(null).create(unverifiable))
                .hasMessageContaining(
                        "wechat-pay-public-key-path (or platform-certificate-paths, or auto-certificate) is required");
    }

    @Test
    void refusesTheSameMerchantTwice() {
        MerchantClients clients = factory(null).create(merchant());

        assertThatThrownBy(() -> new WechatPayClients(List.of(clients, clients)))
                .hasMessageContaining("configured twice");
        assertThatThrownBy(() -> new WechatPayClients(List.of(clients)).merchant("999999"))
                .isInstanceOf(WechatPayClients.UnknownMerchantException.class);
    }

    private static MerchantClientFactory factory(String apiBaseUrl) {
        return new MerchantClientFactory(new WechatPayProperties(List.of(), apiBaseUrl, null, null));
    }

    /** The test merchant's settings as in YAML; a test changes the ones it is about. */
    private static final class MerchantSettings {
        String privateKey = TestMerchant.merchantPrivateKey().toString();
        Path publicKey = TestMerchant.wechatPayPublicKey();
        String publicKeyId = TestMerchant.WECHAT_PAY_PUBLIC_KEY_ID;
        List<String> certificates = List.of();
        String apiV3Key = TestMerchant.API_V3_KEY;
        String notifyBase = "https://shop.example";
    }

    private static WechatPayProperties.Merchant merchant() {
        return merchant(settings -> {});
    }

    private static WechatPayProperties.Merchant merchant(Consumer<MerchantSettings> change) {
        MerchantSettings settings = new MerchantSettings();
        change.accept(settings);
        return new WechatPayProperties.Merchant(
                TestMerchant.MCHID,
                List.of(TestMerchant.APPID),
                settings.privateKey,
                TestMerchant.MERCHANT_SERIAL,
                settings.publicKey == null ? null : settings.publicKey.toString(),
                settings.publicKeyId,
                settings.certificates,
                false,
                settings.apiV3Key,
                null,
                settings.notifyBase,
                null);
    }

    private static PrepayRequest prepay(String orderId, MerchantClients clients) {
        PrepayRequest request = new PrepayRequest();
        request.setAppid(TestMerchant.APPID);
        request.setMchid(TestMerchant.MCHID);
        request.setDescription("test order");
        request.setOutTradeNo(orderId);
        request.setNotifyUrl(clients.transactionNotifyUrl());
        Amount amount = new Amount();
        amount.setTotal(100);
        amount.setCurrency("CNY");
        request.setAmount(amount);
        Payer payer = new Payer();
        payer.setOpenid("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
        request.setPayer(payer);
        return request;
    }

    private static QueryOrderByOutTradeNoRequest query(String orderId) {
        QueryOrderByOutTradeNoRequest request = new QueryOrderByOutTradeNoRequest();
        request.setMchid(TestMerchant.MCHID);
        request.setOutTradeNo(orderId);
        return request;
    }
}
