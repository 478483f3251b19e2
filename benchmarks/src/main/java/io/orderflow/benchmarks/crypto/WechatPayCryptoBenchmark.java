package io.orderflow.benchmarks.crypto;

import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.cipher.AeadAesCipher;
import com.wechat.pay.java.core.cipher.RSAVerifier;
import com.wechat.pay.java.core.cipher.Signer;
import com.wechat.pay.java.core.cipher.Verifier;
import com.wechat.pay.java.core.util.PemUtil;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.test.WechatPayCallbacks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The floor under orderflow's per-order cost: the RSA and AES work one paid order needs,
 * through the same SDK classes the services use. A happy-path order costs two merchant RSA
 * signatures (the prepay request's Authorization and the JSAPI paySign), two RSA
 * verifications (the prepay answer and the payment callback) and one AES-256-GCM decryption
 * (the callback's resource): {@link #perOrder}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class WechatPayCryptoBenchmark {

    private Signer merchantSigner;
    private Verifier wechatPayVerifier;
    private AeadAesCipher apiV3Cipher;
    private String requestMessage;
    private String signedMessage;
    private String signature;
    private byte[] nonce;
    private String ciphertext;

    @Setup
    public void keys() {
        RSAPublicKeyConfig config = new RSAPublicKeyConfig.Builder()
                .merchantId(TestMerchant.MCHID)
                .privateKeyFromPath(TestMerchant.merchantPrivateKey().toString())
                .merchantSerialNumber(TestMerchant.MERCHANT_SERIAL)
                .publicKeyFromPath(TestMerchant.wechatPayPublicKey().toString())
                .publicKeyId(TestMerchant.WECHAT_PAY_PUBLIC_KEY_ID)
                .apiV3Key(TestMerchant.API_V3_KEY)
                .build();
        merchantSigner = config.createSigner();
        wechatPayVerifier = new RSAVerifier(
                PemUtil.loadPublicKeyFromPath(TestMerchant.wechatPayPublicKey().toString()),
                TestMerchant.WECHAT_PAY_PUBLIC_KEY_ID);
        apiV3Cipher = new AeadAesCipher(TestMerchant.API_V3_KEY.getBytes(StandardCharsets.US_ASCII));
        requestMessage = "POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n"
                + "{\"appid\":\"wx2421b1c4370ec43b\",\"mchid\":\"1234567891\",\"description\":\"orderflow mug\","
                + "\"out_trade_no\":\"OF20261201ABCDEFGHIJKLMNOP\",\"amount\":{\"total\":8800,\"currency\":\"CNY\"}}\n";
        WechatPayCallbacks.Callback callback = WechatPayCallbacks.transaction(transaction());
        signedMessage = callback.headers().get("Wechatpay-Timestamp") + "\n"
                + callback.headers().get("Wechatpay-Nonce") + "\n" + callback.body() + "\n";
        signature = callback.headers().get("Wechatpay-Signature");
        nonce = "n0nce1234567".getBytes(StandardCharsets.UTF_8);
        ciphertext = apiV3Cipher.encrypt(
                "transaction".getBytes(StandardCharsets.UTF_8),
                nonce,
                transaction().getBytes(StandardCharsets.UTF_8));
    }

    @Benchmark
    public Object merchantRsaSign() {
        return merchantSigner.sign(requestMessage);
    }

    @Benchmark
    public boolean wechatPayRsaVerify() {
        return wechatPayVerifier.verify(TestMerchant.WECHAT_PAY_PUBLIC_KEY_ID, signedMessage, signature);
    }

    @Benchmark
    public String callbackAesGcmDecrypt() {
        return apiV3Cipher.decrypt(
                "transaction".getBytes(StandardCharsets.UTF_8),
                nonce,
                Base64.getDecoder().decode(ciphertext));
    }

    @Benchmark
    public void perOrder(Blackhole sink) {
        sink.consume(merchantSign());
        sink.consume(wechatPayRsaVerify());
        sink.consume(merchantSign());
        sink.consume(wechatPayRsaVerify());
        sink.consume(callbackAesGcmDecrypt());
    }

    private Object merchantSign() {
        return merchantSigner.sign(requestMessage);
    }

    private static String transaction() {
        return "{\"mchid\":\"1234567891\",\"appid\":\"wx2421b1c4370ec43b\",\"out_trade_no\":\"OF20261201ABCDEFGHIJKLMNOP\","
                + "\"transaction_id\":\"4200001863202305068344507881\",\"trade_type\":\"JSAPI\",\"trade_state\":\"SUCCESS\","
                + "\"trade_state_desc\":\"ok\",\"bank_type\":\"OTHERS\",\"success_time\":\"" + Instant.EPOCH + "\","
                + "\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"},\"amount\":{\"total\":8800,\"payer_total\":8800,"
                + "\"currency\":\"CNY\",\"payer_currency\":\"CNY\"}}";
    }
}
