package io.orderflow.order.shop;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts shop secrets at rest with AES-256-GCM: a random 12-byte IV before the ciphertext, the
 * shop id as associated data (a ciphertext copied to another shop does not decrypt). The key is
 * {@code orderflow.shops.secret-encryption-key}, 32 bytes in Base64, from the environment.
 */
@Component
class SecretCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    SecretCipher(@Value("${orderflow.shops.secret-encryption-key:}") String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("orderflow.shops.secret-encryption-key is not Base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(
                    "orderflow.shops.secret-encryption-key must be 32 bytes (AES-256) in Base64; "
                            + "set ORDERFLOW_SHOPS_SECRET_ENCRYPTION_KEY");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    byte[] encrypt(String shopId, String secret) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] cipherText = run(Cipher.ENCRYPT_MODE, shopId, iv, secret.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(IV_BYTES + cipherText.length)
                .put(iv)
                .put(cipherText)
                .array();
    }

    String decrypt(String shopId, byte[] stored) {
        byte[] iv = java.util.Arrays.copyOfRange(stored, 0, IV_BYTES);
        byte[] cipherText = java.util.Arrays.copyOfRange(stored, IV_BYTES, stored.length);
        return new String(run(Cipher.DECRYPT_MODE, shopId, iv, cipherText), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, String shopId, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(shopId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "shop secret of " + shopId + " could not be "
                            + (mode == Cipher.ENCRYPT_MODE ? "encrypted" : "decrypted") + " (wrong key?)",
                    e);
        }
    }
}
