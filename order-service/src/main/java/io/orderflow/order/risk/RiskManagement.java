package io.orderflow.order.risk;

import io.orderflow.order.shop.ShopManagement;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's risk use cases: a shop's limits, and the payer blocklists (per shop, or global with
 * a null shop). Changes apply to the next request on every replica: nothing is cached.
 */
@Service
public class RiskManagement {

    private static final Logger log = LoggerFactory.getLogger(RiskManagement.class);

    private final ShopRiskLimits limits;
    private final PayerBlocks blocks;
    private final ShopManagement shops;
    private final RiskProperties properties;
    private final Clock clock;

    RiskManagement(
            ShopRiskLimits limits, PayerBlocks blocks, ShopManagement shops, RiskProperties properties, Clock clock) {
        this.limits = limits;
        this.blocks = blocks;
        this.shops = shops;
        this.properties = properties;
        this.clock = clock;
    }

    /** The shop's overrides and the limits in force. */
    @Transactional(readOnly = true)
    public ShopLimits limits(String shopId) {
        shops.find(shopId);
        LimitOverrides overrides = limits.find(shopId).orElse(LimitOverrides.NONE);
        return new ShopLimits(overrides, overrides.over(properties.defaults()));
    }

    /** Replaces the shop's overrides (null fields go back to the defaults). */
    @Transactional
    public ShopLimits setLimits(String shopId, LimitOverrides overrides) {
        shops.find(shopId);
        limits.save(shopId, overrides, clock.instant());
        log.info("risk limits of shop {} set to {}", shopId, overrides);
        return new ShopLimits(overrides, overrides.over(properties.defaults()));
    }

    /** Blocks the payer at the shop, or everywhere when shopId is null; false when already blocked. */
    @Transactional
    public boolean block(String shopId, String openid, String reason) {
        String scope = scope(shopId);
        boolean added = blocks.add(scope, openid, reason, clock.instant());
        // the openid stays out of the log: the blocklist itself says who
        log.info("a payer was blocked for scope {}", scope);
        return added;
    }

    /** Lifts the block; false when there was none. */
    @Transactional
    public boolean unblock(String shopId, String openid) {
        String scope = scope(shopId);
        boolean removed = blocks.remove(scope, openid);
        log.info("a payer was unblocked for scope {}", scope);
        return removed;
    }

    @Transactional(readOnly = true)
    public List<PayerBlock> blocked(String shopId) {
        return blocks.list(scope(shopId));
    }

    private String scope(String shopId) {
        if (shopId == null) {
            return PayerBlocks.GLOBAL;
        }
        shops.find(shopId);
        return shopId;
    }

    /**
     * A shop's limits.
     *
     * @param overrides what the shop has set (nulls: the defaults)
     * @param effective what is enforced
     */
    public record ShopLimits(LimitOverrides overrides, Limits effective) {}
}
