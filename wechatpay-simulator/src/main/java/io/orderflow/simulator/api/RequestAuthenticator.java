package io.orderflow.simulator.api;

import io.orderflow.simulator.SimulatedTime;
import io.orderflow.simulator.crypto.Rsa;
import io.orderflow.simulator.keys.KeyRing;
import io.orderflow.simulator.keys.Merchant;
import io.orderflow.simulator.ledger.ApiError;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the {@code Authorization} header as WeChat does: schema, known mchid, the merchant's
 * certificate serial, a timestamp within 5 minutes and SHA256withRSA over
 * {@code METHOD\nTARGET\nts\nnonce\nbody\n}, with the target exactly as received.
 */
class RequestAuthenticator {

    static final String SCHEMA = "WECHATPAY2-SHA256-RSA2048";

    private static final Pattern PAIR = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private static final long MAX_SKEW_SECONDS = 300;

    private final KeyRing keys;

    private final SimulatedTime time;

    RequestAuthenticator(KeyRing keys, SimulatedTime time) {
        this.keys = keys;
        this.time = time;
    }

    Merchant authenticate(String method, String target, String authorization, String body) {
        if (authorization == null || !authorization.startsWith(SCHEMA + " ")) {
            throw signError("Authorization 缺失或签名方式不是 " + SCHEMA);
        }
        Map<String, String> fields = parse(authorization.substring(SCHEMA.length() + 1));
        Merchant merchant = keys.merchant(fields.get("mchid")).orElseThrow(() -> signError("商户号不存在"));
        if (merchant.serialNo() == null || !merchant.serialNo().equalsIgnoreCase(fields.get("serial_no"))) {
            throw signError("商户证书序列号有误");
        }
        checkTimestamp(fields.get("timestamp"));
        String message = method + "\n" + target + "\n" + fields.get("timestamp") + "\n" + fields.get("nonce_str") + "\n"
                + body + "\n";
        if (fields.get("nonce_str") == null
                || fields.get("signature") == null
                || !Rsa.verify(merchant.publicKey(), message, fields.get("signature"))) {
            throw signError("签名错误");
        }
        return merchant;
    }

    private void checkTimestamp(String timestamp) {
        try {
            long skew = Math.abs(time.now().getEpochSecond() - Long.parseLong(timestamp));
            if (skew > MAX_SKEW_SECONDS) {
                throw signError("请求时间戳与当前时间相差超过5分钟");
            }
        } catch (NumberFormatException ex) {
            throw signError("timestamp 格式错误");
        }
    }

    private static Map<String, String> parse(String credentials) {
        Map<String, String> fields = new HashMap<>();
        Matcher matcher = PAIR.matcher(credentials);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2));
        }
        return fields;
    }

    private static ApiError signError(String message) {
        return new ApiError(401, "SIGN_ERROR", message);
    }
}
