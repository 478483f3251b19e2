package io.orderflow.order.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.order.support.OrderServiceTest;
import io.orderflow.platform.test.GeneratedFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** The OpenAPI document the service serves is the one committed as docs/openapi.yaml. */
@OrderServiceTest
class OpenApiDocumentTests {

    @Autowired
    TestRestTemplate http;

    @Test
    void servedDocumentEqualsTheCommittedOne() {
        ResponseEntity<String> served = http.getForEntity("/v3/api-docs.yaml", String.class);

        assertThat(served.getStatusCode().value()).isEqualTo(200);
        assertThat(served.getBody()).contains("/v1/orders/{order_id}/refunds").doesNotContain("/admin/");
        new GeneratedFile(Path.of("../docs/openapi.yaml"), "orderflow.docs.write").assertUpToDate(served.getBody());
    }
}
