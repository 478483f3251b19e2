package io.orderflow.order.risk.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderflow.order.risk.LimitOverrides;
import io.orderflow.order.risk.Limits;
import io.orderflow.order.risk.PayerBlock;
import io.orderflow.order.risk.RiskManagement;
import io.orderflow.order.shop.ShopNotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Risk administration behind the admin token: a shop's limits, and payer blocklists per shop
 * ({@code /admin/v1/shops/{shop_id}/blocklist}) or global ({@code /admin/v1/blocklist}). Openids travel in
 * bodies, never in paths, so that no access log or proxy records them.
 */
@RestController
@RequestMapping(path = "/admin/v1", produces = "application/json")
class RiskAdminController {

    private final RiskManagement risk;

    RiskAdminController(RiskManagement risk) {
        this.risk = risk;
    }

    @GetMapping("/shops/{shop_id}/limits")
    LimitsView limits(@PathVariable("shop_id") String shopId) {
        return LimitsView.of(risk.limits(shopId));
    }

    @PutMapping("/shops/{shop_id}/limits")
    LimitsView setLimits(@PathVariable("shop_id") String shopId, @Valid @RequestBody LimitsBody body) {
        return LimitsView.of(risk.setLimits(shopId, body.overrides()));
    }

    @GetMapping("/blocklist")
    Map<String, List<BlockView>> globalBlocklist() {
        return blocklist(null);
    }

    @PostMapping("/blocklist")
    ResponseEntity<Map<String, Object>> blockEverywhere(@Valid @RequestBody BlockBody body) {
        return block(null, body);
    }

    @PostMapping("/blocklist/remove")
    Map<String, Object> unblockEverywhere(@Valid @RequestBody BlockBody body) {
        return Map.of("removed", risk.unblock(null, body.openid()));
    }

    @GetMapping("/shops/{shop_id}/blocklist")
    Map<String, List<BlockView>> shopBlocklist(@PathVariable("shop_id") String shopId) {
        return blocklist(shopId);
    }

    @PostMapping("/shops/{shop_id}/blocklist")
    ResponseEntity<Map<String, Object>> blockAtShop(
            @PathVariable("shop_id") String shopId, @Valid @RequestBody BlockBody body) {
        return block(shopId, body);
    }

    @PostMapping("/shops/{shop_id}/blocklist/remove")
    Map<String, Object> unblockAtShop(@PathVariable("shop_id") String shopId, @Valid @RequestBody BlockBody body) {
        return Map.of("removed", risk.unblock(shopId, body.openid()));
    }

    @ExceptionHandler(ShopNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(ShopNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("code", "SHOP_NOT_FOUND", "message", e.getMessage()));
    }

    private Map<String, List<BlockView>> blocklist(String shopId) {
        return Map.of(
                "blocked", risk.blocked(shopId).stream().map(BlockView::of).toList());
    }

    private ResponseEntity<Map<String, Object>> block(String shopId, BlockBody body) {
        boolean added = risk.block(shopId, body.openid(), body.reason());
        return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(Map.of("added", added));
    }

    record BlockBody(
            @NotBlank @Size(max = 128) String openid,
            @Size(max = 256) String reason) {}

    record BlockView(
            String openid,
            String reason,
            @JsonProperty("created_at") Instant createdAt) {
        static BlockView of(PayerBlock block) {
            return new BlockView(block.openid(), block.reason(), block.createdAt());
        }
    }

    /** Overrides in snake_case; a missing or null field means "use the default". */
    record LimitsBody(
            @JsonProperty("max_order_amount_fen") @Positive Long maxOrderAmountFen,
            @JsonProperty("payer_max_orders") @Positive Integer payerMaxOrders,
            @JsonProperty("payer_max_amount_fen") @Positive Long payerMaxAmountFen,
            @JsonProperty("payer_window_seconds") @Positive Integer payerWindowSeconds,
            @JsonProperty("creates_per_second") @Positive Integer createsPerSecond) {

        LimitOverrides overrides() {
            return new LimitOverrides(
                    maxOrderAmountFen, payerMaxOrders, payerMaxAmountFen, payerWindowSeconds, createsPerSecond);
        }

        static LimitsBody of(LimitOverrides o) {
            return new LimitsBody(
                    o.maxOrderAmountFen(),
                    o.payerMaxOrders(),
                    o.payerMaxAmountFen(),
                    o.payerWindowSeconds(),
                    o.createsPerSecond());
        }

        static LimitsBody of(Limits l) {
            return new LimitsBody(
                    l.maxOrderAmountFen(),
                    l.payerMaxOrders(),
                    l.payerMaxAmountFen(),
                    Math.toIntExact(l.payerWindow().toSeconds()),
                    l.createsPerSecond());
        }
    }

    record LimitsView(LimitsBody overrides, LimitsBody effective) {
        static LimitsView of(RiskManagement.ShopLimits limits) {
            return new LimitsView(LimitsBody.of(limits.overrides()), LimitsBody.of(limits.effective()));
        }
    }
}
