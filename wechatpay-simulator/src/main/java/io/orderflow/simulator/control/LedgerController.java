package io.orderflow.simulator.control;

import io.orderflow.simulator.api.ApiJournal;
import io.orderflow.simulator.ledger.ApiError;
import io.orderflow.simulator.ledger.CallbackDelivery;
import io.orderflow.simulator.ledger.Ids;
import io.orderflow.simulator.ledger.Ledger;
import io.orderflow.simulator.ledger.Order;
import io.orderflow.simulator.ledger.Refund;
import io.orderflow.simulator.ledger.RefundStatus;
import io.orderflow.simulator.ledger.Refunds;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Ground truth for consistency checks, and WeChat's side of refunds (outcome and timing). */
@RestController
class LedgerController {

    private final Ledger ledger;

    private final Refunds refunds;

    private final ApiJournal journal;

    LedgerController(Ledger ledger, Refunds refunds, ApiJournal journal) {
        this.ledger = ledger;
        this.refunds = refunds;
        this.journal = journal;
    }

    @GetMapping("/sim/v1/ledger")
    Map<String, Object> ledger() {
        return Map.of(
                "orders", ledger.orders().stream().map(LedgerController::order).toList());
    }

    /** The /v3 calls answered, oldest first: method, path, HTTP status, error code and the fault applied. */
    @GetMapping("/sim/v1/api-calls")
    List<ApiJournal.Call> apiCalls() {
        return journal.calls();
    }

    /** Body: {@code mchid}, {@code out_refund_no}, {@code status} SUCCESS, ABNORMAL or CLOSED. */
    @PostMapping("/sim/v1/refunds/complete")
    Map<String, Object> complete(@RequestBody Map<String, Object> body) {
        Refund refund = refunds.find(Bodies.required(body, "mchid"), Bodies.required(body, "out_refund_no"));
        RefundStatus status = RefundStatus.valueOf(Bodies.required(body, "status"));
        if (!refunds.finish(refund, status)) {
            throw ApiError.invalidRequest("refund is not PROCESSING");
        }
        return refund(refund);
    }

    /** Body: {@code delay_ms} (a WeChat delay, time-scaled) and/or {@code outcome} for later refunds. */
    @PutMapping("/sim/v1/refunds/settings")
    Map<String, Object> settings(@RequestBody Map<String, Object> body) {
        Long delay = Bodies.number(body, "delay_ms");
        String outcome = Bodies.text(body, "outcome");
        refunds.configure(
                delay == null ? null : Duration.ofMillis(delay),
                outcome == null ? null : RefundStatus.valueOf(outcome));
        return body;
    }

    private static Map<String, Object> order(Order order) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mchid", order.mchid());
        out.put("appid", order.appid());
        out.put("out_trade_no", order.outTradeNo());
        out.put("prepay_id", order.prepayId());
        out.put("transaction_id", order.transactionId());
        out.put("trade_state", order.state().name());
        out.put("total", order.total());
        out.put("notify_url", order.notifyUrl());
        out.put("create_time", Ids.rfc3339(order.createdAt()));
        out.put("success_time", Ids.rfc3339(order.successTime()));
        List<Refund> refunds = order.snapshotRefunds();
        out.put(
                "refunded",
                refunds.stream()
                        .filter(r -> r.status() == RefundStatus.SUCCESS)
                        .mapToLong(Refund::amount)
                        .sum());
        out.put("refunds", refunds.stream().map(LedgerController::refund).toList());
        out.put(
                "callbacks",
                order.deliveries().stream().map(LedgerController::delivery).toList());
        return out;
    }

    private static Map<String, Object> delivery(CallbackDelivery delivery) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("notification_id", delivery.notificationId());
        out.put("event_type", delivery.eventType());
        out.put("out_refund_no", delivery.outRefundNo());
        out.put("kind", delivery.kind());
        out.put("attempt", delivery.attempt());
        out.put("at", delivery.at().toString());
        out.put("http_status", delivery.httpStatus());
        out.put("outcome", delivery.outcome());
        return out;
    }

    private static Map<String, Object> refund(Refund refund) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("out_refund_no", refund.outRefundNo());
        out.put("refund_id", refund.refundId());
        out.put("amount", refund.amount());
        out.put("status", refund.status().name());
        out.put("create_time", Ids.rfc3339(refund.createdAt()));
        out.put("success_time", Ids.rfc3339(refund.successTime()));
        return out;
    }
}
