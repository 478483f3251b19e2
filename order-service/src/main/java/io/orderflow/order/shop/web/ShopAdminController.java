package io.orderflow.order.shop.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderflow.order.shop.Shop;
import io.orderflow.order.shop.ShopManagement;
import io.orderflow.order.shop.ShopNotFoundException;
import io.orderflow.order.shop.ShopSecret;
import io.orderflow.order.shop.UnknownMerchantException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The administrator's shop registry: {@code /admin/v1/shops}. Secrets appear only in create and rotate answers. */
@RestController
@RequestMapping("/admin/v1/shops")
class ShopAdminController {

    private final ShopManagement shops;

    ShopAdminController(ShopManagement shops) {
        this.shops = shops;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ShopView create(@Valid @RequestBody NewShop request) {
        return ShopView.of(shops.create(request.name(), request.mchid(), request.appid()));
    }

    @PostMapping("/{shop_id}/secret")
    ShopView rotate(@PathVariable("shop_id") String shopId) {
        return ShopView.of(shops.rotate(shopId));
    }

    @PostMapping("/{shop_id}/disable")
    ShopView disable(@PathVariable("shop_id") String shopId) {
        return ShopView.of(shops.disable(shopId), null);
    }

    @GetMapping
    Map<String, List<ShopView>> list() {
        return Map.of(
                "shops",
                shops.list().stream().map(shop -> ShopView.of(shop, null)).toList());
    }

    @ExceptionHandler(ShopNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(ShopNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("code", "SHOP_NOT_FOUND", "message", e.getMessage()));
    }

    @ExceptionHandler(UnknownMerchantException.class)
    ResponseEntity<Map<String, String>> unknownMerchant(UnknownMerchantException e) {
        return ResponseEntity.badRequest().body(Map.of("code", "MERCHANT_UNKNOWN", "message", e.getMessage()));
    }

    record NewShop(
            @NotBlank @Size(max = 128) String name,
            @NotBlank @Pattern(regexp = "[0-9]{1,32}") String mchid,

            @NotBlank @Pattern(regexp = "[0-9A-Za-z_]{1,32}")
            String appid) {}

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record ShopView(
            @JsonProperty("shop_id") String shopId,
            String name,
            String mchid,
            String appid,
            boolean enabled,
            @JsonProperty("created_at") Instant createdAt,
            String secret) {

        static ShopView of(ShopSecret created) {
            return of(created.shop(), created.secret());
        }

        static ShopView of(Shop shop, String secret) {
            return new ShopView(
                    shop.shopId(), shop.name(), shop.mchid(), shop.appid(), shop.enabled(), shop.createdAt(), secret);
        }
    }
}
