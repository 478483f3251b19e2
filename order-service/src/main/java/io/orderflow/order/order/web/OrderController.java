package io.orderflow.order.order.web;

import io.orderflow.order.order.domain.Order;
import io.orderflow.order.order.domain.RefundOrder;
import io.orderflow.order.order.store.OrderQuery;
import io.orderflow.order.order.usecase.NewOrder;
import io.orderflow.order.order.usecase.OrderManagement;
import io.orderflow.order.order.usecase.OrderPage;
import io.orderflow.order.order.usecase.OrderProperties;
import io.orderflow.order.order.usecase.WaitPreference;
import io.orderflow.order.shop.Shop;
import io.orderflow.order.shop.web.ShopAuthenticationFilter;
import io.orderflow.platform.webhook.WebhookAddresses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The shop API: create, read, look up, list, close and refund orders. */
@RestController
@RequestMapping(path = "/v1/orders", produces = "application/json")
@SecurityRequirement(name = OpenApiConfiguration.SHOP_SIGNATURE)
class OrderController {

    private final OrderManagement orders;
    private final OrderProperties properties;
    private final WebhookAddresses addresses;

    OrderController(OrderManagement orders, OrderProperties properties, WebhookAddresses addresses) {
        this.orders = orders;
        this.properties = properties;
        this.addresses = addresses;
    }

    /** 201 with a new order, 200 with the existing one for a retry; {@code Prefer: wait=N} waits for pay params. */
    @Operation(summary = "Create an order (idempotent per shop_order_no)")
    @ApiResponse(responseCode = "201", description = "created")
    @ApiResponse(responseCode = "200", description = "an earlier create with the same shop_order_no and body")
    @ErrorResponse(
            code = "400",
            description =
                    "a field breaks WeChat's limits (FIELD_INVALID, FIELD_MISSING, BODY_INVALID), or notify_url is refused (WEBHOOK_URL_INVALID, WEBHOOK_URL_NOT_HTTPS, WEBHOOK_URL_HOST_UNKNOWN, WEBHOOK_URL_ADDRESS_FORBIDDEN)")
    @ShopSignatureRefused
    @ErrorResponse(code = "403", description = "the payer is blocked for this shop (PAYER_BLOCKED)")
    @ErrorResponse(code = "409", description = "shop_order_no used with another body (SHOP_ORDER_NO_CONFLICT)")
    @ErrorResponse(code = "413", description = "body over 64 KiB (BODY_TOO_LARGE)")
    @ErrorResponse(
            code = "422",
            description =
                    "a risk limit refuses the order (ORDER_AMOUNT_LIMIT_EXCEEDED, PAYER_ORDER_LIMIT_EXCEEDED, PAYER_AMOUNT_LIMIT_EXCEEDED)")
    @ErrorResponse(
            code = "429",
            description =
                    "more create requests per second than the shop's rate (RATE_LIMITED); Retry-After says when to retry")
    @PostMapping
    ResponseEntity<OrderView> create(
            @Parameter(hidden = true) @RequestAttribute(ShopAuthenticationFilter.SHOP) Shop shop,
            @Valid @RequestBody OrderRequests.CreateOrder request,
            @Parameter(description = "wait=N: wait up to N seconds for pay_params")
                    @RequestHeader(name = "Prefer", required = false)
                    String prefer) {
        NewOrder order = OrderRequestRules.newOrder(request, properties, addresses);
        OrderManagement.Creation creation = orders.create(shop, order, WaitPreference.parse(prefer));
        Order answer = creation.order();
        ResponseEntity.BodyBuilder response = creation.created()
                ? ResponseEntity.created(
                        URI.create("/v1/orders/" + answer.terms().orderId()))
                : ResponseEntity.ok();
        if (!creation.appliedWait().isZero()) {
            response.header(
                    "Preference-Applied", "wait=" + creation.appliedWait().toSeconds());
        }
        return response.body(OrderView.of(answer));
    }

    @Operation(summary = "Read an order")
    @ApiResponse(responseCode = "200", description = "the order")
    @ShopSignatureRefused
    @OrderNotFound
    @GetMapping("/{order_id}")
    OrderView get(
            @Parameter(hidden = true) @RequestAttribute(ShopAuthenticationFilter.SHOP) Shop shop,
            @PathVariable("order_id") String orderId) {
        return OrderView.of(orders.find(shop, orderId));
    }

    /** Looks up by shop_order_no, or lists by status and creation time, newest first, a page at a time. */
    @Operation(summary = "Look up by shop_order_no, or list by status and creation time")
    @ApiResponse(responseCode = "200", description = "a page of orders, or the one with that shop_order_no")
    @ErrorResponse(code = "400", description = "a parameter is invalid (FIELD_INVALID, PAGE_TOKEN_INVALID)")
    @ShopSignatureRefused
    @ErrorResponse(code = "404", description = "no order with that shop_order_no (ORDER_NOT_FOUND)")
    @GetMapping
    OrderView.Page list(
            @Parameter(hidden = true) @RequestAttribute(ShopAuthenticationFilter.SHOP) Shop shop,
            @RequestParam(name = "shop_order_no", required = false) String shopOrderNo,
            @Parameter(description = "every status, filled in by OpenApiConfiguration")
                    @RequestParam(name = "status", required = false)
                    String status,
            @Parameter(description = "ISO-8601 instant, inclusive")
                    @RequestParam(name = "created_from", required = false)
                    String createdFrom,
            @Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(name = "created_to", required = false)
                    String createdTo,
            @Parameter(description = "1 to 100, default 20") @RequestParam(name = "page_size", required = false)
                    Integer pageSize,
            @RequestParam(name = "page_token", required = false) String pageToken) {
        if (shopOrderNo != null) {
            return new OrderView.Page(
                    List.of(OrderView.of(orders.findByShopOrderNo(shop, ListParameters.shopOrderNo(shopOrderNo)))),
                    null);
        }
        OrderQuery query = new OrderQuery(
                shop.shopId(),
                ListParameters.status(status),
                ListParameters.instant("created_from", createdFrom),
                ListParameters.instant("created_to", createdTo),
                PageTokens.decode(pageToken),
                ListParameters.pageSize(pageSize));
        OrderPage page = orders.list(query);
        return new OrderView.Page(page.orders().stream().map(OrderView::of).toList(), PageTokens.encode(page.next()));
    }

    @Operation(summary = "Close an unpaid order")
    @ApiResponse(responseCode = "202", description = "close requested (PENDING) or already final")
    @ShopSignatureRefused
    @OrderNotFound
    @ErrorResponse(code = "409", description = "paid orders cannot be closed (ORDER_NOT_CLOSABLE)")
    @PostMapping("/{order_id}/close")
    ResponseEntity<OrderView> close(
            @Parameter(hidden = true) @RequestAttribute(ShopAuthenticationFilter.SHOP) Shop shop,
            @PathVariable("order_id") String orderId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(OrderView.of(orders.close(shop, orderId)));
    }

    @Operation(summary = "Refund part or all of a paid order")
    @ApiResponse(responseCode = "202", description = "refund requested, or the same out_refund_no and amount again")
    @ErrorResponse(code = "400", description = "a field is invalid (FIELD_INVALID, FIELD_MISSING)")
    @ShopSignatureRefused
    @OrderNotFound
    @ErrorResponse(
            code = "409",
            description = "not paid (ORDER_NOT_PAID) or out_refund_no used otherwise (OUT_REFUND_NO_CONFLICT)")
    @ErrorResponse(code = "422", description = "above total - refunded - in flight (REFUND_AMOUNT_EXCEEDS_REMAINING)")
    @PostMapping("/{order_id}/refunds")
    ResponseEntity<OrderView> refund(
            @Parameter(hidden = true) @RequestAttribute(ShopAuthenticationFilter.SHOP) Shop shop,
            @PathVariable("order_id") String orderId,
            @Valid @RequestBody OrderRequests.CreateRefund request) {
        RefundOrder refund =
                new RefundOrder(request.outRefundNo(), request.amount().refund(), request.reason());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(OrderView.of(orders.refund(shop, orderId, refund)));
    }
}
