package io.orderflow.simulator.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.service.billdownload.DigestBillEntity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on the SDK's view of WeChat errors and of downloaded bills. */
public final class SdkAssertions {

    private SdkAssertions() {}

    public static void assertError(ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ServiceException.class, ex -> {
            assertThat(ex.getHttpStatusCode()).isEqualTo(status);
            assertThat(ex.getErrorCode()).isEqualTo(code);
        });
    }

    /** The downloaded bill's text, after asserting that it matches the hash WeChat announced for it. */
    public static String assertVerifiedBill(DigestBillEntity entity) {
        String content;
        try (var in = entity.getInputStream()) {
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        assertThat(entity.verifyHash()).isTrue();
        return content;
    }
}
