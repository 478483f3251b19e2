package io.orderflow.systemtest;

import static io.orderflow.systemtest.LoadReport.format;

import io.orderflow.platform.test.TestPostgres;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;

/**
 * The load report as plain text: the summary ({@link LoadReportSummary}), what ran, then throughput,
 * steady state, the open loop (if it was one), latency, CPU, cryptography and caveats.
 */
final class LoadReportText {

    private LoadReportText() {}

    static String render(LoadReport r, LoadTimeline timeline) {
        StringBuilder out = new StringBuilder();
        header(out, r);
        LoadReportSummary.summary(out, r);
        throughput(out, r, timeline);
        LoadReportSummary.steadiness(out, r);
        if (r.openLoop != null) {
            LoadReportSummary.openLoop(out, r);
        }
        latency(out, r);
        cpu(out, r);
        crypto(out, r);
        caveats(out);
        return out.toString();
    }

    private static void header(StringBuilder out, LoadReport r) {
        out.append("orderflow end-to-end load benchmark, ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append('\n');
        out.append(format(
                "machine: %d cores, %s; load average 1/5/15 min: %s before start, %s at window start, %s at window end;%n"
                        + "         CPU stolen by the hypervisor (other guests) in the window: %s%n",
                r.cores,
                r.facts.java(),
                r.facts.loadBefore(),
                r.window.loadAtStart,
                r.window.loadAtEnd,
                r.window.stolen()));
        out.append("system: order-, payment-, notify-, reconcile-service as processes (JVM options: ")
                .append(r.facts.jvmOptions())
                .append(
                        "),\n        Kafka broker process (KRaft, -Xmx512m, SerialGC), embedded PostgreSQL 14 (fsync on")
                .append(
                        System.getProperty(TestPostgres.CONFIG_PROPERTY, "").isBlank()
                                ? ""
                                : "; " + System.getProperty(TestPostgres.CONFIG_PROPERTY))
                .append("),\n")
                .append(
                        "        WeChat Pay simulator in this JVM (auto-payer: every order paid at once), all on this machine\n");
        out.append("tracing sampling (management.tracing.sampling.probability, from each service's /actuator/env): ")
                .append(r.facts.tracingSampling())
                .append('\n');
        String load = r.settings.openLoop()
                ? format(
                        "open loop, %.1f creates/s due on a fixed schedule, %d shops in turn, up to %d calls at a time",
                        r.settings.rate(), r.settings.clients(), r.settings.openThreads())
                : format("%d shop clients, closed loop, one shop each", r.settings.clients());
        out.append(format(
                "load: %s, POST /v1/orders with Prefer: wait=10; warm-up %d s (not measured; the window began "
                        + "%.1f s into the load, after the meters were read), window %.1f s, drain up to %d s%n%n",
                load,
                r.settings.warmupSeconds(),
                r.windowStartSecond(),
                r.window.seconds(),
                r.settings.drainSeconds()));
    }

    private static void throughput(StringBuilder out, LoadReport r, LoadTimeline timeline) {
        double seconds = r.window.seconds();
        out.append("THROUGHPUT (window)\n");
        out.append(format(
                "  orders created (201 answered)            %7d  %7.1f /s%n",
                r.createdInWindow, r.createdInWindow / seconds));
        out.append(format(
                "  orders reaching SUCCESS (status topic)   %7d  %7.1f /s%n",
                r.completedInWindow, r.completedPerSecond()));
        long growth = r.backlogAtEnd - r.backlogAtStart;
        out.append(format(
                "  backlog (created, not yet SUCCESS)       %7d at start, %d at end: %+d -> %s%n",
                r.backlogAtStart,
                r.backlogAtEnd,
                growth,
                r.sustained()
                        ? "sustained (grew by less than one second of completions)"
                        : "NOT sustained (completions fall behind creation)"));
        out.append(format(
                "  refused or failed creates (whole run)    %7d  %s%n",
                timeline.refusedCount(), timeline.refusalsByReason()));
        out.append(format(
                "  created in the window: %d; answered already SUCCESS (paid before the answer): %d; answered PENDING "
                        + "without pay params (wait ran out): %d; not SUCCESS by the end of the drain: %d%n",
                r.windowOrders, r.answeredPaid, r.withoutPayParams, r.windowOrdersNeverSucceeded));
        out.append(format("  WeChat Pay API calls in the window: %s%n", r.window.wechatPayCalls()));
        r.window
                .problems()
                .forEach(problem ->
                        out.append("  (could not count them: ").append(problem).append(")\n"));
        out.append(
                format("  callback deliveries beyond one per order (retries, duplicates): %d%n%n", r.extraDeliveries));
    }

    private static void latency(StringBuilder out, LoadReport r) {
        out.append("LATENCY BY STAGE, ms (orders created in the window; wall clock of this JVM)\n");
        out.append(format("  %-72s %6s %8s %8s %8s %8s%n", "stage", "n", "p50", "p90", "p99", "max"));
        for (LoadReport.Stage s : r.stages) {
            out.append(format(
                    "  %-72s %6d %8.1f %8.1f %8.1f %8.1f%n", s.name(), s.count(), s.p50(), s.p90(), s.p99(), s.max()));
        }
        out.append('\n');
    }

    private static void cpu(StringBuilder out, LoadReport r) {
        double seconds = r.window.seconds();
        out.append("CPU PER COMPLETED ORDER (CPU time used in the window / orders reaching SUCCESS in the window;\n")
                .append(format(
                        "net = minus what the process uses idle, measured over %.1f s with no load after the drain)%n",
                        r.idle.seconds()));
        out.append(format(
                "  %-48s %8s %8s %8s %9s %9s %9s %9s %9s%n",
                "process", "CPU s", "busy", "idle", "ms/order", "net ms", "crypto ms", "JIT ms", "switches"));
        Map<String, Double> switches = r.window.switches();
        Map<String, Double> crypto = r.cryptoMsByProcess();
        Map<String, Double> idle = r.idleCoresBusy();
        Map<String, Double> net = r.netCpuMsPerOrder();
        Map<String, Double> jit = r.window.jitSeconds();
        r.window
                .cpuSeconds()
                .forEach((process, cpu) -> out.append(format(
                        "  %-48s %8.1f %8.2f %8.2f %9.2f %9.2f %9s %9s %9.1f%n",
                        process,
                        cpu,
                        cpu / seconds,
                        idle.getOrDefault(process, 0.0),
                        cpu * 1e3 / r.completedInWindow,
                        net.get(process),
                        crypto.containsKey(process) ? format("%.2f", crypto.get(process)) : "-",
                        jit.containsKey(process) ? format("%.2f", jit.get(process) * 1e3 / r.completedInWindow) : "-",
                        switches.getOrDefault(process, 0.0) / r.completedInWindow)));
        r.jvmSplitMsPerOrder()
                .forEach((group, ms) -> out.append(format("    %-46s %8s %8s %8s %9.2f%n", group, "", "", "", ms)));
        double serverCpu = sum(r.window.cpuSeconds(), true);
        out.append(format(
                "  %-48s %8.1f %8.2f %8.2f %9.2f %9.2f %9.2f %9s %9.1f%n",
                "server side (4 services + broker + PostgreSQL)",
                serverCpu,
                serverCpu / seconds,
                sum(idle, true),
                r.serverCpuMsPerOrder(),
                sum(net, true),
                r.servicesCryptoMsPerOrder(),
                "",
                r.serverSwitchesPerOrder()));
        double totalCpu = sum(r.window.cpuSeconds(), false);
        double totalIdle = sum(idle, false);
        double totalNet = sum(net, false);
        out.append(format(
                "  %-48s %8.1f %8.2f %8.2f %9.2f %9.2f %9.2f %9s %9.1f%n",
                "total (with simulator + shop clients)",
                totalCpu,
                totalCpu / seconds,
                totalIdle,
                r.totalCpuMsPerOrder(),
                totalNet,
                r.cryptoMsPerOrder(),
                "",
                sum(switches, false) / r.completedInWindow));
        out.append(
                format(
                        "  (busy, idle: cores kept busy on average; ms/order and net ms: CPU ms per completed order;%n"
                                + "   JIT ms: the part of ms/order the JVM's JIT compiler threads used, warm-up rather than the orders' cost;%n"
                                + "   switches: context switches per order of the process's threads, each mostly a message handed between%n"
                                + "   threads or processes, paid in CPU whatever it carries; see MACHINE below for what one costs here)%n"));
        out.append(format(
                "  CPU ceiling on %d cores at this CPU per order: %.0f orders/s (measured %.1f/s); net of idle: %.0f orders/s%n",
                r.cores,
                r.cores * 1e3 / r.totalCpuMsPerOrder(),
                r.completedPerSecond(),
                (r.cores - totalIdle) * 1e3 / totalNet));
        out.append("  benchmark JVM, busiest threads in the window (CPU s): ")
                .append(busiest(r))
                .append("\n\n");
    }

    /** The sum over all processes, or over the server side's alone. */
    private static double sum(Map<String, Double> byProcess, boolean serverSideOnly) {
        return byProcess.entrySet().stream()
                .filter(e -> !serverSideOnly || LoadReport.serverSide(e.getKey()))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    private static String busiest(LoadReport r) {
        StringBuilder threads = new StringBuilder();
        r.window
                .busiestThreads()
                .forEach((name, cpu) -> threads.append(threads.length() == 0 ? "" : ", ")
                        .append(name)
                        .append(format(" %.1f", cpu)));
        return threads.toString();
    }

    private static void crypto(StringBuilder out, LoadReport r) {
        out.append(
                        "CRYPTOGRAPHY FLOOR (counted from the code; each operation timed in this JVM after the drain and idle,\n")
                .append(
                        "single thread, warmed up, real test keys, JDK providers; CPU = thread CPU time, median of 5 rounds)\n");
        out.append(format("  %-56s %6s %10s %10s %8s%n", "operation", "/order", "µs CPU", "µs wall", "calls"));
        Map<CryptoFloor.Operation, Integer> counts = new EnumMap<>(CryptoFloor.Operation.class);
        CryptoFloor.HAPPY_PATH.forEach(use -> counts.merge(use.operation(), 1, Integer::sum));
        for (CryptoFloor.Cost cost : r.costs.values()) {
            out.append(format(
                    "  %-56s %6d %10.1f %10.1f %8d%n",
                    cost.operation().label,
                    counts.getOrDefault(cost.operation(), 0),
                    cost.cpuMicros(),
                    cost.wallMicros(),
                    cost.calls()));
        }
        out.append("  where, for one paid order (happy path):\n");
        for (CryptoFloor.Use use : CryptoFloor.HAPPY_PATH) {
            out.append(format("    %-28s %s%n", use.operation(), use.where()));
        }
        double services = r.servicesCryptoMsPerOrder();
        double crypto = r.cryptoMsPerOrder();
        out.append(format(
                "  crypto CPU per order: %.2f ms (services %.2f ms, simulator + shop client %.2f ms)%n",
                crypto, services, crypto - services));
        out.append(format(
                "  as run, with %.3f extra WeChat Pay calls per order (4 RSA ops each) and the extra deliveries: %.2f ms%n",
                r.extraApiCallsPerOrder(), r.cryptoMsPerOrderAsRun()));
        double ceiling = r.cores * 1e3 / crypto;
        out.append(format(
                "  crypto floor ceiling on %d cores: %.0f orders/s; measured %.1f/s = %.1f %% of it%n",
                r.cores, ceiling, r.completedPerSecond(), 100 * r.completedPerSecond() / ceiling));
        double servicesCpu = r.cpuMsPerOrder().entrySet().stream()
                .filter(e -> e.getKey().endsWith("-service"))
                .mapToDouble(Map.Entry::getValue)
                .sum();
        double totalNet = r.netCpuMsPerOrder().values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        out.append(format(
                "  total CPU per order = %.1f x its crypto CPU (net of idle: %.1f x); the four services' CPU = %.1f x "
                        + "their own crypto (%.2f / %.2f ms)%n",
                r.totalCpuMsPerOrder() / crypto, totalNet / crypto, servicesCpu / services, servicesCpu, services));
        out.append(format(
                "  server-side CPU per order (4 services + broker + PostgreSQL) = %.1f x the services' crypto "
                        + "(%.2f / %.2f ms)%n%n",
                r.serverCpuMsPerOrder() / services, r.serverCpuMsPerOrder(), services));
    }

    private static void caveats(StringBuilder out) {
        out.append("""
                CAVEATS
                  - The machine is shared: other work competes for the same cores, so rates and latencies move with
                    the load average shown; CPU-seconds per order move much less and are the figures to compare.
                  - "Idle" is measured after the drain: a process still catching up then (reconcile-service, whose active
                    queries and consumers lag behind) shows load-driven CPU as idle, and its net figure is too low or
                    even negative. Net of idle is a rough guide; the measured ms/order is the figure.
                  - PostgreSQL CPU = postmaster + live children + children it has reaped (cutime/cstime), from /proc;
                    CPU of a backend that exits is counted once the postmaster has waited for it.
                  - The benchmark JVM holds the simulator, the shop clients and the status reader; its split by thread
                    group misses threads that ended between two half-second samples, and GC/JIT are not per thread.
                  - The crypto floor is timed single-threaded on the otherwise idle system after the drain and the idle
                    measurement; under load (shared caches, frequency) the same operations cost somewhat more.
                  - No TLS anywhere (HTTP, Kafka and PostgreSQL in plain text on 127.0.0.1): in production TLS adds
                    handshakes and record encryption that this floor does not count.
                  - reconcile-service runs with its production query schedule (first query a minute after the pay
                    params): only orders still unpaid by then are queried, which shows as extra WeChat Pay calls above.
                """);
    }
}
