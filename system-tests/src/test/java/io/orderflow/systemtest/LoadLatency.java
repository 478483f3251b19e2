package io.orderflow.systemtest;

import io.orderflow.platform.test.TestMerchant;
import io.orderflow.simulator.ledger.CallbackDelivery;
import io.orderflow.simulator.ledger.Ledger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Latency per stage of the orders created in the window (from the timeline, and the simulator's
 * delivery log for the callback's acknowledgement); and, second by second over the whole run, the p99
 * of the two stages the open-loop target is set on (create → pay params, paid → SUCCESS).
 */
final class LoadLatency {

    /** One second of the run, by when its orders' creates started (were due, in the open loop): p99s in ms, NaN = none. */
    record Second(double at, long orders, double createP99, double paidToSuccessP99) {}

    /** A stage an order did not go through (no pay params, not paid, no SUCCESS seen). */
    private static final long NONE = Long.MIN_VALUE;

    final List<LoadReport.Stage> stages = new ArrayList<>();
    /** Callback deliveries beyond one per order (retries, duplicates). */
    final long extraDeliveries;

    LoadLatency(Map<String, LoadTimeline.Order> measured, Ledger ledger, boolean openLoop) {
        Histogram create = histogram();
        Histogram paidToSuccess = histogram();
        Histogram paidToAcknowledged = histogram();
        Histogram producedToRead = histogram();
        Histogram endToEnd = histogram();
        long extra = 0;
        for (Map.Entry<String, LoadTimeline.Order> entry : measured.entrySet()) {
            LoadTimeline.Order order = entry.getValue();
            record(create, createToPayParams(order));
            if (order.success != 0) {
                record(endToEnd, order.success - order.createStart);
                record(producedToRead, order.success - order.successProduced);
            }
            record(paidToSuccess, paidToSuccess(order));
            List<CallbackDelivery> deliveries = ledger.order(TestMerchant.MCHID, entry.getKey())
                    .map(o -> o.deliveries())
                    .orElse(List.of());
            extra += Math.max(0, deliveries.size() - 1);
            deliveries.stream()
                    .filter(d -> "ACKNOWLEDGED".equals(d.outcome()))
                    .findFirst()
                    .filter(d -> order.paid != 0)
                    .ifPresent(d -> record(paidToAcknowledged, micros(d.at()) - order.paid));
        }
        extraDeliveries = extra;
        stages.add(stage(
                openLoop
                        ? "create (from when due) → pay params (Prefer: wait=10; or already paid)"
                        : "create → pay params (POST /v1/orders, Prefer: wait=10; or already paid)",
                create));
        stages.add(stage("paid at simulator, callback dispatched → SUCCESS read on status topic", paidToSuccess));
        stages.add(stage("  of which: callback dispatched → acknowledged by notify-service", paidToAcknowledged));
        stages.add(stage("  of which: status record produced → read by the benchmark", producedToRead));
        stages.add(stage("create → SUCCESS read on status topic (end to end)", endToEnd));
    }

    LoadReport.Stage createToPayParams() {
        return stages.get(0);
    }

    LoadReport.Stage paidToSuccess() {
        return stages.get(1);
    }

    /**
     * Per second of the run (created orders, by the second their create started), the p99 of the create's
     * answer (with pay params; one whose wait ran out counts with its answer time, a lower bound) and of
     * paid → SUCCESS; each NaN when the second has none.
     */
    static List<Second> bySecond(Collection<LoadTimeline.Order> created, long loadStart) {
        Map<Long, Histogram[]> seconds = new TreeMap<>();
        for (LoadTimeline.Order order : created) {
            Histogram[] second = seconds.computeIfAbsent(Math.floorDiv(order.createStart - loadStart, 1_000_000L), s ->
                    new Histogram[] {histogram(), histogram()});
            record(second[0], order.createEnd - order.createStart);
            record(second[1], paidToSuccess(order));
        }
        List<Second> bySecond = new ArrayList<>();
        seconds.forEach((second, h) -> bySecond.add(new Second(second, h[0].getTotalCount(), p99(h[0]), p99(h[1]))));
        return bySecond;
    }

    private static double p99(Histogram h) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(99) / 1e3;
    }

    /** Microseconds from the create's start until it answered with pay params (or already paid), or {@link #NONE}. */
    private static long createToPayParams(LoadTimeline.Order order) {
        return order.payParams || "SUCCESS".equals(order.answeredStatus) ? order.createEnd - order.createStart : NONE;
    }

    /** Microseconds from the payment at the simulator until SUCCESS was read, or {@link #NONE}. */
    private static long paidToSuccess(LoadTimeline.Order order) {
        return order.success != 0 && order.paid != 0 ? order.success - order.paid : NONE;
    }

    private static Histogram histogram() {
        return new Histogram(3_600_000_000L, 3);
    }

    /** Records a latency in microseconds (clock steps below zero as zero); {@link #NONE} is left out. */
    private static void record(Histogram histogram, long micros) {
        if (micros != NONE) {
            histogram.recordValue(Math.max(0, Math.min(micros, 3_600_000_000L)));
        }
    }

    private static LoadReport.Stage stage(String name, Histogram h) {
        return new LoadReport.Stage(
                name,
                h.getTotalCount(),
                h.getValueAtPercentile(50) / 1e3,
                h.getValueAtPercentile(90) / 1e3,
                h.getValueAtPercentile(99) / 1e3,
                h.getMaxValue() / 1e3);
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
