package io.orderflow.order.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing the Authorization header: exactly the four quoted parameters, well-formed. */
class AuthorizationHeaderUnitTests {

    @Test
    void parsesTheFourParameters() {
        var header = AuthorizationHeader.parse(
                "ORDERFLOW-HMAC-SHA256 shop_id=\"shop-1\",timestamp=\"1796033731\",nonce=\"n-1\",signature=\"c2ln\"");

        assertThat(header).hasValue(new AuthorizationHeader("shop-1", "1796033731", "n-1", "c2ln"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Bearer abc",
                "ORDERFLOW-HMAC-SHA256 shop_id=\"s\",timestamp=\"1\",nonce=\"n\"",
                "ORDERFLOW-HMAC-SHA256 shop_id=\"s\",timestamp=\"x1\",nonce=\"n\",signature=\"c\"",
                "ORDERFLOW-HMAC-SHA256 shop_id=\"s\",timestamp=\"1\",nonce=\"n\",signature=\"c\",shop_id=\"t\"",
                "ORDERFLOW-HMAC-SHA256 shop_id=\"s\",timestamp=\"1\",nonce=\"n\",signature=\"c\" trailing",
                "ORDERFLOW-HMAC-SHA256 shop_id=s,timestamp=\"1\",nonce=\"n\",signature=\"c\"",
                "ORDERFLOW-HMAC-SHA256 shop_id=\"s\",timestamp=\"1\",nonce=\"bad nonce\",signature=\"c\""
            })
    void refusesGarbledHeaders(String header) {
        assertThat(AuthorizationHeader.parse(header)).isEmpty();
    }
}
