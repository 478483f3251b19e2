package io.orderflow.simulator.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AEAD_AES_256_GCM as WeChat Pay uses it: key = the 32-byte APIv3 key, IV = the 12-character
 * nonce, AAD = associated_data, output = Base64(ciphertext || 16-byte tag).
 */
public final class AesGcm {

    private static final int TAG_BITS = 128;

    private AesGcm() {}

    public static String encrypt(String apiV3Key, String nonce, String associatedData, String plaintext) {
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, apiV3Key, nonce, associatedData);
            byte[] out = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Encryption failed", ex);
        }
    }

    public static String decrypt(String apiV3Key, String nonce, String associatedData, String ciphertext) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, apiV3Key, nonce, associatedData);
            byte[] out = cipher.doFinal(Base64.getDecoder().decode(ciphertext));
            return new String(out, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("Decryption failed", ex);
        }
    }

    private static Cipher cipher(int mode, String key, String nonce, String aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        var keySpec = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "AES");
        cipher.init(mode, keySpec, new GCMParameterSpec(TAG_BITS, nonce.getBytes(StandardCharsets.UTF_8)));
        if (aad != null) {
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        }
        return cipher;
    }
}
