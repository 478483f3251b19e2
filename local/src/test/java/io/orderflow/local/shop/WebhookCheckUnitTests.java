package io.orderflow.local.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The demo shop's signature check, written from docs/webhooks.md, against a vector computed with the documentation's
 * Python snippet (hmac.new(secret, f"{t}." + body, sha256)), and the shop's book applying what passes it.
 */
class WebhookCheckUnitTests {

    private static final String SECRET = "whsec_demo";
    private static final long T = 1764497762;
    private static final byte[] BODY = "{\"order_id\":\"OF1\",\"version\":2}".getBytes(StandardCharsets.UTF_8);
    private static final String V1 = "2a45f0e1f7bbc32acab64d63129c4830cd7031cc0a1d479970f8596b07d8512c";
    private static final Instant NOW = Instant.ofEpochSecond(T + 10);

    @Test
    void acceptsTheDocumentedSignatureAndEitherOfTwoDuringARotation() {
        assertThat(WebhookCheck.refusal("t=" + T + ",v1=" + V1, BODY, SECRET, NOW))
                .isNull();
        assertThat(WebhookCheck.refusal("t=" + T + ",v1=" + "0".repeat(64) + ",v1=" + V1, BODY, SECRET, NOW))
                .isNull();
    }

    @Test
    void refusesATamperedBodyAnotherSecretAReplayAndMalformedHeaders() {
        byte[] tampered = "{\"order_id\":\"OF1\",\"version\":3}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookCheck.refusal("t=" + T + ",v1=" + V1, tampered, SECRET, NOW))
                .isEqualTo("no v1 signature matches");
        assertThat(WebhookCheck.refusal("t=" + T + ",v1=" + V1, BODY, "whsec_other", NOW))
                .isEqualTo("no v1 signature matches");
        assertThat(WebhookCheck.refusal("t=" + (T + 1) + ",v1=" + V1, BODY, SECRET, NOW))
                .as("the timestamp is signed")
                .isEqualTo("no v1 signature matches");
        assertThat(WebhookCheck.refusal("t=" + T + ",v1=" + V1, BODY, SECRET, Instant.ofEpochSecond(T + 301)))
                .contains("outside 5 minutes");
        assertThat(WebhookCheck.refusal("t=" + T + ",v1=" + V1, BODY, SECRET, Instant.ofEpochSecond(T + 300)))
                .isNull();
        assertThat(WebhookCheck.refusal(null, BODY, SECRET, NOW)).isEqualTo("no Orderflow-Signature header");
        assertThat(WebhookCheck.refusal("v1=" + V1, BODY, SECRET, NOW))
                .isEqualTo("Orderflow-Signature without t or v1");
        assertThat(WebhookCheck.refusal("t=abc,v1=" + V1, BODY, SECRET, NOW)).isEqualTo("malformed timestamp");
        assertThat(WebhookCheck.refusal("t" + T, BODY, SECRET, NOW)).isEqualTo("malformed Orderflow-Signature");
    }

    @Test
    void theBookKeepsTheHighestVersionAndDropsARepeatedCeId() {
        ShopBook book = new ShopBook();
        Instant at = Instant.parse("2026-12-06T10:00:00Z");
        assertThat(book.apply("OF1", 2, "SUCCESS", "ce-2", "d-2", 1, at)).isEqualTo(ShopBook.Outcome.APPLIED);
        assertThat(book.apply("OF1", 1, "PENDING", "ce-1", "d-1", 3, at)).isEqualTo(ShopBook.Outcome.OLDER_VERSION);
        assertThat(book.apply("OF1", 2, "SUCCESS", "ce-2", "d-2", 2, at)).isEqualTo(ShopBook.Outcome.DUPLICATE);
        ShopBook.Entry entry = book.entry("OF1");
        assertThat(entry.status()).isEqualTo("SUCCESS");
        assertThat(entry.version()).isEqualTo(2);
        assertThat(entry.deliveries()).isEqualTo(3);
        assertThat(book.apply("OF1", 3, "REFUND", "ce-3", "d-3", 1, at)).isEqualTo(ShopBook.Outcome.APPLIED);
        assertThat(book.entry("OF1").status()).isEqualTo("REFUND");
        assertThat(book.entry("OF2")).isNull();
    }
}
