package io.orderflow.order.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.order.support.TestSigner;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The signature against a vector computed with openssl, and against the independent test signer. */
class RequestSignatureUnitTests {

    /**
     * {@code printf 'POST\n/v1/orders?x=1\n1796033731\nn-123\n{"a":1}\n' | openssl dgst -sha256 -hmac 'test-secret' -binary | base64}.
     */
    private static final String OPENSSL_VECTOR = "+onfKnQf3OLc6YDJ6JdY/cVx4/WaDyojOL8cZ9VzMaA=";

    private final byte[] message = RequestSignature.message(
            "POST", "/v1/orders?x=1", "1796033731", "n-123", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

    @Test
    void matchesTheOpensslVector() {
        assertThat(RequestSignature.sign("test-secret", message)).isEqualTo(OPENSSL_VECTOR);
        assertThat(new TestSigner("shop", "test-secret")
                        .signature("POST", "/v1/orders?x=1", "1796033731", "n-123", "{\"a\":1}"))
                .isEqualTo(OPENSSL_VECTOR);
    }

    @Test
    void acceptsTheRightSignatureOnly() {
        assertThat(RequestSignature.matches("test-secret", message, OPENSSL_VECTOR))
                .isTrue();
        assertThat(RequestSignature.matches("other-secret", message, OPENSSL_VECTOR))
                .isFalse();
        assertThat(RequestSignature.matches("test-secret", message, "not base64 !"))
                .isFalse();
        byte[] tampered = RequestSignature.message(
                "POST", "/v1/orders?x=2", "1796033731", "n-123", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(RequestSignature.matches("test-secret", tampered, OPENSSL_VECTOR))
                .isFalse();
    }
}
