package io.orderflow.order.risk;

import io.orderflow.order.order.store.Admission;
import io.orderflow.order.order.store.AdmissionPolicy;
import io.orderflow.order.shop.Shop;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The limits a create request passes before an order exists: the shop's request rate first (a token from
 * the shop's shared bucket, see {@link CreateTokens}; its own short statement, so the bucket's row lock is
 * not held through the create transaction), then, inside the create transaction, the per-order amount, the
 * blocklists and the payer's rolling window.
 *
 * <p>These are the {@link Admission} the order's own insert checks (this is its {@link AdmissionPolicy}): the database function
 * {@code risk_admits} (V3 migration) takes a transaction-scoped advisory lock per (shop, payer), then counts
 * the payer's window in a fresh snapshot. Two replicas creating for the same payer take turns, and the
 * second counts the first's order once it commits, so the limit is never overshot; payers of one shop do
 * not wait for each other. Only when the insert inserted nothing does {@link #explain} ask
 * {@code risk_create_check} (V2) which limit refused the order, or whether it was a retry.
 */
@Service
public class CreateRisk implements AdmissionPolicy {

    private final JdbcClient jdbc;
    private final CreateTokens tokens;
    private final RiskProperties properties;
    private final RiskRefusals refusals;
    private final Clock clock;

    CreateRisk(JdbcClient jdbc, CreateTokens tokens, RiskProperties properties, RiskRefusals refusals, Clock clock) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.properties = properties;
        this.refusals = refusals;
        this.clock = clock;
    }

    /**
     * Takes one of the shop's create tokens; call it outside any transaction.
     *
     * @throws RiskRefusedException RATE_LIMITED with the seconds until a token is back
     */
    public void admit(Shop shop) {
        if (!properties.enabled()) {
            return;
        }
        Optional<CreateBuckets.Take> refused = tokens.spend(shop.shopId(), properties.createsPerSecond());
        if (refused.isPresent()) {
            CreateBuckets.Take take = refused.get();
            throw refusals.refuse(
                    RiskCode.RATE_LIMITED,
                    "more than " + (long) take.rate() + " create requests per second for this shop; retry later",
                    take.retryAfterSeconds());
        }
    }

    /**
     * The default per-order amount and payer window limits, which the order's insert checks with the shop's own
     * limits and the blocklists; called inside the create transaction.
     */
    @Override
    public Optional<Admission> admission() {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        Limits defaults = properties.defaults();
        return Optional.of(new Admission(
                clock.instant(),
                defaults.payerWindow(),
                defaults.maxOrderAmountFen(),
                defaults.payerMaxOrders(),
                defaults.payerMaxAmountFen()));
    }

    /**
     * Explains an insert that inserted nothing, in the same create transaction: a retry of an existing
     * shop_order_no (not checked again), or the limit that refused the order.
     *
     * @return true when the shop already has an order with this shop_order_no (a retry), false when the order
     *     passes now (the controls are off, or what refused it changed meanwhile, e.g. a block was lifted)
     * @throws RiskRefusedException when a limit or a blocklist refuses it
     */
    public boolean explain(Shop shop, String shopOrderNo, String payerOpenid, long amountFen) {
        if (!properties.enabled()) {
            return false;
        }
        Instant now = clock.instant();
        Limits defaults = properties.defaults();
        // one round trip: the payer's advisory lock (already held), then the checks in a fresh snapshot (V2)
        State state = jdbc.sql("select * from risk_create_check(:shop, :no, :openid, :now, :window)")
                .param("shop", shop.shopId())
                .param("no", shopOrderNo)
                .param("openid", payerOpenid)
                .param("now", Timestamp.from(now))
                .param("window", (double) defaults.payerWindow().toSeconds())
                .query((rs, n) -> new State(
                        new LimitOverrides(
                                        (Long) rs.getObject(1),
                                        (Integer) rs.getObject(2),
                                        (Long) rs.getObject(3),
                                        (Integer) rs.getObject(4),
                                        (Integer) rs.getObject(5))
                                .over(defaults),
                        rs.getBoolean(6),
                        rs.getBoolean(7),
                        rs.getLong(8),
                        rs.getLong(9)))
                .single();
        if (state.retry()) {
            return true;
        }
        refuseIfOverLimit(state, amountFen);
        return false;
    }

    private void refuseIfOverLimit(State state, long amountFen) {
        Limits limits = state.limits();
        if (amountFen > limits.maxOrderAmountFen()) {
            throw refusals.refuse(
                    RiskCode.ORDER_AMOUNT_LIMIT_EXCEEDED,
                    "amount.total " + amountFen + " fen is above this shop's limit of " + limits.maxOrderAmountFen()
                            + " fen per order",
                    0);
        }
        if (state.blocked()) {
            throw refusals.refuse(RiskCode.PAYER_BLOCKED, "payer.openid is blocked for this shop", 0);
        }
        if (state.payerOrders() >= limits.payerMaxOrders()) {
            throw refusals.refuse(
                    RiskCode.PAYER_ORDER_LIMIT_EXCEEDED,
                    "the payer already has "
                            + state.payerOrders() + " orders within "
                            + limits.payerWindow().toSeconds()
                            + " s; this shop allows " + limits.payerMaxOrders(),
                    0);
        }
        if (state.payerAmountFen() + amountFen > limits.payerMaxAmountFen()) {
            throw refusals.refuse(
                    RiskCode.PAYER_AMOUNT_LIMIT_EXCEEDED,
                    "the payer's orders within "
                            + limits.payerWindow().toSeconds() + " s would total "
                            + (state.payerAmountFen() + amountFen)
                            + " fen; this shop allows " + limits.payerMaxAmountFen() + " fen",
                    0);
        }
    }

    private record State(Limits limits, boolean retry, boolean blocked, long payerOrders, long payerAmountFen) {}
}
