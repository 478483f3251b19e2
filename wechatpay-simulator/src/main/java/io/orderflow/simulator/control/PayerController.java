package io.orderflow.simulator.control;

import io.orderflow.simulator.crypto.Rsa;
import io.orderflow.simulator.keys.KeyRing;
import io.orderflow.simulator.ledger.ApiError;
import io.orderflow.simulator.ledger.Ledger;
import io.orderflow.simulator.ledger.Order;
import io.orderflow.simulator.ledger.Representations;
import io.orderflow.simulator.ledger.Trades;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Acting as the payer: pay or fail an order, check a JSAPI paySign, and publish the public keys. */
@RestController
class PayerController {

    private final Trades trades;

    private final Ledger ledger;

    private final KeyRing keys;

    PayerController(Trades trades, Ledger ledger, KeyRing keys) {
        this.trades = trades;
        this.ledger = ledger;
        this.keys = keys;
    }

    /** Body: {@code prepay_id} or {@code mchid}+{@code out_trade_no}; {@code outcome} SUCCESS (default) or FAIL. */
    @PostMapping("/sim/v1/payments")
    Map<String, Object> pay(@RequestBody Map<String, Object> body) {
        Order order = locate(body);
        boolean succeeds = !"FAIL".equals(Bodies.text(body, "outcome"));
        return Representations.transaction(trades.pay(order, succeeds));
    }

    /** What WeixinJSBridge checks before showing the pay sheet: paySign by the appId's merchant key. */
    @PostMapping("/sim/v1/jsapi/verify")
    Map<String, Object> verify(@RequestBody Map<String, Object> params) {
        String appId = Bodies.text(params, "appId");
        String pkg = String.valueOf(Bodies.text(params, "package"));
        String message = appId + "\n" + Bodies.text(params, "timeStamp") + "\n" + Bodies.text(params, "nonceStr") + "\n"
                + pkg + "\n";
        var merchant = keys.merchantOfAppid(appId);
        boolean valid = merchant.isPresent()
                && "RSA".equals(Bodies.text(params, "signType"))
                && Rsa.verify(merchant.get().publicKey(), message, String.valueOf(Bodies.text(params, "paySign")))
                && pkg.startsWith("prepay_id=")
                && ledger.orderByPrepayId(pkg.substring(10)).isPresent();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", valid);
        out.put("prepay_id", pkg.startsWith("prepay_id=") ? pkg.substring(10) : "");
        return out;
    }

    /** Public material only: the WeChat Pay public keys with their ids and certificate serials. */
    @GetMapping("/sim/v1/keys")
    List<Map<String, Object>> keys() {
        return keys.wechatPayKeys().stream()
                .map(key -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("public_key_id", key.publicKeyId());
                    out.put("certificate_serial", key.certificateSerial());
                    out.put("public_key_pem", key.publicKeyPem());
                    return out;
                })
                .toList();
    }

    /** Public merchant facts for clients of a standalone simulator; keys stay in the key directory. */
    @GetMapping("/sim/v1/merchants")
    List<Map<String, Object>> merchants() {
        return keys.merchants().stream()
                .map(merchant -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("mchid", merchant.mchid());
                    out.put("appids", merchant.appids());
                    out.put("serial_no", merchant.serialNo());
                    out.put("generated_key", merchant.privateKeyPem() != null);
                    return out;
                })
                .toList();
    }

    private Order locate(Map<String, Object> body) {
        String prepayId = Bodies.text(body, "prepay_id");
        if (prepayId != null) {
            // an old prepay_id, replaced after its 2 hours, no longer opens the pay sheet
            return ledger.orderByPrepayId(prepayId)
                    .filter(order -> order.prepayId().equals(prepayId))
                    .orElseThrow(() -> new ApiError(404, "ORDER_NOT_EXIST", "prepay_id 不存在或已过期"));
        }
        return trades.find(Bodies.required(body, "mchid"), Bodies.required(body, "out_trade_no"));
    }
}
