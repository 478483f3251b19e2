package io.orderflow.systemtest;

import io.orderflow.simulator.ledger.Ledger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one load run, computed once from what the run recorded: throughput and backlog in
 * the window, per-stage latency percentiles (orders created in the window), CPU per completed
 * order by process (server side: the four services, the broker and PostgreSQL; the benchmark JVM
 * apart), the cryptography floor against them, whether the window was steady, and in the open loop
 * the schedule's own figures and the latency target. {@link #text()} is the report; {@link LoadChart}
 * draws the same figures.
 */
final class LoadReport {

    static final String BENCHMARK_JVM = "benchmark JVM";
    static final String SIMULATOR_THREADS = "simulator (its Jetty, timers)";
    static final String LOAD_THREADS = "shop clients + status reader";
    static final String HTTP_CLIENT_THREADS = "JDK HttpClient threads (shop calls, callbacks)";
    static final String OTHER_THREADS = "other Java threads";
    static final String JVM_INTERNAL = "JVM internal (GC, JIT; not per thread)";

    /** Latency percentiles of one stage, in milliseconds. */
    record Stage(String name, long count, double p50, double p90, double p99, double max) {}

    /** One second of the run: orders answered, SUCCESS read, backlog at its end. */
    record Second(double at, long created, long succeeded, long backlog) {}

    /**
     * What ran, beside the settings: the load average before the start, the services' JVM options, the
     * tracing sampling they reported, and the Java runtime (the services and the broker run this JVM's java).
     */
    record RunFacts(String loadBefore, String jvmOptions, String tracingSampling, String java) {}

    final LoadSettings settings;
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
    final LoadLatency latency;
    final List<Stage> stages;
    final List<Second> seconds = new ArrayList<>();
    final List<LoadLatency.Second> latencyBySecond;
    final LoadSteadiness steadiness;
    /** The open loop's figures; null in the closed loop. */
    final LoadOpenLoop openLoop;

    final RunFacts facts;
    private final LoadTimeline timeline;
    private final long loadStart;

    LoadReport(
            LoadSettings settings,
            LoadTimeline timeline,
            LoadWindow idle,
            LoadWindow window,
            Map<CryptoFloor.Operation, CryptoFloor.Cost> costs,
            Ledger ledger,
            long loadStart,
            long loadEnd,
            RunFacts facts) {
        this.settings = settings;
        this.idle = idle;
        this.window = window;
        this.costs = new EnumMap<>(costs);
        this.timeline = timeline;
        this.loadStart = loadStart;
        this.facts = facts;
        long start = window.startMicros;
        long end = window.endMicros;
        Map<String, LoadTimeline.Order> created = timeline.created();
        createdInWindow = created.values().stream()
                .filter(o -> o.createEnd >= start && o.createEnd < end)
                .count();
        completedInWindow = timeline.all().stream()
                .filter(o -> o.success >= start && o.success < end)
                .count();
        backlogAtStart = timeline.backlogAt(start);
        backlogAtEnd = timeline.backlogAt(end);
        Map<String, LoadTimeline.Order> measured = new LinkedHashMap<>();
        created.forEach((id, order) -> {
            if (order.createStart >= start && order.createStart < end) {
                measured.put(id, order);
            }
        });
        windowOrders = measured.size();
        windowOrdersNeverSucceeded =
                measured.values().stream().filter(o -> o.success == 0).count();
        answeredPaid =
                measured.values().stream().filter(o -> !o.payParams && paid(o)).count();
        withoutPayParams =
                measured.values().stream().filter(o -> !o.payParams && !paid(o)).count();
        latency = new LoadLatency(measured, ledger, settings.openLoop());
        stages = latency.stages;
        extraDeliveries = latency.extraDeliveries;
        latencyBySecond = LoadLatency.bySecond(created.values(), loadStart);
        steadiness = LoadSteadiness.of(window, timeline);
        openLoop = settings.openLoop() ? LoadOpenLoop.of(settings, timeline.issues(), start, end) : null;
        for (long second = loadStart; second < loadEnd; second += 1_000_000) {
            long from = second;
            long to = second + 1_000_000;
            seconds.add(new Second(
                    (from - loadStart) / 1e6,
                    created.values().stream()
                            .filter(o -> o.createEnd >= from && o.createEnd < to)
                            .count(),
                    timeline.all().stream()
                            .filter(o -> o.success >= from && o.success < to)
                            .count(),
                    timeline.backlogAt(to)));
        }
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
        window.cpuSeconds()
                .forEach((process, cpu) -> net.put(
                        process,
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
        return cpuMsPerOrder().values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
    }

    /** orderflow's own processes: the four services, the broker and PostgreSQL (not the simulator and the clients). */
    static boolean serverSide(String process) {
        return !BENCHMARK_JVM.equals(process);
    }

    /** Context switches per completed order of the server side's processes ({@link LoadWindow#switches()}). */
    double serverSwitchesPerOrder() {
        return window.switches().entrySet().stream()
                        .filter(e -> serverSide(e.getKey()))
                        .mapToDouble(Map.Entry::getValue)
                        .sum()
                / completedInWindow;
    }

    /** CPU ms per completed order of the server side alone. */
    double serverCpuMsPerOrder() {
        return cpuMsPerOrder().entrySet().stream()
                .filter(e -> serverSide(e.getKey()))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    /** The happy path's cryptography in the four services (order, payment, notify), ms per order. */
    double servicesCryptoMsPerOrder() {
        return cryptoMsByProcess().entrySet().stream()
                .filter(e -> e.getKey().endsWith("-service"))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    /** Backlog growth in the window below one second of completions: the system kept up. */
    boolean sustained() {
        return backlogAtEnd - backlogAtStart <= Math.max(1.0, completedPerSecond());
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
        double all = window.wechatPayCalls().values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        double prepays = window.wechatPayCalls().entrySet().stream()
                .filter(e -> e.getKey().endsWith("/v3/pay/transactions/jsapi"))
                .mapToDouble(Map.Entry::getValue)
                .sum();
        return completedInWindow == 0 ? 0 : (all - prepays) / completedInWindow;
    }

    double cryptoMsPerOrderAsRun() {
        double extraDeliveriesPerOrder = windowOrders == 0 ? 0 : (double) extraDeliveries / windowOrders;
        return cryptoMsPerOrder()
                + (extraApiCallsPerOrder() * CryptoFloor.cpuMicros(CryptoFloor.PER_API_CALL, costs)
                                + extraDeliveriesPerOrder
                                        * CryptoFloor.cpuMicros(CryptoFloor.PER_CALLBACK_DELIVERY, costs))
                        / 1e3;
    }

    String text() {
        return LoadReportText.render(this, timeline);
    }

    static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
