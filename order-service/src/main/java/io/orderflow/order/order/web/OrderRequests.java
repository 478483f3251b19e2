package io.orderflow.order.order.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the shop API, with WeChat Pay's own limits. */
final class OrderRequests {

    /** WeChat Pay takes only 1- to 3-byte UTF-8 characters: anything beyond the BMP (emoji) fails the prepay. */
    static final String WECHAT_TEXT = "[^\\x{10000}-\\x{10FFFF}]*";

    static final String WECHAT_TEXT_MESSAGE =
            "must hold only characters WeChat Pay accepts (no emoji or other 4-byte UTF-8)";

    private OrderRequests() {}

    @Schema(name = "CreateOrderRequest")
    record CreateOrder(
            @Schema(description = "the shop's own order number, unique per shop; the idempotency key of creation")
            @JsonProperty("shop_order_no")
            @NotNull
            @Size(min = 1, max = 64)
            String shopOrderNo,

            @Schema(description = "shown to the payer (WeChat's description)")
            @NotNull
            @Size(min = 1, max = 127)
            @Pattern(regexp = WECHAT_TEXT, message = WECHAT_TEXT_MESSAGE)
            String description,

            @NotNull @Valid Amount amount,
            @NotNull @Valid Payer payer,

            @Schema(description = "opaque data returned to the shop (WeChat's attach)")
            @Size(max = 128)
            @Pattern(regexp = WECHAT_TEXT, message = WECHAT_TEXT_MESSAGE)
            String attach,

            @Schema(description = "seconds the order stays payable; default 1800, bounded by configuration")
            @JsonProperty("expire_in_seconds")
            @Min(1)
            Long expireInSeconds,

            @Schema(
                    description =
                            "this order's own webhook URL (like WeChat's notify_url): its status changes are POSTed "
                                    + "here, signed with the shop's webhook secret, instead of to the shop's webhook endpoints; checked "
                                    + "like an endpoint's URL (WEBHOOK_URL_INVALID, WEBHOOK_URL_NOT_HTTPS, WEBHOOK_URL_HOST_UNKNOWN, "
                                    + "WEBHOOK_URL_ADDRESS_FORBIDDEN)")
            @JsonProperty("notify_url")
            String notifyUrl) {}

    @Schema(name = "OrderAmount")
    record Amount(
            @Schema(description = "order total in fen (1/100 CNY)") @NotNull @Min(1)
            Long total,

            @Schema(description = "only CNY") @Pattern(regexp = "CNY", message = "must be CNY")
            String currency) {}

    @Schema(name = "Payer")
    record Payer(
            @Schema(description = "the payer's openid under the shop's appid")
            @NotNull
            @Pattern(regexp = "[0-9A-Za-z_\\-]{1,128}", message = "must be 1 to 128 characters of [0-9A-Za-z_-]")
            String openid) {}

    @Schema(name = "CreateRefundRequest")
    record CreateRefund(
            @Schema(
                    description =
                            "the shop's refund number, sent to WeChat unchanged; unique per merchant; may not start "
                                    + "with @, which orderflow's own refunds use")
            @JsonProperty("out_refund_no")
            @NotNull
            @Pattern(
                    regexp = "(?!@)[0-9A-Za-z_\\-|*@]{1,64}",
                    message = "must be 1 to 64 characters of "
                            + "[0-9A-Za-z_-|*@], not starting with @ (reserved for orderflow's own refunds)")
            String outRefundNo,

            @NotNull @Valid RefundAmount amount,

            @Schema(description = "shown to the payer")
            @Size(max = 80)
            @Pattern(regexp = WECHAT_TEXT, message = WECHAT_TEXT_MESSAGE)
            String reason) {}

    @Schema(name = "RefundAmount")
    record RefundAmount(
            @Schema(description = "amount to refund in fen") @NotNull @Min(1)
            Long refund,

            @Schema(description = "only CNY") @Pattern(regexp = "CNY", message = "must be CNY")
            String currency) {}
}
