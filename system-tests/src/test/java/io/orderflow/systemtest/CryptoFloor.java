package io.orderflow.systemtest;

import com.wechat.pay.java.core.cipher.AeadAesCipher;
import com.wechat.pay.java.core.cipher.RSASigner;
import com.wechat.pay.java.core.cipher.RSAVerifier;
import com.wechat.pay.java.core.util.PemUtil;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.simulator.crypto.AesGcm;
import io.orderflow.simulator.crypto.Rsa;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cryptography one paid order costs, everywhere it happens on this machine: counted from the
 * code ({@link #HAPPY_PATH}) and timed here, single-threaded, with the test merchant's real
 * RSA-2048 keys, through the same classes that do it in the run (the wechatpay-java SDK on
 * orderflow's side, the simulator's {@code Rsa} and {@code AesGcm}, {@code javax.crypto} for the
 * shop's HMAC), all on the JDK's default providers.
 */
final class CryptoFloor {

    /** Where the work runs, so that it can be set against the CPU of that process. */
    enum Side {
        ORDER_SERVICE,
        PAYMENT_SERVICE,
        NOTIFY_SERVICE,
        SIMULATOR,
        SHOP_CLIENT
    }

    /** The kinds of operation, each timed once. */
    enum Operation {
        MERCHANT_RSA_SIGN("RSA-2048 SHA256withRSA sign, merchant key"),
        MERCHANT_RSA_VERIFY("RSA-2048 SHA256withRSA verify, merchant public key"),
        WECHATPAY_RSA_SIGN("RSA-2048 SHA256withRSA sign, WeChat Pay key"),
        WECHATPAY_RSA_VERIFY("RSA-2048 SHA256withRSA verify, WeChat Pay public key"),
        CALLBACK_AES_ENCRYPT("AES-256-GCM encrypt, callback resource (~600 B)"),
        CALLBACK_AES_DECRYPT("AES-256-GCM decrypt, callback resource (~600 B)"),
        SHOP_HMAC("HMAC-SHA256, shop request (~250 B)"),
        SHOP_SECRET_AES_DECRYPT("AES-256-GCM decrypt, shop secret at rest (43 B)");

        final String label;

        Operation(String label) {
            this.label = label;
        }
    }

    /** One use of an operation in a paid order's life, and where in the code it happens. */
    record Use(Operation operation, Side side, String where) {}

    /** A paid order without faults: create, prepay, pay, one callback, SUCCESS. */
    static final List<Use> HAPPY_PATH = List.of(
            new Use(Operation.SHOP_HMAC, Side.SHOP_CLIENT, "shop signs POST /v1/orders (ShopClient)"),
            new Use(
                    Operation.SHOP_HMAC,
                    Side.ORDER_SERVICE,
                    "order-service checks it (ShopAuthentication → RequestSignature.matches)"),
            new Use(
                    Operation.SHOP_SECRET_AES_DECRYPT,
                    Side.ORDER_SERVICE,
                    "order-service decrypts the shop secret (ShopAuthentication → SecretCipher.decrypt)"),
            new Use(
                    Operation.MERCHANT_RSA_SIGN,
                    Side.PAYMENT_SERVICE,
                    "prepay request Authorization (SDK WechatPay2Credential → RSASigner)"),
            new Use(
                    Operation.MERCHANT_RSA_VERIFY,
                    Side.SIMULATOR,
                    "simulator checks it (ApiExchangeFilter → RequestAuthenticator → Rsa.verify)"),
            new Use(
                    Operation.WECHATPAY_RSA_SIGN,
                    Side.SIMULATOR,
                    "simulator signs the prepay answer (ApiExchangeFilter → ResponseSigner → Rsa.sign)"),
            new Use(
                    Operation.WECHATPAY_RSA_VERIFY,
                    Side.PAYMENT_SERVICE,
                    "payment-service checks the answer (SDK WechatPay2Validator → RSAVerifier)"),
            new Use(
                    Operation.MERCHANT_RSA_SIGN,
                    Side.PAYMENT_SERVICE,
                    "JSAPI paySign (SDK JsapiServiceExtension.prepayWithRequestPayment → RSASigner)"),
            new Use(
                    Operation.CALLBACK_AES_ENCRYPT,
                    Side.SIMULATOR,
                    "simulator encrypts the callback resource (Notifications.body → AesGcm.encrypt)"),
            new Use(
                    Operation.WECHATPAY_RSA_SIGN,
                    Side.SIMULATOR,
                    "simulator signs the callback (Notifications.headers → Rsa.sign)"),
            new Use(
                    Operation.WECHATPAY_RSA_VERIFY,
                    Side.NOTIFY_SERVICE,
                    "notify-service checks it (CallbackVerifier → SDK NotificationParser → RSAVerifier)"),
            new Use(
                    Operation.CALLBACK_AES_DECRYPT,
                    Side.NOTIFY_SERVICE,
                    "notify-service decrypts the resource (NotificationParser → AeadAesCipher)"));

    /** Each further signed API call (a reconcile or payment query): sign, check, sign the answer, check it. */
    static final List<Use> PER_API_CALL = List.of(
            new Use(Operation.MERCHANT_RSA_SIGN, Side.PAYMENT_SERVICE, "caller signs the request"),
            new Use(Operation.MERCHANT_RSA_VERIFY, Side.SIMULATOR, "simulator checks it"),
            new Use(Operation.WECHATPAY_RSA_SIGN, Side.SIMULATOR, "simulator signs the answer"),
            new Use(Operation.WECHATPAY_RSA_VERIFY, Side.PAYMENT_SERVICE, "caller checks the answer"));

    /** Each further callback delivery (a retry or duplicate): signed afresh, checked, decrypted. */
    static final List<Use> PER_CALLBACK_DELIVERY = List.of(
            new Use(Operation.WECHATPAY_RSA_SIGN, Side.SIMULATOR, "simulator signs the delivery"),
            new Use(Operation.WECHATPAY_RSA_VERIFY, Side.NOTIFY_SERVICE, "notify-service checks it"),
            new Use(Operation.CALLBACK_AES_DECRYPT, Side.NOTIFY_SERVICE, "notify-service decrypts it"));

    /** The measured cost of one operation: thread CPU and wall time per call. */
    record Cost(Operation operation, double cpuMicros, double wallMicros, long calls) {}

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 5;
    private static volatile int sink;

    private CryptoFloor() {}

    /** CPU microseconds of a list of uses, given the measured costs. */
    static double cpuMicros(List<Use> uses, Map<Operation, Cost> costs) {
        return uses.stream()
                .mapToDouble(use -> costs.get(use.operation()).cpuMicros())
                .sum();
    }

    /** Times every operation on the calling thread: warm-up, then {@code measure} of calls in rounds. */
    static Map<Operation, Cost> measure(Duration warmUp, Duration measure) {
        Keys keys = Keys.load();
        String request = "POST\n/v3/pay/transactions/jsapi\n1764567000\n593BEC0C930BF1AFEB40B4A08C8FB242\n"
                + "{\"appid\":\"wx2421b1c4370ec43b\",\"mchid\":\"1234567891\",\"description\":\"bench\","
                + "\"out_trade_no\":\"OF20261201ABCDEFGHIJKLMNOP\",\"time_expire\":\"2026-12-01T08:00:00+08:00\","
                + "\"notify_url\":\"http://127.0.0.1:8080/wechatpay/notify/1234567891/transaction\","
                + "\"amount\":{\"total\":100,\"currency\":\"CNY\"},\"payer\":{\"openid\":\"oT0123456789abcdef0123456789\"}}\n";
        String resource = transaction();
        String nonce = "n0nce1234567";
        String ciphertext = AesGcm.encrypt(TestMerchant.API_V3_KEY, nonce, "transaction", resource);
        String callback = "1764567000\nABCDEFGHIJKLMNOPQRSTUVWXYZ012345\n{\"id\":\"" + UUID.randomUUID()
                + "\",\"resource\":{\"ciphertext\":\"" + ciphertext + "\"}}\n";
        String merchantSignature = Rsa.sign(keys.merchantPrivate, request);
        String wechatPaySignature = Rsa.sign(keys.wechatPayPrivate, callback);
        RSASigner merchantSigner = new RSASigner(TestMerchant.MERCHANT_SERIAL, keys.merchantPrivate);
        RSAVerifier wechatPayVerifier = new RSAVerifier(keys.wechatPayPublic, TestMerchant.WECHAT_PAY_PUBLIC_KEY_ID);
        AeadAesCipher apiV3 = new AeadAesCipher(TestMerchant.API_V3_KEY.getBytes(StandardCharsets.UTF_8));
        byte[] aad = "transaction".getBytes(StandardCharsets.UTF_8);
        byte[] iv = nonce.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Base64.getDecoder().decode(ciphertext);
        byte[] shopSecret = "s3cr3t-0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.UTF_8);
        byte[] shopRequest = ("POST\n/v1/orders\n1764567000\n0123456789abcdef0123456789abcdef\n{\"shop_order_no\":\"B-"
                        + UUID.randomUUID()
                        + "\",\"description\":\"bench\",\"amount\":{\"total\":100,\"currency\":\"CNY\"},"
                        + "\"payer\":{\"openid\":\"oT0123456789abcdef0123456789\"}}\n")
                .getBytes(StandardCharsets.UTF_8);
        SecretAtRest secret = new SecretAtRest(shopSecret);

        Map<Operation, Supplier<Object>> calls = new EnumMap<>(Operation.class);
        calls.put(
                Operation.MERCHANT_RSA_SIGN, () -> merchantSigner.sign(request).getSign());
        calls.put(Operation.MERCHANT_RSA_VERIFY, () -> Rsa.verify(keys.merchantPublic, request, merchantSignature));
        calls.put(Operation.WECHATPAY_RSA_SIGN, () -> Rsa.sign(keys.wechatPayPrivate, callback));
        calls.put(
                Operation.WECHATPAY_RSA_VERIFY,
                () -> wechatPayVerifier.verify(TestMerchant.WECHAT_PAY_PUBLIC_KEY_ID, callback, wechatPaySignature));
        calls.put(
                Operation.CALLBACK_AES_ENCRYPT,
                () -> AesGcm.encrypt(TestMerchant.API_V3_KEY, nonce, "transaction", resource));
        calls.put(Operation.CALLBACK_AES_DECRYPT, () -> apiV3.decrypt(aad, iv, sealed));
        calls.put(Operation.SHOP_HMAC, () -> hmac(shopSecret, shopRequest));
        calls.put(Operation.SHOP_SECRET_AES_DECRYPT, secret::decrypt);
        return time(calls, warmUp, measure);
    }

    /**
     * Warm-up, then five rounds in which every operation runs back to back for a fifth of
     * {@code measure}; each operation's cost is its round with the median CPU per call. Rounds
     * interleave the operations, so a burst of outside load (on a shared machine) does not fall on
     * one operation only, and the median drops the round it hit hardest.
     */
    private static Map<Operation, Cost> time(
            Map<Operation, Supplier<Object>> calls, Duration warmUp, Duration measure) {
        calls.values().forEach(call -> {
            long warmUpEnd = System.nanoTime() + warmUp.toNanos();
            while (System.nanoTime() < warmUpEnd) {
                sink ^= call.get().hashCode();
            }
        });
        Map<Operation, List<Cost>> rounds = new EnumMap<>(Operation.class);
        for (int round = 0; round < ROUNDS; round++) {
            calls.forEach((operation, call) -> rounds.computeIfAbsent(operation, o -> new ArrayList<>())
                    .add(round(operation, measure.dividedBy(ROUNDS), call)));
        }
        Map<Operation, Cost> costs = new EnumMap<>(Operation.class);
        rounds.forEach((operation, measured) -> {
            measured.sort(Comparator.comparingDouble(Cost::cpuMicros));
            Cost median = measured.get(ROUNDS / 2);
            costs.put(
                    operation,
                    new Cost(
                            operation,
                            median.cpuMicros(),
                            median.wallMicros(),
                            measured.stream().mapToLong(Cost::calls).sum()));
        });
        return costs;
    }

    private static Cost round(Operation operation, Duration measure, Supplier<Object> call) {
        long calls = 0;
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        long wallEnd;
        do {
            sink ^= call.get().hashCode();
            calls++;
            wallEnd = System.nanoTime();
        } while (wallEnd - wallStart < measure.toNanos());
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        return new Cost(operation, cpu / 1e3 / calls, (wallEnd - wallStart) / 1e3 / calls, calls);
    }

    private static byte[] hmac(byte[] secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A shop secret sealed as order-service's SecretCipher seals it (random IV, shop id as AAD). */
    private static final class SecretAtRest {
        private final SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
        private final byte[] iv = new byte[12];
        private final byte[] aad = "shop_0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        private final byte[] sealed;

        SecretAtRest(byte[] secret) {
            this.sealed = run(Cipher.ENCRYPT_MODE, secret);
        }

        Object decrypt() {
            return run(Cipher.DECRYPT_MODE, sealed);
        }

        private byte[] run(int mode, byte[] input) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(mode, key, new GCMParameterSpec(128, iv));
                cipher.updateAAD(aad);
                return cipher.doFinal(input);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The test merchant's and the test WeChat Pay key pairs, as the run uses them. */
    private record Keys(
            PrivateKey merchantPrivate,
            PublicKey merchantPublic,
            PrivateKey wechatPayPrivate,
            PublicKey wechatPayPublic) {
        static Keys load() {
            return new Keys(
                    PemUtil.loadPrivateKeyFromPath(
                            TestMerchant.merchantPrivateKey().toString()),
                    PemUtil.loadPublicKeyFromPath(
                            TestMerchant.merchantPublicKey().toString()),
                    PemUtil.loadPrivateKeyFromPath(
                            TestMerchant.wechatPayPrivateKey().toString()),
                    PemUtil.loadPublicKeyFromPath(
                            TestMerchant.wechatPayPublicKey().toString()));
        }
    }

    private static String transaction() {
        return "{\"mchid\":\"1234567891\",\"appid\":\"wx2421b1c4370ec43b\",\"out_trade_no\":\"OF20261201ABCDEFGHIJKLMNOP\","
                + "\"transaction_id\":\"4200001863202612010000000001\",\"trade_type\":\"JSAPI\",\"trade_state\":\"SUCCESS\","
                + "\"trade_state_desc\":\"支付成功\",\"bank_type\":\"OTHERS\",\"attach\":\"\",\"success_time\":\"2026-12-01T13:40:00+08:00\","
                + "\"payer\":{\"openid\":\"oT0123456789abcdef0123456789\"},\"amount\":{\"total\":100,\"payer_total\":100,"
                + "\"currency\":\"CNY\",\"payer_currency\":\"CNY\"},\"promotion_detail\":[]}";
    }
}
