package io.orderflow.platform.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookAddressesUnitTests {

    private final WebhookAddresses deployed = new WebhookAddresses(false, false);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/hook",
                "https://localhost:8443/hook",
                "https://[::1]/hook",
                "https://10.1.2.3/hook",
                "https://172.16.0.9/hook",
                "https://192.168.1.1/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://[fe80::1]/hook",
                "https://[fd00::1]/hook",
                "https://0.0.0.0/hook",
                "https://100.64.0.1/hook",
                "https://224.0.0.1/hook",
                "https://[::ffff:127.0.0.1]/hook"
            })
    void refusesAddressesInsideTheNetwork(String url) {
        assertThatThrownBy(() -> deployed.check(url))
                .isInstanceOf(WebhookAddresses.Refused.class)
                .extracting(e -> ((WebhookAddresses.Refused) e).code())
                .isEqualTo("WEBHOOK_URL_ADDRESS_FORBIDDEN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34/hook", "ftp://93.184.216.34/hook", "file:///etc/passwd"})
    void refusesAnythingButHttps(String url) {
        assertThatThrownBy(() -> deployed.check(url))
                .isInstanceOf(WebhookAddresses.Refused.class)
                .extracting(e -> ((WebhookAddresses.Refused) e).code())
                .isIn("WEBHOOK_URL_NOT_HTTPS", "WEBHOOK_URL_INVALID");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "hooks",
                "/relative/path",
                "https://user:pw@93.184.216.34/hook",
                "https://93.184.216.34/hook#frag",
                "https:// spaces .com/"
            })
    void refusesMalformedUrls(String url) {
        assertThatThrownBy(() -> deployed.check(url))
                .isInstanceOf(WebhookAddresses.Refused.class)
                .extracting(e -> ((WebhookAddresses.Refused) e).code())
                .isEqualTo("WEBHOOK_URL_INVALID");
    }

    @Test
    void refusesAHostThatDoesNotResolve() {
        assertThatThrownBy(() -> deployed.check("https://no-such-host.invalid/hook"))
                .extracting(e -> ((WebhookAddresses.Refused) e).code())
                .isEqualTo("WEBHOOK_URL_HOST_UNKNOWN");
    }

    @Test
    void acceptsAPublicHttpsAddressAndPrivateOnesOnlyWhenTheDeploymentAllowsThem() {
        assertThat(deployed.check("https://93.184.216.34/orderflow?shop=1")).hasHost("93.184.216.34");
        assertThat(new WebhookAddresses(true, true).check("http://127.0.0.1:8080/hook"))
                .hasPort(8080);
        assertThatThrownBy(() -> new WebhookAddresses(false, true).check("http://127.0.0.1:8080/hook"))
                .extracting(e -> ((WebhookAddresses.Refused) e).code())
                .isEqualTo("WEBHOOK_URL_NOT_HTTPS");
    }
}
