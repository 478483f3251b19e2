package io.orderflow.order.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on API answers. */
public final class ApiAssertions {

    private ApiAssertions() {}

    /** The answer is the error with that status and code, and its message mentions the part. */
    public static void assertError(ShopClient.Answer answer, int status, String code, String messagePart) {
        assertThat(answer.status()).as("%s", answer.json()).isEqualTo(status);
        assertThat(answer.text("code")).isEqualTo(code);
        assertThat(answer.text("message")).contains(messagePart);
    }
}
