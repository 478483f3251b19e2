package io.orderflow.platform.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSecretsUnitTests {

    private static final String KEY =
            Base64.getEncoder().encodeToString("a master key of at least 32 bytes!".getBytes(StandardCharsets.UTF_8));

    @Test
    void derivesOneStableSecretPerEndpointAndGeneration() {
        WebhookSecrets secrets = new WebhookSecrets(KEY);
        assertThat(secrets.secret("we_1", 1))
                .startsWith("whsec_")
                .isEqualTo(new WebhookSecrets(KEY).secret("we_1", 1))
                .isNotEqualTo(secrets.secret("we_1", 2))
                .isNotEqualTo(secrets.secret("we_2", 1));
        assertThat(secrets.toString()).doesNotContain(KEY);
    }

    @Test
    void signsTimestampDotBodyOncePerSecret() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSecrets.signatureHeader(1700000000L, body, List.of("whsec_new", "whsec_old"));
        assertThat(header)
                .isEqualTo("t=1700000000,v1=" + WebhookSecrets.signature("whsec_new", 1700000000L, body) + ",v1="
                        + WebhookSecrets.signature("whsec_old", 1700000000L, body));
        // HMAC-SHA256("whsec_new", "1700000000.{\"a\":1}") computed independently (python hmac)
        assertThat(WebhookSecrets.signature("whsec_new", 1700000000L, body))
                .isEqualTo("e8dddd2062d71761004bf7a203f96314721871cce1a41057a9e2fdf6d91a3735");
    }

    @Test
    void refusesAShortOrMissingMasterKey() {
        assertThatThrownBy(() -> new WebhookSecrets("")).hasMessageContaining("ORDERFLOW_WEBHOOKS_MASTER_KEY");
        assertThatThrownBy(() -> new WebhookSecrets("c2hvcnQ=")).hasMessageContaining("at least 32 bytes");
    }
}
