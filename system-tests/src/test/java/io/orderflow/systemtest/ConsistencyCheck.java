package io.orderflow.systemtest;

import io.orderflow.events.EventTypes;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.test.TopicProbe;
import io.orderflow.simulator.ledger.Order;
import io.orderflow.simulator.ledger.Refund;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Compares orderflow with WeChat's ground truth (the simulator's ledger) after a run, order by order, and
 * checks what downstream consumers saw on {@code orderflow.order.status}, what a shop's webhook receiver got
 * ({@link WebhookDeliveryCheck}, when the scenario gives one), the anomalies and alerts raised
 * ({@link AlertCheck}), WeChat's callback deliveries ({@link DeliveryCheck}) and the dead-letter topics
 * ({@link DeadLetterCheck}). {@link #run} returns the report; {@link Report#table()} prints what was checked,
 * {@link Report#differences()} lists every mismatch.
 */
final class ConsistencyCheck {

    static final String TRADE_STATE = "status here = WeChat's trade_state; paid: same transaction and amount";
    static final String REFUNDS_HERE = "refunds here -> at WeChat, same amount and status";
    static final String REFUNDS_THERE = "refunds at WeChat -> here, same amount and status";
    static final String REFUNDED = "refunded_amount = sum of refunds SUCCESS at WeChat";
    static final String VERSIONS = "status topic: versions 1..n, no gaps, no duplicates, last = API";
    /** Refund statuses at WeChat under which the order is REFUND here: WeChat holds the refund. */
    private static final Set<String> HELD = Set.of("PROCESSING", "SUCCESS", "ABNORMAL");

    private final CheckTable table = new CheckTable();

    private ConsistencyCheck() {}

    /** One kind of check: how many items it looked at and what differed. */
    record Row(String check, int[] checked, List<String> differences) {}

    record Report(Collection<Row> rows) {
        List<String> differences() {
            return rows.stream()
                    .flatMap(row -> row.differences().stream().map(d -> row.check() + ": " + d))
                    .toList();
        }

        String table() {
            StringBuilder table =
                    new StringBuilder(String.format("%-72s %8s %12s%n", "check", "checked", "differences"));
            rows.forEach(row -> table.append(String.format(
                    "%-72s %8d %12d%n",
                    row.check(), row.checked()[0], row.differences().size())));
            return table.toString();
        }
    }

    /**
     * What a scenario expects beyond WeChat's ground truth.
     *
     * @param alerts anomaly and risk-alert kinds the scenario causes, with how many events of each it must raise
     *     (every other kind is a difference)
     * @param callbackRetries true when the scenario makes notify-service fail some genuine callbacks (a kill, its
     *     database crashed): each must then be acknowledged at some attempt, not at every one
     * @param since when the scenario began: events about no order of the scenario count from then on
     */
    record Expectations(Map<String, Integer> alerts, boolean callbackRetries, Instant since) {}

    static Report run(OrderflowSystem system, ShopClient shop, Collection<String> orderIds, Expectations expected) {
        return run(system, shop, orderIds, expected, null);
    }

    /**
     * As {@link #run(OrderflowSystem, ShopClient, Collection, Expectations)}, and when {@code webhooks} is not null
     * (the shop's endpoint receiving every type), the shop's webhook deliveries against the status topic
     * ({@link WebhookDeliveryCheck}).
     */
    static Report run(
            OrderflowSystem system,
            ShopClient shop,
            Collection<String> orderIds,
            Expectations expected,
            WebhookReceiver webhooks) {
        ConsistencyCheck check = new ConsistencyCheck();
        if (expected.callbackRetries()) {
            DeliveryCheck.awaitRetries(system, orderIds);
        }
        if (webhooks != null) {
            WebhookDeliveryCheck.awaitDeliveries(
                    webhooks, () -> changes(statusEvents(system, orderIds)), Duration.ofMinutes(2));
        }
        Map<String, List<TopicProbe.Received>> statusEvents = statusEvents(system, orderIds);
        Map<String, List<WebhookReceiver.Delivery>> delivered =
                webhooks == null ? Map.of() : WebhookDeliveryCheck.byOrder(webhooks.deliveries());
        for (String orderId : orderIds) {
            JsonNode here = shop.order(orderId);
            Order atWechat =
                    system.simulator.ledger().order(TestMerchant.MCHID, orderId).orElse(null);
            check.tradeState(orderId, here, atWechat);
            check.refunds(orderId, here, atWechat);
            check.versions(orderId, here, statusEvents.getOrDefault(orderId, List.of()));
            DeliveryCheck.check(check.table, orderId, atWechat, expected.callbackRetries());
            if (webhooks != null) {
                WebhookDeliveryCheck.check(
                        check.table,
                        orderId,
                        WebhookDeliveryCheck.Change.of(statusEvents.getOrDefault(orderId, List.of())),
                        delivered.getOrDefault(orderId, List.of()),
                        here.path("status").asString());
            }
        }
        AlertCheck.check(check.table, system, orderIds, expected.alerts(), expected.since());
        DeadLetterCheck.check(check.table, system);
        return check.table.report();
    }

    /**
     * The status orderflow must show for WeChat's order: its trade_state, except that an order whose refunds
     * all ended CLOSED is SUCCESS again here while WeChat keeps reporting REFUND (WeChat's trade_state says a
     * refund was applied for, orderflow's status that money is or was on its way back). Null: never at WeChat.
     */
    static Set<String> expectedStatus(Order atWechat) {
        if (atWechat == null) {
            return Set.of("CLOSED", "FAILED");
        }
        return switch (atWechat.state()) {
            case NOTPAY -> Set.of("PENDING");
            case SUCCESS -> Set.of("SUCCESS");
            case CLOSED -> Set.of("CLOSED");
            case REFUND ->
                Set.of(
                        atWechat.snapshotRefunds().stream()
                                        .anyMatch(r -> HELD.contains(r.status().name()))
                                ? "REFUND"
                                : "SUCCESS");
        };
    }

    private void tradeState(String orderId, JsonNode here, Order atWechat) {
        String status = here.path("status").asString();
        table.count(TRADE_STATE, true);
        boolean paid = atWechat != null && atWechat.transactionId() != null;
        if (!expectedStatus(atWechat).contains(status)
                || paid
                        && (!Objects.equals(here.path("transaction_id").asString(null), atWechat.transactionId())
                                || here.path("amount").path("total").asLong() != atWechat.total())) {
            table.differ(
                    TRADE_STATE,
                    orderId + " is " + status + " "
                            + here.path("transaction_id").asString("-") + "/"
                            + here.path("amount").path("total").asLong() + " here, "
                            + (atWechat == null
                                    ? "never at WeChat"
                                    : atWechat.state() + " " + atWechat.transactionId() + "/" + atWechat.total()
                                            + " at WeChat"));
        }
    }

    private void refunds(String orderId, JsonNode here, Order atWechat) {
        Map<String, Refund> truth = new LinkedHashMap<>();
        if (atWechat != null) {
            atWechat.snapshotRefunds().forEach(refund -> truth.put(refund.outRefundNo(), refund));
        }
        Map<String, JsonNode> mine = new LinkedHashMap<>();
        here.path("refunds")
                .forEach(refund -> mine.put(refund.path("out_refund_no").asString(), refund));
        mine.forEach((outRefundNo, refund) -> {
            table.count(REFUNDS_HERE, true);
            Refund there = truth.get(outRefundNo);
            // a refund WeChat refused never existed there; every other one must be there as it is here
            boolean rejected = "REJECTED".equals(refund.path("status").asString());
            if (rejected ? there != null : !same(refund, there)) {
                table.differ(
                        REFUNDS_HERE,
                        outRefundNo + " of " + orderId + ": here " + describe(refund) + ", WeChat " + describe(there));
            }
        });
        truth.forEach((outRefundNo, refund) -> {
            table.count(REFUNDS_THERE, true);
            if (!same(mine.get(outRefundNo), refund)) {
                table.differ(
                        REFUNDS_THERE,
                        outRefundNo + " of " + orderId + ": WeChat " + describe(refund) + ", here "
                                + describe(mine.get(outRefundNo)));
            }
        });
        long succeeded = truth.values().stream()
                .filter(r -> r.status().name().equals("SUCCESS"))
                .mapToLong(Refund::amount)
                .sum();
        table.count(REFUNDED, !truth.isEmpty());
        if (here.path("refunded_amount").asLong() != succeeded) {
            table.differ(
                    REFUNDED,
                    orderId + ": " + here.path("refunded_amount").asLong() + " here, " + succeeded + " at WeChat");
        }
    }

    private static boolean same(JsonNode here, Refund there) {
        return here != null
                && there != null
                && here.path("amount").path("refund").asLong() == there.amount()
                && there.status().name().equals(here.path("status").asString());
    }

    private static String describe(JsonNode refund) {
        return refund == null
                ? "missing"
                : refund.path("amount").path("refund").asLong() + " "
                        + refund.path("status").asString();
    }

    private static String describe(Refund refund) {
        return refund == null ? "missing" : refund.amount() + " " + refund.status();
    }

    private void versions(String orderId, JsonNode here, List<TopicProbe.Received> events) {
        List<TopicProbe.Received> distinct = StatusRecords.distinctByCeId(events);
        List<Long> versions = distinct.stream()
                .map(r -> StatusRecords.json(r).path("version").asLong())
                .toList();
        table.count(VERSIONS, true);
        boolean contiguous = true;
        for (int i = 0; i < versions.size(); i++) {
            contiguous &= versions.get(i) == i + 1;
        }
        String last = distinct.isEmpty() ? "none" : StatusRecords.field(distinct.get(distinct.size() - 1), "to");
        if (!contiguous
                || versions.isEmpty()
                || !last.equals(here.path("status").asString())) {
            table.differ(
                    VERSIONS,
                    orderId + " versions " + versions + " last " + last + ", API "
                            + here.path("status").asString());
        }
    }

    private static Map<String, List<WebhookDeliveryCheck.Change>> changes(
            Map<String, List<TopicProbe.Received>> events) {
        Map<String, List<WebhookDeliveryCheck.Change>> changes = new LinkedHashMap<>();
        events.forEach((orderId, records) -> changes.put(orderId, WebhookDeliveryCheck.Change.of(records)));
        return changes;
    }

    private static Map<String, List<TopicProbe.Received>> statusEvents(
            OrderflowSystem system, Collection<String> orderIds) {
        Set<String> wanted = Set.copyOf(orderIds);
        try (TopicProbe probe = new TopicProbe(system.bootstrapServers(), EventTypes.ORDER_STATUS_TOPIC)) {
            return probe.readToEnd(Duration.ofSeconds(30)).stream()
                    .filter(r -> wanted.contains(r.key()))
                    .collect(Collectors.groupingBy(TopicProbe.Received::key, LinkedHashMap::new, Collectors.toList()));
        }
    }
}
