package io.orderflow.order.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.order.support.OrderServiceTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Shop secrets at rest: AES-256-GCM, bound to their shop. */
class SecretCipherUnitTests {

    private final SecretCipher cipher = new SecretCipher(OrderServiceTest.ENCRYPTION_KEY);

    @Test
    void decryptsWhatItEncryptedWithoutStoringThePlainText() {
        byte[] stored = cipher.encrypt("shop-1", "s3cret-value");

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("s3cret-value");
        assertThat(cipher.decrypt("shop-1", stored)).isEqualTo("s3cret-value");
    }

    @Test
    void refusesACiphertextCopiedToAnotherShop() {
        byte[] stored = cipher.encrypt("shop-1", "s3cret-value");

        assertThatThrownBy(() -> cipher.decrypt("shop-2", stored)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAKeyOfTheWrongSize() {
        assertThatThrownBy(() -> new SecretCipher("c2hvcnQ=")).hasMessageContaining("32 bytes");
    }
}
