package io.orderflow.simulator.callback;

import io.orderflow.simulator.SimulatedTime;
import io.orderflow.simulator.crypto.AesGcm;
import io.orderflow.simulator.crypto.Nonces;
import io.orderflow.simulator.crypto.Rsa;
import io.orderflow.simulator.keys.KeyRing;
import io.orderflow.simulator.ledger.Ids;
import io.orderflow.simulator.ledger.Order;
import io.orderflow.simulator.ledger.Refund;
import io.orderflow.simulator.ledger.Representations;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Builds notification bodies (resource encrypted under the merchant's APIv3 key) and their signed headers. */
class Notifications {

    private final KeyRing keys;

    private final SimulatedTime time;

    private final JsonMapper json;

    Notifications(KeyRing keys, SimulatedTime time, JsonMapper json) {
        this.keys = keys;
        this.time = time;
        this.json = json;
    }

    Notification paid(Order order) {
        String id = UUID.randomUUID().toString();
        String body = body(
                id,
                "TRANSACTION.SUCCESS",
                "支付成功",
                "transaction",
                order.mchid(),
                Representations.paidNotification(order));
        return new Notification(id, "TRANSACTION.SUCCESS", order, null, order.notifyUrl(), body);
    }

    Notification refundFinished(Refund refund) {
        String event = refund.status().eventType();
        String summary = switch (refund.status()) {
            case SUCCESS -> "退款成功";
            case ABNORMAL -> "退款异常";
            default -> "退款关闭";
        };
        String id = UUID.randomUUID().toString();
        String body =
                body(id, event, summary, "refund", refund.order().mchid(), Representations.refundNotification(refund));
        return new Notification(id, event, refund.order(), refund.outRefundNo(), refund.notifyUrl(), body);
    }

    /** A payment notification about {@code about} that WeChat did not send: {@code transaction} under a fresh id. */
    Notification forgedPayment(Order about, String url, Map<String, Object> transaction) {
        String id = UUID.randomUUID().toString();
        String body = body(id, "TRANSACTION.SUCCESS", "支付成功", "transaction", about.mchid(), transaction);
        return new Notification(id, "TRANSACTION.SUCCESS", about, null, url, body);
    }

    /** A refund notification WeChat did not send: {@code resource} in place of the refund's own, under a fresh id. */
    Notification forgedRefund(Refund refund, Map<String, Object> resource) {
        String event = refund.status().eventType();
        String id = UUID.randomUUID().toString();
        String body = body(id, event, "退款成功", "refund", refund.order().mchid(), resource);
        return new Notification(id, event, refund.order(), refund.outRefundNo(), refund.notifyUrl(), body);
    }

    /** Wechatpay-* headers over the raw body, signed now with the primary key (fresh per attempt). */
    Map<String, String> headers(Notification notification) {
        return headers(notification, keys.primary().privateKey());
    }

    /** Headers signed by {@code key}; a key WeChat never had gives what a forger can produce. */
    Map<String, String> headers(Notification notification, PrivateKey key) {
        String body = notification.body();
        var primary = keys.primary();
        boolean certificate =
                keys.merchant(notification.order().mchid()).orElseThrow().certificateNotifications()
                        && primary.certificate() != null;
        String timestamp = String.valueOf(time.now().getEpochSecond());
        String nonce = Nonces.alphanumeric(32);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Wechatpay-Serial", certificate ? primary.certificateSerial() : primary.publicKeyId());
        headers.put("Wechatpay-Timestamp", timestamp);
        headers.put("Wechatpay-Nonce", nonce);
        headers.put("Wechatpay-Signature", Rsa.sign(key, timestamp + "\n" + nonce + "\n" + body + "\n"));
        headers.put("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
        return headers;
    }

    private String body(
            String id,
            String eventType,
            String summary,
            String originalType,
            String mchid,
            Map<String, Object> resource) {
        String apiV3Key = keys.merchant(mchid).orElseThrow().apiV3Key();
        String nonce = Nonces.alphanumeric(12);
        Map<String, Object> encrypted = new LinkedHashMap<>();
        encrypted.put("original_type", originalType);
        encrypted.put("algorithm", "AEAD_AES_256_GCM");
        encrypted.put("ciphertext", AesGcm.encrypt(apiV3Key, nonce, originalType, json.writeValueAsString(resource)));
        encrypted.put("associated_data", originalType);
        encrypted.put("nonce", nonce);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("create_time", Ids.rfc3339(time.now()));
        body.put("resource_type", "encrypt-resource");
        body.put("event_type", eventType);
        body.put("summary", summary);
        body.put("resource", encrypted);
        return json.writeValueAsString(body);
    }
}
