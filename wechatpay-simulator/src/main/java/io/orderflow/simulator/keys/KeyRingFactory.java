package io.orderflow.simulator.keys;

import io.orderflow.simulator.MerchantProperties;
import io.orderflow.simulator.SimulatorProperties;
import io.orderflow.simulator.WechatPayKeyProperties;
import io.orderflow.simulator.crypto.Pem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Locale;

/**
 * Builds the {@link KeyRing} from configuration. Missing keys are generated once and kept in
 * {@code simulator.key-directory}, so clients can read the public key and restarts keep it.
 */
public final class KeyRingFactory {

    static final String DEFAULT_PUBLIC_KEY_ID = "PUB_KEY_ID_0100000000000000000000000000000001";

    static final String DEFAULT_MCHID = "1900000001";

    static final String DEFAULT_APPID = "wx0000000000000001";

    static final String DEFAULT_API_V3_KEY = "0123456789abcdefghijklmnopqrstuv";

    private KeyRingFactory() {}

    public static KeyRing create(SimulatorProperties properties) {
        KeyFiles files = new KeyFiles(Path.of(properties.getKeyDirectory()));
        List<WechatPayKey> keys = properties.getWechatPayKeys().isEmpty()
                ? List.of(generatedKey(files))
                : properties.getWechatPayKeys().stream()
                        .map(KeyRingFactory::configuredKey)
                        .toList();
        List<MerchantProperties> configured =
                properties.getMerchants().isEmpty() ? List.of(defaultMerchant()) : properties.getMerchants();
        return new KeyRing(
                keys, configured.stream().map(m -> merchant(m, files)).toList());
    }

    private static WechatPayKey generatedKey(KeyFiles files) {
        KeyPair pair = files.loadOrGenerate("wechatpay");
        return new WechatPayKey(pair.getPrivate(), pair.getPublic(), DEFAULT_PUBLIC_KEY_ID, null);
    }

    private static WechatPayKey configuredKey(WechatPayKeyProperties key) {
        PrivateKey privateKey = Pem.privateKey(KeyFiles.read(key.getPrivateKey()));
        var certificate = key.getCertificate() == null ? null : Pem.certificate(KeyFiles.read(key.getCertificate()));
        String id = key.getPublicKeyId() == null ? DEFAULT_PUBLIC_KEY_ID : key.getPublicKeyId();
        return new WechatPayKey(privateKey, publicOf(privateKey), id, certificate);
    }

    private static Merchant merchant(MerchantProperties m, KeyFiles files) {
        boolean certificate = "CERTIFICATE".equals(m.getNotificationSerial());
        String apiV3Key = m.getApiV3Key();
        if (apiV3Key == null || apiV3Key.getBytes(StandardCharsets.UTF_8).length != 32) {
            throw new IllegalArgumentException("api-v3-key of merchant " + m.getMchid() + " must be 32 bytes");
        }
        List<String> appids = List.copyOf(m.getAppids());
        if (m.getPublicKey() != null || m.getCertificate() != null) {
            PublicKey key = m.getPublicKey() != null
                    ? Pem.publicKey(KeyFiles.read(m.getPublicKey()))
                    : Pem.certificate(KeyFiles.read(m.getCertificate())).getPublicKey();
            return new Merchant(m.getMchid(), appids, m.getSerialNo(), key, apiV3Key, null, certificate);
        }
        KeyPair pair = files.loadOrGenerate("merchant_" + m.getMchid());
        String serial = m.getSerialNo() == null ? serialOf(pair) : m.getSerialNo();
        return new Merchant(
                m.getMchid(), appids, serial, pair.getPublic(), apiV3Key, Pem.encode(pair.getPrivate()), certificate);
    }

    /** A stable 40-hex-digit serial derived from the generated key, so restarts keep it. */
    private static String serialOf(KeyPair pair) {
        String hex = ((RSAPublicKey) pair.getPublic()).getModulus().toString(16);
        return hex.substring(0, 40).toUpperCase(Locale.ROOT);
    }

    private static MerchantProperties defaultMerchant() {
        MerchantProperties merchant = new MerchantProperties();
        merchant.setMchid(DEFAULT_MCHID);
        merchant.setAppids(List.of(DEFAULT_APPID));
        merchant.setApiV3Key(DEFAULT_API_V3_KEY);
        return merchant;
    }

    private static PublicKey publicOf(PrivateKey key) {
        try {
            return KeyFiles.publicOf((RSAPrivateCrtKey) key);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
