package io.orderflow.simulator.callback;

import io.orderflow.simulator.crypto.Nonces;
import io.orderflow.simulator.crypto.Rsa;
import io.orderflow.simulator.ledger.Ids;
import io.orderflow.simulator.ledger.Ledger;
import io.orderflow.simulator.ledger.Order;
import io.orderflow.simulator.ledger.Refund;
import io.orderflow.simulator.ledger.Representations;
import io.orderflow.simulator.ledger.TradeState;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What FORGED_CALLBACK sends: a notification WeChat never sent, under a fresh id, whose payload differs from the
 * truth in a way a merchant would act on. A payment forgery is the one the rule's {@code amount} names (1 another
 * amount, 2 another transaction id, 3 a SUCCESS for the newest unpaid order of the same merchant, or another
 * amount when there is none); with 0 they take turns in that order. Refund forgeries report another refund
 * amount. Every forgery goes to the notify_url of the notification it imitates. The resource is encrypted with the merchant's real APIv3 key,
 * as a forger who obtained that key could do: only the signature, made with a key WeChat never had, gives the
 * forgery away, so a merchant that accepted one would record the false payload.
 */
final class Forgeries {

    /** The payment forgeries, in the order they take turns. */
    enum Kind {
        OTHER_AMOUNT,
        OTHER_TRANSACTION_ID,
        UNPAID_ORDER
    }

    private final Notifications notifications;

    private final Ledger ledger;

    private final AtomicInteger next = new AtomicInteger();

    /** One stranger's key for every forgery: generating RSA keys is slow, and one forger is enough. */
    private volatile PrivateKey forgerKey;

    Forgeries(Notifications notifications, Ledger ledger) {
        this.notifications = notifications;
        this.ledger = ledger;
    }

    /**
     * A payment forgery imitating {@code paid}'s notification (about another, unpaid order for UNPAID_ORDER).
     *
     * @param choice 1 to 3 for one kind (its ordinal + 1), anything else for each kind in turn
     */
    Notification payment(Order paid, long choice) {
        Kind kind = choice >= 1 && choice <= Kind.values().length
                ? Kind.values()[(int) choice - 1]
                : Kind.values()[Math.floorMod(next.getAndIncrement(), Kind.values().length)];
        Optional<Order> unpaid = kind == Kind.UNPAID_ORDER ? newestUnpaid(paid) : Optional.empty();
        if (unpaid.isPresent()) {
            return notifications.forgedPayment(unpaid.get(), paid.notifyUrl(), paidLook(unpaid.get()));
        }
        Map<String, Object> resource = new LinkedHashMap<>(Representations.paidNotification(paid));
        if (kind == Kind.OTHER_TRANSACTION_ID) {
            resource.put("transaction_id", otherTransactionId());
        } else {
            resource.put("amount", paidAmount(paid.total() + 1));
        }
        return notifications.forgedPayment(paid, paid.notifyUrl(), resource);
    }

    /** A forgery of {@code refund}'s notification reporting one fen more refunded. */
    Notification refund(Refund refund) {
        Map<String, Object> resource = new LinkedHashMap<>(Representations.refundNotification(refund));
        long total = refund.order().total();
        resource.put("amount", Representations.refundNotificationAmount(total, refund.amount() + 1));
        return notifications.forgedRefund(refund, resource);
    }

    /** Headers over the forgery, signed with a key WeChat never had. */
    Map<String, String> headers(Notification forgery) {
        if (forgerKey == null) {
            forgerKey = Rsa.generate().getPrivate();
        }
        return notifications.headers(forgery, forgerKey);
    }

    private Optional<Order> newestUnpaid(Order paid) {
        return ledger.orders().stream()
                .filter(order ->
                        order.mchid().equals(paid.mchid()) && order != paid && order.state() == TradeState.NOTPAY)
                .reduce((older, newer) -> newer);
    }

    /** An unpaid order dressed as paid: what a forger wants the merchant to ship for nothing. */
    private static Map<String, Object> paidLook(Order unpaid) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("transaction_id", otherTransactionId());
        resource.put("amount", paidAmount(unpaid.total()));
        resource.put("mchid", unpaid.mchid());
        resource.put("trade_state", TradeState.SUCCESS.name());
        resource.put("bank_type", "OTHERS");
        resource.put("success_time", Ids.rfc3339(Instant.now()));
        resource.put("payer", Map.of("openid", unpaid.openid()));
        resource.put("out_trade_no", unpaid.outTradeNo());
        resource.put("appid", unpaid.appid());
        resource.put("trade_state_desc", TradeState.SUCCESS.description());
        resource.put("trade_type", "JSAPI");
        resource.put("attach", unpaid.attach() == null ? "" : unpaid.attach());
        return resource;
    }

    private static Map<String, Object> paidAmount(long total) {
        return Representations.paidAmount(total);
    }

    private static String otherTransactionId() {
        return "4200" + Nonces.digits(24);
    }
}
