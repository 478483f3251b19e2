package io.orderflow.local.shop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What the shop knows about its orders from {@code orderflow.order.status}: every state change in version
 * order, each with the event that announced it and the event that caused it (looked up by {@code ce_id}
 * among the events the shop has seen on the other orderflow topics). Kept in memory and rebuilt from the
 * topics at every start.
 */
@Component
class Timeline {

    /** One OrderStatusChanged: what changed, and the CloudEvent that carried it. */
    record Change(
            long version,
            String from,
            String to,
            String reason,
            String causationId,
            Instant occurredAt,
            String ceId,
            String ceType,
            String ceTime,
            String status,
            long refundedFen) {}

    /** An event some orderflow service published, as far as a timeline needs it. */
    record Cause(String ceType, String ceSource, String ceTime, String source) {}

    /** A change as shown: with its cause resolved when the shop has seen it. */
    record Step(Change change, Cause cause) {}

    /**
     * An order as the pages show it: {@code status} as {@code orderflow.order.status} has it, {@code book} as the
     * shop's webhook receiver marked it ({@link ShopBook}; null before the first delivery or when not asked).
     */
    record OrderView(
            String orderId,
            String shopOrderNo,
            String status,
            long totalFen,
            long refundedFen,
            List<Step> steps,
            ShopBook.Entry book) {

        OrderView withBook(ShopBook.Entry entry) {
            return new OrderView(orderId, shopOrderNo, status, totalFen, refundedFen, steps, entry);
        }
    }

    private final Map<String, Map<Long, Change>> changes = new ConcurrentHashMap<>();
    private final Map<String, String> shopOrderNos = new ConcurrentHashMap<>();
    private final Map<String, Long> totals = new ConcurrentHashMap<>();
    private final Map<String, Cause> causes = new ConcurrentHashMap<>();
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();

    /** A redelivered event (same version) replaces itself: the timeline stays one row per version. */
    void record(String orderId, String shopOrderNo, long totalFen, Change change) {
        changes.computeIfAbsent(orderId, id -> new ConcurrentHashMap<>()).put(change.version(), change);
        shopOrderNos.putIfAbsent(orderId, shopOrderNo);
        totals.put(orderId, totalFen);
        firstSeen.putIfAbsent(orderId, change.occurredAt());
    }

    void cause(String ceId, Cause cause) {
        causes.put(ceId, cause);
    }

    OrderView order(String orderId) {
        Map<Long, Change> byVersion = changes.getOrDefault(orderId, Map.of());
        List<Step> steps = byVersion.values().stream()
                .sorted(Comparator.comparingLong(Change::version))
                .map(change -> new Step(change, change.causationId() == null ? null : causes.get(change.causationId())))
                .toList();
        Change latest = steps.isEmpty() ? null : steps.get(steps.size() - 1).change();
        return new OrderView(
                orderId,
                shopOrderNos.get(orderId),
                latest == null ? null : latest.status(),
                totals.getOrDefault(orderId, 0L),
                latest == null ? 0 : latest.refundedFen(),
                steps,
                null);
    }

    /** All orders seen, newest first. */
    List<OrderView> orders() {
        List<String> ids = new ArrayList<>(firstSeen.keySet());
        ids.sort(Comparator.comparing((String id) -> firstSeen.get(id)).reversed());
        Map<String, OrderView> views = new LinkedHashMap<>();
        ids.forEach(id -> views.put(id, order(id)));
        return List.copyOf(views.values());
    }
}
