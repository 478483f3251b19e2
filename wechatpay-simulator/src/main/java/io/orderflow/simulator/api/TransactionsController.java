package io.orderflow.simulator.api;

import io.orderflow.simulator.keys.KeyRing;
import io.orderflow.simulator.ledger.ApiError;
import io.orderflow.simulator.ledger.Representations;
import io.orderflow.simulator.ledger.Trades;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSAPI prepay, order queries and close under /v3/pay/transactions. */
@RestController
class TransactionsController {

    static final Pattern OUT_TRADE_NO = Pattern.compile("[0-9A-Za-z_\\-|*]{6,32}");

    /** Absolute http(s) URL without a query string, at most 255 characters (plain http is allowed locally). */
    static final Pattern NOTIFY_URL = Pattern.compile("https?://[^?#\\s]{1,247}");

    private final Trades trades;

    private final KeyRing keys;

    TransactionsController(Trades trades, KeyRing keys) {
        this.trades = trades;
        this.keys = keys;
    }

    @PostMapping("/v3/pay/transactions/jsapi")
    Map<String, Object> prepay(
            @RequestAttribute(ApiExchangeFilter.MCHID) String mchid, @RequestBody Map<String, Object> body) {
        validatePrepay(mchid, body);
        return Map.of("prepay_id", trades.prepay(mchid, body).prepayId());
    }

    @GetMapping("/v3/pay/transactions/out-trade-no/{outTradeNo}")
    Map<String, Object> byOutTradeNo(
            @RequestAttribute(ApiExchangeFilter.MCHID) String caller,
            @PathVariable String outTradeNo,
            @RequestParam String mchid) {
        requireCaller(caller, mchid);
        return Representations.transaction(trades.find(mchid, outTradeNo));
    }

    @GetMapping("/v3/pay/transactions/id/{transactionId}")
    Map<String, Object> byTransactionId(
            @RequestAttribute(ApiExchangeFilter.MCHID) String caller,
            @PathVariable String transactionId,
            @RequestParam String mchid) {
        requireCaller(caller, mchid);
        return Representations.transaction(trades.findByTransactionId(mchid, transactionId));
    }

    @PostMapping("/v3/pay/transactions/out-trade-no/{outTradeNo}/close")
    ResponseEntity<Void> close(
            @RequestAttribute(ApiExchangeFilter.MCHID) String caller,
            @PathVariable String outTradeNo,
            @RequestBody Map<String, Object> body) {
        requireCaller(caller, Fields.of(body).string("mchid", 32, true));
        trades.close(caller, outTradeNo);
        return ResponseEntity.noContent().build();
    }

    private void validatePrepay(String mchid, Map<String, Object> body) {
        Fields fields = Fields.of(body);
        String appid = fields.string("appid", 32, true);
        requireCaller(mchid, fields.string("mchid", 32, true));
        fields.string("description", 127, true);
        fields.matching("out_trade_no", OUT_TRADE_NO, true);
        fields.timestamp("time_expire");
        fields.string("attach", 128, false);
        fields.matching("notify_url", NOTIFY_URL, true);
        Fields amount = fields.object("amount", true);
        amount.positive("total");
        amount.currency("currency", false);
        if (!(body.get("payer") instanceof Map<?, ?> payer) || payer.get("openid") == null) {
            throw new ApiError(
                    400,
                    "PARAM_ERROR",
                    "JSAPI支付必须传openid",
                    Map.of("field", "/payer/openid", "location", "body", "issue", "此字段为必填项"));
        }
        fields.object("payer", true).string("openid", 128, true);
        if (!keys.merchant(mchid).orElseThrow().owns(appid)) {
            throw new ApiError(400, "APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配");
        }
    }

    /** The mchid named in the request must be the one that signed it. */
    static void requireCaller(String caller, String mchid) {
        if (!caller.equals(mchid)) {
            throw ApiError.invalidRequest("请求中的商户号与签名的商户号不一致");
        }
    }
}
