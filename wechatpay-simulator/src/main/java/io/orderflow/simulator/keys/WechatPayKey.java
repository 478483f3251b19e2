package io.orderflow.simulator.keys;

import io.orderflow.simulator.crypto.Pem;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * One WeChat Pay key pair. It is known to clients by its public key id (public-key mode) and,
 * when a certificate is configured, by the certificate's hex serial (platform-certificate mode).
 */
public record WechatPayKey(
        PrivateKey privateKey, PublicKey publicKey, String publicKeyId, X509Certificate certificate) {

    /** Uppercase hex serial as WeChat prints it, or null without a certificate. */
    public String certificateSerial() {
        return certificate == null
                ? null
                : certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    }

    public boolean answersTo(String serial) {
        return publicKeyId.equals(serial) || serial.equalsIgnoreCase(String.valueOf(certificateSerial()));
    }

    public String publicKeyPem() {
        return Pem.encode(publicKey);
    }
}
