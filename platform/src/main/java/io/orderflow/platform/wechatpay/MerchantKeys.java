package io.orderflow.platform.wechatpay;

import com.wechat.pay.java.core.util.PemUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A merchant's key material, loaded and checked before any client is built, so that a
 * missing file, a malformed PEM or a short APIv3 key stops start-up with a clear message
 * instead of failing the first payment.
 */
record MerchantKeys(
        PrivateKey privateKey,
        PublicKey publicKey,
        String publicKeyId,
        List<X509Certificate> certificates,
        byte[] apiV3Key,
        String notifyBaseUrl) {

    private static final Pattern MCHID = Pattern.compile("[0-9]{6,32}");
    private static final Pattern SERIAL = Pattern.compile("[0-9A-Fa-f]{8,64}");

    String apiV3KeyText() {
        return new String(apiV3Key, StandardCharsets.US_ASCII);
    }

    static MerchantKeys load(WechatPayProperties.Merchant merchant) {
        String mchid = merchant.mchid();
        require(mchid != null && MCHID.matcher(mchid).matches(), mchid, "mchid", "must be the merchant's numeric id");
        require(!merchant.appids().isEmpty(), mchid, "appids", "must name at least one AppID");
        require(
                merchant.merchantSerialNumber() != null
                        && SERIAL.matcher(merchant.merchantSerialNumber()).matches(),
                mchid,
                "merchant-serial-number",
                "must be the hex serial of the merchant API certificate");
        require(
                merchant.notifyBaseUrl() != null && merchant.notifyBaseUrl().matches("https?://\\S+"),
                mchid,
                "notify-base-url",
                "must be the public http(s) base URL of notify-service");
        PrivateKey privateKey =
                read(mchid, "private-key-path", merchant.privateKeyPath(), PemUtil::loadPrivateKeyFromString);
        PublicKey publicKey = null;
        if (merchant.wechatPayPublicKeyPath() != null) {
            publicKey = read(
                    mchid,
                    "wechat-pay-public-key-path",
                    merchant.wechatPayPublicKeyPath(),
                    PemUtil::loadPublicKeyFromString);
            require(
                    merchant.wechatPayPublicKeyId() != null
                            && !merchant.wechatPayPublicKeyId().isBlank(),
                    mchid,
                    "wechat-pay-public-key-id",
                    "is required with wechat-pay-public-key-path");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (String path : merchant.platformCertificatePaths()) {
            certificates.add(read(mchid, "platform-certificate-paths", path, PemUtil::loadX509FromString));
        }
        require(
                publicKey != null || !certificates.isEmpty() || merchant.autoCertificate(),
                mchid,
                "wechat-pay-public-key-path",
                "(or platform-certificate-paths, or auto-certificate) is required to verify WeChat Pay");
        String base = merchant.notifyBaseUrl().replaceAll("/+$", "");
        return new MerchantKeys(
                privateKey,
                publicKey,
                merchant.wechatPayPublicKeyId(),
                List.copyOf(certificates),
                apiV3Key(merchant),
                base);
    }

    private static byte[] apiV3Key(WechatPayProperties.Merchant merchant) {
        String key = merchant.apiV3Key();
        String setting = "api-v3-key";
        if (merchant.apiV3KeyPath() != null) {
            setting = "api-v3-key-path";
            key = read(merchant.mchid(), setting, merchant.apiV3KeyPath(), String::strip);
        }
        require(key != null && !key.isBlank(), merchant.mchid(), "api-v3-key", "(or api-v3-key-path) is required");
        byte[] bytes = key.getBytes(StandardCharsets.US_ASCII);
        require(
                bytes.length == 32 && key.chars().allMatch(c -> c > 32 && c < 127),
                merchant.mchid(),
                setting,
                "must be 32 ASCII characters (it is " + key.length() + " long)");
        return bytes;
    }

    private static <T> T read(String mchid, String setting, String path, Function<String, T> parse) {
        require(path != null && !path.isBlank(), mchid, setting, "is required");
        String content;
        try {
            content = Files.readString(Path.of(path), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new WechatPayConfigurationException(mchid, setting, "cannot be read: " + path, e);
        }
        try {
            return parse.apply(content);
        } catch (RuntimeException e) {
            throw new WechatPayConfigurationException(
                    mchid, setting, "is not a valid PEM key or certificate: " + path, e);
        }
    }

    private static void require(boolean condition, String mchid, String setting, String problem) {
        if (!condition) {
            throw new WechatPayConfigurationException(mchid, setting, problem);
        }
    }
}
