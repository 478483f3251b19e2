package io.orderflow.order.order.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderflow.events.OrderStatus;
import io.orderflow.order.order.domain.Order;
import io.orderflow.order.order.domain.OrderState;
import io.orderflow.order.order.domain.OrderTerms;
import io.orderflow.order.order.domain.PayParams;
import io.orderflow.order.order.domain.Refund;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** An order as the shop sees it. */
@Schema(name = "Order")
@JsonInclude(JsonInclude.Include.NON_NULL)
record OrderView(
        @Schema(description = "the order id; WeChat's out_trade_no") @JsonProperty("order_id")
        String orderId,

        @JsonProperty("shop_order_no") String shopOrderNo,
        OrderStatus status,
        String description,
        AmountView amount,

        @Schema(description = "refunded so far, in fen") @JsonProperty("refunded_amount")
        long refundedAmount,

        String attach,
        @JsonProperty("transaction_id") String transactionId,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("expire_at") Instant expireAt,
        @JsonProperty("paid_at") Instant paidAt,

        @Schema(description = "rises by one with every status change, from 1 at creation")
        long version,

        @Schema(description = "JSAPI parameters for WeixinJSBridge getBrandWCPayRequest, once prepaid")
        @JsonProperty("pay_params")
        PayParamsView payParams,

        List<RefundView> refunds,

        @Schema(description = "the order's own webhook URL, when it was created with one") @JsonProperty("notify_url")
        String notifyUrl) {

    static OrderView of(Order order) {
        OrderTerms t = order.terms();
        OrderState s = order.state();
        return new OrderView(
                t.orderId(),
                t.shopOrderNo(),
                s.status(),
                t.description(),
                new AmountView(t.amount().fen(), t.amount().currency()),
                s.refundedFen(),
                t.attach(),
                s.transactionId(),
                t.createdAt(),
                t.expireAt(),
                s.paidAt(),
                s.version(),
                PayParamsView.of(s.payParams()),
                order.refunds().stream().map(RefundView::of).toList(),
                t.notifyUrl());
    }

    @Schema(name = "Amount")
    record AmountView(@Schema(description = "in fen") long total, String currency) {}

    /** WeChat's exact JSAPI parameter names. */
    @Schema(name = "PayParams")
    record PayParamsView(
            @JsonProperty("appId") String appId,
            @JsonProperty("timeStamp") String timeStamp,
            @JsonProperty("nonceStr") String nonceStr,
            @JsonProperty("package") String packageValue,
            @JsonProperty("signType") String signType,
            @JsonProperty("paySign") String paySign) {

        static PayParamsView of(PayParams params) {
            return params == null
                    ? null
                    : new PayParamsView(
                            params.appId(),
                            params.timeStamp(),
                            params.nonceStr(),
                            params.packageValue(),
                            params.signType(),
                            params.paySign());
        }
    }

    @Schema(name = "Refund")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RefundView(
            @JsonProperty("out_refund_no") String outRefundNo,
            RefundAmountView amount,

            @Schema(description = "REQUESTED, PROCESSING, SUCCESS, CLOSED, ABNORMAL or REJECTED")
            String status,

            @JsonProperty("refund_id") String refundId,
            String reason,
            @JsonProperty("requested_at") Instant requestedAt,
            @JsonProperty("success_time") Instant successTime) {

        static RefundView of(Refund refund) {
            return new RefundView(
                    refund.outRefundNo(),
                    new RefundAmountView(refund.amount().fen(), refund.amount().currency()),
                    refund.state().name(),
                    refund.refundId(),
                    refund.reason(),
                    refund.requestedAt(),
                    refund.successTime());
        }
    }

    @Schema(name = "RefundAmountView")
    record RefundAmountView(@Schema(description = "in fen") long refund, String currency) {}

    /** A page of orders. */
    @Schema(name = "OrderList")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Page(
            List<OrderView> orders,

            @Schema(description = "pass as page_token for the next page; absent on the last page")
            @JsonProperty("next_page_token")
            String nextPageToken) {}
}
