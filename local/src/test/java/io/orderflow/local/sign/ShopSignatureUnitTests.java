package io.orderflow.local.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShopSignatureUnitTests {

    private final ShopCredentials shop = new ShopCredentials("shop-1", "s3cret", "http://127.0.0.1:8081");

    @Test
    void signsMethodPathTimestampNonceAndBodyEachFollowedByANewline() {
        // expected value computed outside Java: HMAC-SHA256("s3cret",
        // "POST\n/v1/orders\n1764547200\nabc123\n{"a":1}\n")
        assertThat(new ShopSignature(shop).authorization("POST", "/v1/orders", "{\"a\":1}", "1764547200", "abc123"))
                .isEqualTo("ORDERFLOW-HMAC-SHA256 shop_id=\"shop-1\",timestamp=\"1764547200\",nonce=\"abc123\","
                        + "signature=\"Uc/Mx0orPFEuD+wCXDP8PHtkteYGpX3/itrW38O3B1k=\"");
    }

    @Test
    void signCommandPrintsACurlHeaderFromTheCredentialsFile(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("shop.properties");
        shop.write(file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = SignCommand.run(
                new String[] {"GET", "/v1/orders?page_size=5"},
                file,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("Authorization: ORDERFLOW-HMAC-SHA256 shop_id=\"shop-1\",timestamp=\"");
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
    }

    @Test
    void signCommandWithoutCredentialsSaysToStartTheStack(@TempDir Path directory) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SignCommand.run(
                new String[] {"GET", "/v1/orders"},
                directory.resolve("absent"),
                System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("start the local stack first");
    }
}
