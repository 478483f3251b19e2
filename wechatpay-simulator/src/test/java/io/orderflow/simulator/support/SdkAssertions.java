package io.orderflow.simulator.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wechat.pay.java.core.exception.ServiceException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on the SDK's view of WeChat errors. */
public final class SdkAssertions {

    private SdkAssertions() {}

    public static void assertError(ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ServiceException.class, ex -> {
            assertThat(ex.getHttpStatusCode()).isEqualTo(status);
            assertThat(ex.getErrorCode()).isEqualTo(code);
        });
    }
}
