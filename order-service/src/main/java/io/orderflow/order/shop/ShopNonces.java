package io.orderflow.order.shop;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nonces seen in the timestamp window. A request's timestamp may be up to one window old, so a
 * nonce is kept for two windows before it is purged; a replay inside that time is detected.
 */
@Component
class ShopNonces {

    private static final Duration RETENTION = ShopAuthentication.WINDOW.multipliedBy(2);

    private final JdbcClient jdbc;
    private final Clock clock;

    ShopNonces(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records the nonce; false when the shop used it before. The recording transaction does not wait for the disk
     * (synchronous_commit off for it alone): a crash can forget the nonces of the last few hundred milliseconds,
     * and a replay of such a request within its window then repeats a request whose effect is idempotent anyway
     * (a create per shop_order_no, a refund per out_refund_no, a close, a read); in exchange a shop request costs
     * one fsync fewer (ADR 0017).
     */
    boolean firstUse(String shopId, String nonce) {
        // one statement: the setting is made in the insert's own query, not in a round trip of its own
        return jdbc.sql(
                                "insert into shop_nonce (shop_id, nonce, created_at) select cast(? as text), cast(? as text), "
                                        + "cast(? as timestamptz) "
                                        + "from (select set_config('synchronous_commit', 'off', true)) as relaxed on conflict do nothing")
                        .params(shopId, nonce, Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    @Scheduled(fixedDelayString = "${orderflow.shops.nonce-purge-interval:PT1M}")
    void purge() {
        jdbc.sql("delete from shop_nonce where created_at < ?")
                .param(Timestamp.from(clock.instant().minus(RETENTION)))
                .update();
    }
}
