package io.orderflow.simulator.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.simulator.support.Sdk;
import org.junit.jupiter.api.Test;

/** Published vectors: WeChat's documented paySign and request signatures, the SDK's AEAD vector. */
class CryptoVectorsUnitTests {

    private static final String PAY_SIGN =
            "mI35pfNEQV6777ke/1T+LJLQDNTm7yeoUJH+j/adPGhmCCi0PbgkvYQTRcXH0uibcLVtvFLdGLpm"
                    + "oYO9FV6lBBsTAjuhh5YOvQi0e2g3e0yytitiNET9FEuqM0pjnKfRW4K6LIZDdbWJv9KhZUx3DrJa5TL7OJ7VdADVivxVySIlPVKjGwuCXzu"
                    + "XSJes0UcILgWQUMyha5/3nYofuHtS7r+KYyMuxD+oJ9VM1Qdxk4UIG59CP5Y3wtYIFybyF3bdu1caHTRRX+DLyMXyYA/IrTmiW01c4RPjpHB"
                    + "X5Dk1sZyY1zVsWNsvMHr2e1NTWtBxKJ+qk5N61J7caYoepHFaxw==";

    private static final String API_V3_KEY = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";

    @Test
    void signsTheDocumentedJsapiPaySign() {
        var key = Pem.privateKey(Sdk.resource("keys/doc_paysign_test_private_key.pem"));
        String message = "wx2421b1c4370ec43b\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n"
                + "prepay_id=wx201410272009395522657a690389285100\n";
        assertThat(Rsa.sign(key, message)).isEqualTo(PAY_SIGN);
    }

    @Test
    void verifiesOnlyTheSignedMessage() {
        var pair = Rsa.generate();
        String signature = Rsa.sign(pair.getPrivate(), "message");
        assertThat(Rsa.verify(pair.getPublic(), "message", signature)).isTrue();
        assertThat(Rsa.verify(pair.getPublic(), "messagE", signature)).isFalse();
        assertThat(Rsa.verify(pair.getPublic(), "message", "WECHATPAY/SIGNTEST/abc"))
                .isFalse();
    }

    @Test
    void encryptsTheSdkAeadVector() {
        assertThat(AesGcm.encrypt(API_V3_KEY, "uluk4a9R25RW", "associatedData", "message"))
                .isEqualTo("ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=");
        assertThat(AesGcm.decrypt(API_V3_KEY, "uluk4a9R25RW", "associatedData", "ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI="))
                .isEqualTo("message");
        assertThatThrownBy(
                        () -> AesGcm.decrypt(API_V3_KEY, "uluk4a9R25RW", "other", "ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI="))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pemRoundTrips() {
        var pair = Rsa.generate();
        assertThat(Pem.publicKey(Pem.encode(pair.getPublic()))).isEqualTo(pair.getPublic());
        assertThat(Pem.privateKey(Pem.encode(pair.getPrivate())).getEncoded())
                .isEqualTo(pair.getPrivate().getEncoded());
    }
}
