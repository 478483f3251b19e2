package io.orderflow.simulator.api;

import io.orderflow.simulator.SimulatedTime;
import io.orderflow.simulator.crypto.Nonces;
import io.orderflow.simulator.crypto.Rsa;
import io.orderflow.simulator.keys.KeyRing;
import io.orderflow.simulator.keys.WechatPayKey;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;

/**
 * Signs responses as {@code ts\nnonce\nbody\n}. The key follows the serial the client sent
 * (public key id or certificate serial), as WeChat does during a key migration; otherwise the
 * primary key answers with its public key id. Header names are written in WeChat's exact case.
 */
public class ResponseSigner {

    public static final String SIGNATURE_TYPE = "WECHATPAY2-SHA256-RSA2048";

    private final KeyRing keys;

    private final SimulatedTime time;

    public ResponseSigner(KeyRing keys, SimulatedTime time) {
        this.keys = keys;
        this.time = time;
    }

    /**
     * WeChat's form, {@code 08F78BB5AF0610D302189F99DD5C20BA56F89845-0}: 40 upper-case hex digits starting
     * {@code 08}, a dash and a number. WeChat puts an internal error number after the dash of some errors; which
     * number belongs to which error is documented for a few only, so the simulator always answers {@code 0}.
     */
    static String requestId() {
        return "08" + Nonces.upperHex(38) + "-0";
    }

    void sign(HttpServletResponse response, String requestSerial, byte[] body) {
        WechatPayKey key = keys.keyFor(requestSerial).orElse(keys.primary());
        boolean certificateMode = requestSerial != null && requestSerial.equalsIgnoreCase(key.certificateSerial());
        String serial = certificateMode ? key.certificateSerial() : key.publicKeyId();
        String timestamp = String.valueOf(time.now().getEpochSecond());
        String nonce = Nonces.alphanumeric(32);
        String message = timestamp + "\n" + nonce + "\n" + new String(body, StandardCharsets.UTF_8) + "\n";
        response.setHeader("Request-ID", requestId());
        response.setHeader("Wechatpay-Nonce", nonce);
        response.setHeader("Wechatpay-Signature", Rsa.sign(key.privateKey(), message));
        response.setHeader("Wechatpay-Timestamp", timestamp);
        response.setHeader("Wechatpay-Serial", serial);
        response.setHeader("Wechatpay-Signature-Type", SIGNATURE_TYPE);
    }
}
