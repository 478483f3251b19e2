package io.orderflow.notify.callback;

import com.wechat.pay.java.core.exception.DecryptionException;
import com.wechat.pay.java.core.notification.RequestParam;
import io.orderflow.platform.wechatpay.MerchantClients;
import io.orderflow.platform.wechatpay.WechatPayClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides whether a callback is WeChat Pay's, in the order that exposes the least: the
 * timestamp window, probe markers, the merchant, then the signature with the merchant's keys
 * (public key and platform certificates at once) and only then decryption. Nothing reads
 * the body before the signature holds.
 */
class CallbackVerifier {

    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final String PROBE = "WECHATPAY/SIGNTEST/";

    private final WechatPayClients merchants;
    private final Clock clock;

    CallbackVerifier(WechatPayClients merchants, Clock clock) {
        this.merchants = merchants;
        this.clock = clock;
    }

    /**
     * Verifies and decrypts.
     *
     * @throws CallbackRejected when the callback is not trusted
     * @throws IllegalStateException when it is signed correctly but cannot be decrypted with
     *     our APIv3 key: our configuration is wrong, and WeChat must retry later
     */
    <T> T verify(RawCallback callback, Class<T> resourceType) {
        checkTimestamp(callback.header(RawCallback.TIMESTAMP));
        String serial = callback.header(RawCallback.SERIAL);
        String signature = callback.header(RawCallback.SIGNATURE);
        if ((serial != null && serial.startsWith(PROBE)) || (signature != null && signature.startsWith(PROBE))) {
            throw new CallbackRejected("SIGNTEST_PROBE", "signature probe refused");
        }
        MerchantClients clients = merchants
                .find(callback.mchid())
                .orElseThrow(() -> new CallbackRejected("UNKNOWN_MERCHANT", "no merchant " + callback.mchid()));
        try {
            return clients.notifications().parse(requestParam(callback), resourceType);
        } catch (DecryptionException e) {
            throw new IllegalStateException(
                    "callback for " + callback.mchid() + " verified but does not decrypt "
                            + "with the configured APIv3 key",
                    e);
        } catch (RuntimeException e) {
            // the SDK signals a bad signature, an unknown serial or a broken body in several ways
            throw new CallbackRejected(
                    "BAD_SIGNATURE", "callback not verified: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Any number of seconds parses, so the window is checked in seconds, never through {@link Instant}: a value
     * beyond Instant's range (or {@code Long.MIN_VALUE}) is simply far outside the window, not an error.
     */
    private void checkTimestamp(String header) {
        long seconds;
        try {
            seconds = Long.parseLong(header == null ? "" : header.strip());
        } catch (NumberFormatException e) {
            throw new CallbackRejected("STALE_TIMESTAMP", "missing or malformed Wechatpay-Timestamp");
        }
        long now = clock.instant().getEpochSecond();
        if (seconds < now - WINDOW.toSeconds() || seconds > now + WINDOW.toSeconds()) {
            throw new CallbackRejected(
                    "STALE_TIMESTAMP",
                    "Wechatpay-Timestamp " + seconds + " is outside " + WINDOW.toMinutes() + " minutes of " + now);
        }
    }

    private static RequestParam requestParam(RawCallback callback) {
        RequestParam.Builder builder = new RequestParam.Builder()
                .serialNumber(callback.header(RawCallback.SERIAL))
                .nonce(callback.header(RawCallback.NONCE))
                .signature(callback.header(RawCallback.SIGNATURE))
                .timestamp(callback.header(RawCallback.TIMESTAMP))
                .body(callback.body());
        String signType = callback.header(RawCallback.SIGNATURE_TYPE);
        return signType == null ? builder.build() : builder.signType(signType).build();
    }
}
