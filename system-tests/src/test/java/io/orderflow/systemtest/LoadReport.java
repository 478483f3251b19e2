package io.orderflow.systemtest;

import io.orderflow.platform.test.TestMerchant;
import io.orderflow.simulator.ledger.CallbackDelivery;
import io.orderflow.simulator.ledger.Ledger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The figures of one load run, computed once from what the run recorded: throughput and backlog in
 * the window, per-stage latency percentiles (orders created in the window), CPU per completed
 * order by process, and the cryptography floor against them. {@link #text()} is the report;
 * {@link LoadChart} draws the same figures.
 */
final class LoadReport {

    static final String BENCHMARK_JVM = "benchmark JVM";
    static final String SIMULATOR_THREADS = "simulator (its Tomcat, timers)";
    static final String LOAD_THREADS = "shop clients + status reader";
    static final String HTTP_CLIENT_THREADS = "JDK HttpClient threads (shop calls, callbacks)";
    static final String OTHER_THREADS = "other Java threads";
    static final String JVM_INTERNAL = "JVM internal (GC, JIT; not per thread)";

    /** Latency percentiles of one stage, in milliseconds. */
    record Stage(String name, long count, double p50, double p90, double p99, double max) {
    }

    /** One second of the run: orders answered, SUCCESS read, backlog at its end. */
    record Second(double at, long created, long succeeded, long backlog) {
    }

    final EndToEndThroughputBenchmark.Settings settings;
    final LoadWindow idle;
    final LoadWindow window;
    final Map<CryptoFloor.Operation, CryptoFloor.Cost> costs;
    final int cores = Runtime.getRuntime().availableProcessors();
    final long createdInWindow;
    final long completedInWindow;
    final long backlogAtStart;
    final long backlogAtEnd;
    final long windowOrders;
    final long windowOrdersNeverSucceeded;
    final long withoutPayParams;
    final long answeredPaid;
    final long extraDeliveries;
    final List<Stage> stages = new ArrayList<>();
    final List<Second> seconds = new ArrayList<>();
    private final LoadTimeline timeline;
    private final long loadStart;
    private final String loadBefore;
    private final String jvmOptions;

    LoadReport(EndToEndThroughputBenchmark.Settings settings, LoadTimeline timeline, LoadWindow idle, LoadWindow window,
               Map<CryptoFloor.Operation, CryptoFloor.Cost> costs, Ledger ledger, long loadStart, long loadEnd,
               String loadBefore, String jvmOptions) {
        this.settings = settings;
        this.idle = idle;
        this.window = window;
        this.costs = new EnumMap<>(costs);
        this.timeline = timeline;
        this.loadStart = loadStart;
        this.loadBefore = loadBefore;
        this.jvmOptions = jvmOptions;
        long start = window.startMicros;
        long end = window.endMicros;
        Map<String, LoadTimeline.Order> created = timeline.created();
        createdInWindow = created.values().stream().filter(o -> o.createEnd >= start && o.createEnd < end).count();
        completedInWindow = timeline.all().stream().filter(o -> o.success >= start && o.success < end).count();
        backlogAtStart = timeline.backlogAt(start);
        backlogAtEnd = timeline.backlogAt(end);
        Map<String, LoadTimeline.Order> measured = new LinkedHashMap<>();
        created.forEach((id, order) -> {
            if (order.createStart >= start && order.createStart < end) {
                measured.put(id, order);
            }
        });
        windowOrders = measured.size();
        windowOrdersNeverSucceeded = measured.values().stream().filter(o -> o.success == 0).count();
        answeredPaid = measured.values().stream().filter(o -> !o.payParams && paid(o)).count();
        withoutPayParams = measured.values().stream().filter(o -> !o.payParams && !paid(o)).count();
        extraDeliveries = stages(measured, ledger);
        for (long second = loadStart; second < loadEnd; second += 1_000_000) {
            long from = second;
            long to = second + 1_000_000;
            seconds.add(new Second((from - loadStart) / 1e6,
                    created.values().stream().filter(o -> o.createEnd >= from && o.createEnd < to).count(),
                    timeline.all().stream().filter(o -> o.success >= from && o.success < to).count(),
                    timeline.backlogAt(to)));
        }
    }

    /** Fills the stage percentiles; answers the callback deliveries beyond one per order. */
    private long stages(Map<String, LoadTimeline.Order> measured, Ledger ledger) {
        Histogram create = histogram();
        Histogram paidToSuccess = histogram();
        Histogram paidToAcknowledged = histogram();
        Histogram producedToRead = histogram();
        Histogram endToEnd = histogram();
        long extra = 0;
        for (Map.Entry<String, LoadTimeline.Order> entry : measured.entrySet()) {
            LoadTimeline.Order order = entry.getValue();
            if (order.payParams || paid(order)) {
                record(create, order.createEnd - order.createStart);
            }
            if (order.success != 0) {
                record(endToEnd, order.success - order.createStart);
                record(producedToRead, order.success - order.successProduced);
                if (order.paid != 0) {
                    record(paidToSuccess, order.success - order.paid);
                }
            }
            List<CallbackDelivery> deliveries = ledger.order(TestMerchant.MCHID, entry.getKey())
                    .map(o -> o.deliveries()).orElse(List.of());
            extra += Math.max(0, deliveries.size() - 1);
            deliveries.stream().filter(d -> "ACKNOWLEDGED".equals(d.outcome())).findFirst()
                    .filter(d -> order.paid != 0)
                    .ifPresent(d -> record(paidToAcknowledged, micros(d.at()) - order.paid));
        }
        stages.add(stage("create → pay params (POST /v1/orders, Prefer: wait=10; or already paid)", create));
        stages.add(stage("paid at simulator, callback dispatched → SUCCESS read on status topic", paidToSuccess));
        stages.add(stage("  of which: callback dispatched → acknowledged by notify-service", paidToAcknowledged));
        stages.add(stage("  of which: status record produced → read by the benchmark", producedToRead));
        stages.add(stage("create → SUCCESS read on status topic (end to end)", endToEnd));
        return extra;
    }

    /** The answer came after the order was paid (the auto-payer pays as soon as WeChat has the order). */
    private static boolean paid(LoadTimeline.Order order) {
        return "SUCCESS".equals(order.answeredStatus);
    }

    /** Seconds from the start of the load to the start of the window. */
    double windowStartSecond() {
        return (window.startMicros - loadStart) / 1e6;
    }

    double completedPerSecond() {
        return completedInWindow / window.seconds();
    }

    /** CPU milliseconds per completed order, by process, the benchmark JVM split by thread group. */
    Map<String, Double> cpuMsPerOrder() {
        Map<String, Double> perOrder = new LinkedHashMap<>();
        window.cpuSeconds().forEach((process, cpu) -> perOrder.put(process, cpu * 1e3 / completedInWindow));
        return perOrder;
    }

    /** Cores each process kept busy with no load at all (pollers, relays, housekeeping, metrics). */
    Map<String, Double> idleCoresBusy() {
        Map<String, Double> busy = new LinkedHashMap<>();
        idle.cpuSeconds().forEach((process, cpu) -> busy.put(process, cpu / idle.seconds()));
        return busy;
    }

    /** CPU ms per completed order beyond what the process uses idle over the same time. */
    Map<String, Double> netCpuMsPerOrder() {
        Map<String, Double> net = new LinkedHashMap<>();
        Map<String, Double> idleBusy = idleCoresBusy();
        window.cpuSeconds().forEach((process, cpu) -> net.put(process,
                (cpu - idleBusy.getOrDefault(process, 0.0) * window.seconds()) * 1e3 / completedInWindow));
        return net;
    }

    Map<String, Double> jvmSplitMsPerOrder() {
        Map<String, Double> split = new LinkedHashMap<>();
        double javaThreads = 0;
        for (Map.Entry<String, Double> group : window.threadSeconds().entrySet()) {
            split.put(group.getKey(), group.getValue() * 1e3 / completedInWindow);
            javaThreads += group.getValue();
        }
        double jvm = window.cpuSeconds().getOrDefault(BENCHMARK_JVM, 0.0);
        split.put(JVM_INTERNAL, (jvm - javaThreads) * 1e3 / completedInWindow);
        return split;
    }

    double totalCpuMsPerOrder() {
        return cpuMsPerOrder().values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Happy-path crypto CPU per order, in ms, attributed to the process where it runs. */
    Map<String, Double> cryptoMsByProcess() {
        Map<String, Double> byProcess = new LinkedHashMap<>();
        for (CryptoFloor.Use use : CryptoFloor.HAPPY_PATH) {
            String process = switch (use.side()) {
                case ORDER_SERVICE -> "order-service";
                case PAYMENT_SERVICE -> "payment-service";
                case NOTIFY_SERVICE -> "notify-service";
                case SIMULATOR, SHOP_CLIENT -> BENCHMARK_JVM;
            };
            byProcess.merge(process, costs.get(use.operation()).cpuMicros() / 1e3, Double::sum);
        }
        return byProcess;
    }

    double cryptoMsPerOrder() {
        return CryptoFloor.cpuMicros(CryptoFloor.HAPPY_PATH, costs) / 1e3;
    }

    /** WeChat Pay API calls per completed order beyond the one prepay (queries by reconcile or payment). */
    double extraApiCallsPerOrder() {
        double all = window.wechatPayCalls().values().stream().mapToDouble(Double::doubleValue).sum();
        double prepays = window.wechatPayCalls().entrySet().stream()
                .filter(e -> e.getKey().endsWith("/v3/pay/transactions/jsapi")).mapToDouble(Map.Entry::getValue).sum();
        return completedInWindow == 0 ? 0 : (all - prepays) / completedInWindow;
    }

    double cryptoMsPerOrderAsRun() {
        double extraDeliveriesPerOrder = windowOrders == 0 ? 0 : (double) extraDeliveries / windowOrders;
        return cryptoMsPerOrder() + (extraApiCallsPerOrder() * CryptoFloor.cpuMicros(CryptoFloor.PER_API_CALL, costs)
                + extraDeliveriesPerOrder * CryptoFloor.cpuMicros(CryptoFloor.PER_CALLBACK_DELIVERY, costs)) / 1e3;
    }

    String text() {
        return LoadReportText.render(this, timeline, loadBefore, jvmOptions);
    }

    private static Histogram histogram() {
        return new Histogram(3_600_000_000L, 3);
    }

    private static void record(Histogram histogram, long micros) {
        histogram.recordValue(Math.max(0, Math.min(micros, 3_600_000_000L)));
    }

    private static Stage stage(String name, Histogram h) {
        return new Stage(name, h.getTotalCount(), h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
                h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3);
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
