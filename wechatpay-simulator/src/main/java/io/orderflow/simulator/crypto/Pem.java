package io.orderflow.simulator.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads and writes the PEM forms the SDK accepts: PKCS#8 private keys, SPKI public keys
 * and X.509 certificates.
 */
public final class Pem {

    private Pem() {}

    public static PrivateKey privateKey(String pem) {
        try {
            byte[] der = body(pem, "PRIVATE KEY");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("Not a PKCS#8 RSA private key", ex);
        }
    }

    public static PublicKey publicKey(String pem) {
        try {
            byte[] der = body(pem, "PUBLIC KEY");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("Not an SPKI RSA public key", ex);
        }
    }

    public static X509Certificate certificate(String pem) {
        try {
            var factory = CertificateFactory.getInstance("X.509");
            var bytes = pem.getBytes(StandardCharsets.US_ASCII);
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(bytes));
        } catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("Not an X.509 certificate", ex);
        }
    }

    public static String encode(PrivateKey key) {
        return armour("PRIVATE KEY", key.getEncoded());
    }

    public static String encode(PublicKey key) {
        return armour("PUBLIC KEY", key.getEncoded());
    }

    public static String encode(X509Certificate certificate) {
        try {
            return armour("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.US_ASCII);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read key file " + path, ex);
        }
    }

    private static byte[] body(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        int start = pem.indexOf(begin);
        int end = pem.indexOf("-----END " + type + "-----");
        if (start < 0 || end < 0) {
            throw new IllegalArgumentException("PEM block " + type + " not found");
        }
        String base64 = pem.substring(start + begin.length(), end).replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    private static String armour(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}
