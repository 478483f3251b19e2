package io.orderflow.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.crypto.Pem;
import io.orderflow.simulator.crypto.Rsa;
import io.orderflow.simulator.support.Sdk;
import io.orderflow.simulator.support.SharedSimulator;
import java.io.IOException;
import java.security.PrivateKey;
import java.time.Instant;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** Request authentication and response signing, checked with hand-made requests. */
class SignatureTests {

    private static final String PATH = "/v3/pay/transactions/out-trade-no/NO_SUCH_ORDER?mchid=" + SharedSimulator.MCHID;

    private final RunningSimulator simulator = SharedSimulator.get();

    private final OkHttpClient http = new OkHttpClient();

    private final PrivateKey merchantKey = Pem.privateKey(Sdk.resource("keys/merchant_private_key.pem"));

    @Test
    void correctlySignedRequestPassesAuthentication() throws IOException {
        try (Response response = sendAsMerchant("GET", PATH, "", null)) {
            assertThat(response.code()).isEqualTo(404);
        }
    }

    @Test
    void rejectsWrongKeyStaleTimestampAndWrongSerial() throws IOException {
        PrivateKey otherKey = Pem.privateKey(Sdk.resource("keys/doc_paysign_test_private_key.pem"));
        assertSignError(send("GET", PATH, "", otherKey, SharedSimulator.MERCHANT_SERIAL, now()));
        assertSignError(send("GET", PATH, "", merchantKey, SharedSimulator.MERCHANT_SERIAL, now() - 301));
        assertSignError(send("GET", PATH, "", merchantKey, "0000000000000000000000000000000000000000", now()));
        assertSignError(
                send("GET", PATH + "&x=1", "", merchantKey, SharedSimulator.MERCHANT_SERIAL, now(), PATH, null));
    }

    @Test
    void signsErrorsAndNoContentWithExactHeaderCase() throws IOException {
        try (Response error = sendAsMerchant("GET", PATH, "", null)) {
            String body = error.body().string();
            assertThat(error.headers().names())
                    .contains(
                            "Wechatpay-Timestamp",
                            "Wechatpay-Nonce",
                            "Wechatpay-Signature",
                            "Wechatpay-Serial",
                            "Wechatpay-Signature-Type");
            assertThat(body).isEqualTo("{\"code\":\"ORDER_NOT_EXIST\",\"message\":\"订单不存在\"}");
            assertValidSignature(error, body);
        }
    }

    @Test
    void malformedJsonIsASignedParamError() throws IOException {
        try (Response response = sendAsMerchant("POST", "/v3/pay/transactions/jsapi", "{\"appid\":", null)) {
            String body = response.body().string();
            assertThat(response.code()).isEqualTo(400);
            assertThat(body).startsWith("{\"code\":\"PARAM_ERROR\"");
            assertValidSignature(response, body);
        }
    }

    @Test
    void answersInTheModeTheClientAsksFor() throws IOException {
        try (Response byCertificate = sendAsMerchant("GET", PATH, "", SharedSimulator.CERTIFICATE_SERIAL)) {
            assertThat(byCertificate.header("Wechatpay-Serial")).isEqualTo(SharedSimulator.CERTIFICATE_SERIAL);
        }
        try (Response byKeyId = sendAsMerchant("GET", PATH, "", SharedSimulator.PUBLIC_KEY_ID_2)) {
            assertThat(byKeyId.header("Wechatpay-Serial")).isEqualTo(SharedSimulator.PUBLIC_KEY_ID_2);
            String body = byKeyId.body().string();
            var key2 = simulator
                    .keys()
                    .keyFor(SharedSimulator.PUBLIC_KEY_ID_2)
                    .orElseThrow()
                    .publicKey();
            assertThat(Rsa.verify(key2, message(byKeyId, body), byKeyId.header("Wechatpay-Signature")))
                    .isTrue();
        }
    }

    private void assertSignError(Response response) throws IOException {
        try (response) {
            assertThat(response.code()).isEqualTo(401);
            String body = response.body().string();
            assertThat(body).contains("\"code\":\"SIGN_ERROR\"");
            assertValidSignature(response, body);
        }
    }

    private void assertValidSignature(Response response, String body) {
        var key = simulator.wechatPayKey().publicKey();
        assertThat(response.header("Wechatpay-Serial")).isEqualTo(SharedSimulator.PUBLIC_KEY_ID);
        assertThat(Rsa.verify(key, message(response, body), response.header("Wechatpay-Signature")))
                .isTrue();
    }

    private static String message(Response response, String body) {
        return response.header("Wechatpay-Timestamp") + "\n" + response.header("Wechatpay-Nonce") + "\n" + body + "\n";
    }

    /**
     * Signed correctly, now, with the merchant's key and serial; {@code wechatpaySerial} (null for none) asks for
     * the answer's signature mode.
     */
    private Response sendAsMerchant(String method, String target, String body, String wechatpaySerial)
            throws IOException {
        return send(method, target, body, merchantKey, SharedSimulator.MERCHANT_SERIAL, now(), null, wechatpaySerial);
    }

    private Response send(String method, String target, String body, PrivateKey key, String serial, long timestamp)
            throws IOException {
        return send(method, target, body, key, serial, timestamp, null, null);
    }

    /** {@code signedTarget} differs from {@code target} to sign one URL and request another. */
    private Response send(
            String method,
            String target,
            String body,
            PrivateKey key,
            String serial,
            long timestamp,
            String signedTarget,
            String wechatpaySerial)
            throws IOException {
        String nonce = "593BEC0C930BF1AFEB40B4A08C8FB242";
        String signed = signedTarget == null ? target : signedTarget;
        String signature = Rsa.sign(key, method + "\n" + signed + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n");
        var request = new Request.Builder()
                .url(simulator.baseUrl() + target)
                .header(
                        "Authorization",
                        "WECHATPAY2-SHA256-RSA2048 mchid=\"" + SharedSimulator.MCHID
                                + "\",nonce_str=\"" + nonce + "\",timestamp=\"" + timestamp + "\",serial_no=\"" + serial
                                + "\",signature=\"" + signature + "\"")
                .header("Accept", "application/json");
        if (wechatpaySerial != null) {
            request.header("Wechatpay-Serial", wechatpaySerial);
        }
        request.method(
                method, method.equals("GET") ? null : RequestBody.create(body, MediaType.get("application/json")));
        return http.newCall(request.build()).execute();
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
