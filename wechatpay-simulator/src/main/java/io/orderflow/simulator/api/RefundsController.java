package io.orderflow.simulator.api;

import io.orderflow.simulator.ledger.ApiError;
import io.orderflow.simulator.ledger.Refunds;
import io.orderflow.simulator.ledger.Representations;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Domestic refunds: create and query by out_refund_no. */
@RestController
class RefundsController {

    private static final Pattern OUT_REFUND_NO = Pattern.compile("[0-9A-Za-z_\\-|*@]{1,64}");

    private final Refunds refunds;

    RefundsController(Refunds refunds) {
        this.refunds = refunds;
    }

    @PostMapping("/v3/refund/domestic/refunds")
    Map<String, Object> create(
            @RequestAttribute(ApiExchangeFilter.MCHID) String mchid, @RequestBody Map<String, Object> body) {
        validate(body);
        return Representations.refund(refunds.create(mchid, body));
    }

    @GetMapping("/v3/refund/domestic/refunds/{outRefundNo}")
    Map<String, Object> query(
            @RequestAttribute(ApiExchangeFilter.MCHID) String mchid, @PathVariable String outRefundNo) {
        return Representations.refund(refunds.find(mchid, outRefundNo));
    }

    private static void validate(Map<String, Object> body) {
        Fields fields = Fields.of(body);
        String transactionId = fields.string("transaction_id", 32, false);
        String outTradeNo = fields.string("out_trade_no", 32, false);
        if (transactionId == null && outTradeNo == null) {
            throw ApiError.paramError("/transaction_id", "body", "transaction_id 和 out_trade_no 必须二选一");
        }
        fields.matching("out_refund_no", OUT_REFUND_NO, true);
        fields.string("reason", 80, false);
        fields.matching("notify_url", TransactionsController.NOTIFY_URL, false);
        Fields amount = fields.object("amount", true);
        amount.positive("refund");
        amount.positive("total");
        amount.currency("currency", true);
    }
}
