package io.orderflow.local.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public test merchant of the stack (keys from the wechatpay-java SDK's tests, the same as
 * platform-test's), written to files because the services read keys from files as in production.
 * Never use these keys anywhere but on a developer's machine.
 */
final class LocalKeys {

    static final String MCHID = "1234567891";
    static final String APPID = "wx2421b1c4370ec43b";
    static final String MERCHANT_SERIAL = "5F1C72E2A8931B72A2E13AF8DEE92471EB397115";
    static final String API_V3_KEY = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
    static final String WECHAT_PAY_PUBLIC_KEY_ID = "PUB_KEY_ID_0112345678912026113000000000000001";

    private static final List<String> FILES = List.of(
            "merchant_private_key.pem",
            "merchant_public_key.pem",
            "wechat_pay_private_key.pem",
            "wechat_pay_public_key.pem",
            "wechat_pay_certificate.pem");

    private final Path directory;

    private LocalKeys(Path directory) {
        this.directory = directory;
    }

    static LocalKeys writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
            for (String name : FILES) {
                try (InputStream in = LocalKeys.class.getResourceAsStream("/local-keys/" + name)) {
                    Files.copy(in, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return new LocalKeys(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file(String name) {
        return directory.resolve(name);
    }

    /** {@code orderflow.wechatpay.*} of the test merchant in public-key mode. */
    Map<String, String> merchantProperties(String apiBaseUrl, String notifyBaseUrl) {
        String prefix = "orderflow.wechatpay.merchants[0].";
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("orderflow.wechatpay.api-base-url", apiBaseUrl);
        properties.put(prefix + "mchid", MCHID);
        properties.put(prefix + "appids[0]", APPID);
        properties.put(
                prefix + "private-key-path", file("merchant_private_key.pem").toString());
        properties.put(prefix + "merchant-serial-number", MERCHANT_SERIAL);
        properties.put(
                prefix + "wechat-pay-public-key-path",
                file("wechat_pay_public_key.pem").toString());
        properties.put(prefix + "wechat-pay-public-key-id", WECHAT_PAY_PUBLIC_KEY_ID);
        properties.put(prefix + "api-v3-key", API_V3_KEY);
        properties.put(prefix + "notify-base-url", notifyBaseUrl);
        return properties;
    }
}
