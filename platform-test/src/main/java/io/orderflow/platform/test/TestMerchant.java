package io.orderflow.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public test merchant (keys from the wechatpay-java SDK's tests), written to a temporary
 * directory so that code reading keys from files — as production does — can be tested.
 */
public final class TestMerchant {

    public static final String MCHID = "1234567891";
    public static final String APPID = "wx2421b1c4370ec43b";
    public static final String MERCHANT_SERIAL = "5F1C72E2A8931B72A2E13AF8DEE92471EB397115";
    public static final String API_V3_KEY = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
    public static final String WECHAT_PAY_PUBLIC_KEY_ID = "PUB_KEY_ID_0112345678912026113000000000000001";
    public static final String WECHAT_PAY_CERTIFICATE_SERIAL = "440024045C4A427599D09BB4E3DE0279F2E813FD";

    private static final List<String> FILES = List.of(
            "merchant_private_key.pem",
            "merchant_public_key.pem",
            "merchant_certificate.pem",
            "wechat_pay_private_key.pem",
            "wechat_pay_public_key.pem",
            "wechat_pay_certificate.pem");

    private static Path directory;

    private TestMerchant() {}

    public static Path merchantPrivateKey() {
        return file("merchant_private_key.pem");
    }

    public static Path merchantPublicKey() {
        return file("merchant_public_key.pem");
    }

    public static Path wechatPayPrivateKey() {
        return file("wechat_pay_private_key.pem");
    }

    public static Path wechatPayPublicKey() {
        return file("wechat_pay_public_key.pem");
    }

    public static Path wechatPayCertificate() {
        return file("wechat_pay_certificate.pem");
    }

    /** {@code orderflow.wechatpay.*} settings of this merchant in public-key mode. */
    public static Map<String, String> properties(String apiBaseUrl, String notifyBaseUrl) {
        String prefix = "orderflow.wechatpay.merchants[0].";
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("orderflow.wechatpay.api-base-url", apiBaseUrl);
        properties.put(prefix + "mchid", MCHID);
        properties.put(prefix + "appids[0]", APPID);
        properties.put(prefix + "private-key-path", merchantPrivateKey().toString());
        properties.put(prefix + "merchant-serial-number", MERCHANT_SERIAL);
        properties.put(
                prefix + "wechat-pay-public-key-path", wechatPayPublicKey().toString());
        properties.put(prefix + "wechat-pay-public-key-id", WECHAT_PAY_PUBLIC_KEY_ID);
        properties.put(prefix + "api-v3-key", API_V3_KEY);
        properties.put(prefix + "notify-base-url", notifyBaseUrl);
        return properties;
    }

    private static synchronized Path file(String name) {
        if (directory == null) {
            directory = extract();
        }
        return directory.resolve(name);
    }

    private static Path extract() {
        try {
            Path target = Files.createTempDirectory("orderflow-test-keys");
            for (String name : FILES) {
                try (InputStream in = TestMerchant.class.getResourceAsStream("/test-keys/" + name)) {
                    Files.copy(in, target.resolve(name));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
