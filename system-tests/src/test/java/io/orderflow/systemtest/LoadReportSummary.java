package io.orderflow.systemtest;

import static io.orderflow.systemtest.LoadReport.format;

import java.util.Optional;

/**
 * The parts of the load report that judge the run: the summary at the top (the figure issue 17 is
 * about, orderflow's own CPU per paid order, and whether the run can be trusted), the steady-state
 * check, and the open loop's schedule and latency target.
 */
final class LoadReportSummary {

    private static final String ROW = "  %-44s %s%n";

    private LoadReportSummary() {}

    /**
     * Why the run says nothing, or empty when it can be read: with no order reaching SUCCESS in the window
     * every figure per order is a division by zero (printed as Infinity or NaN).
     */
    static Optional<String> voidReason(long createdInWindow, long completedInWindow) {
        if (completedInWindow > 0) {
            return Optional.empty();
        }
        return Optional.of(format(
                "VOID RUN: no order reached SUCCESS in the window (%d created in it), so no figure per order exists; "
                        + "the log says what failed",
                createdInWindow));
    }

    static void summary(StringBuilder out, LoadReport r) {
        out.append("SUMMARY\n");
        voidReason(r.createdInWindow, r.completedInWindow)
                .ifPresent(reason -> out.append("  ").append(reason).append('\n'));
        out.append(format(
                ROW,
                "load",
                r.openLoop != null
                        ? format(
                                "open loop, %.1f creates/s offered (in the window: %.1f /s due, %.1f /s answered 201)",
                                r.settings.rate(), r.openLoop.duePerSecond(), r.createdInWindow / r.window.seconds())
                        : format("closed loop, %d shop clients", r.settings.clients())));
        out.append(format(
                ROW,
                "orders reaching SUCCESS in the window",
                format(
                        "%.1f /s, %s (backlog %+d)",
                        r.completedPerSecond(),
                        r.sustained() ? "sustained" : "NOT sustained",
                        r.backlogAtEnd - r.backlogAtStart)));
        out.append(format(
                ROW,
                "server-side CPU per paid order",
                format("%.1f ms  (4 services + Kafka broker + PostgreSQL)", r.serverCpuMsPerOrder())));
        out.append(format(
                ROW,
                "total CPU per paid order",
                format("%.1f ms  (with the simulator and the shop clients)", r.totalCpuMsPerOrder())));
        out.append(format(
                ROW,
                "server side / the services' cryptography",
                format(
                        "%.1f x  (services' crypto %.2f ms per order)",
                        r.serverCpuMsPerOrder() / r.servicesCryptoMsPerOrder(), r.servicesCryptoMsPerOrder())));
        out.append(format(ROW, "steady state (window halves within " + percent() + ")", steadyLine(r.steadiness)));
        if (r.openLoop != null) {
            out.append(format(ROW, "open-loop latency target", targetLine(r)));
        }
        out.append(format(ROW, "tracing sampling", r.facts.tracingSampling()));
        out.append(format(ROW, "JVM", r.facts.java()));
        out.append('\n');
    }

    static void steadiness(StringBuilder out, LoadReport r) {
        LoadSteadiness s = r.steadiness;
        out.append(format(
                "STEADY STATE (the window split at its middle CPU sample; steady when each figure of the second half "
                        + "is within %s of the first half's)%n",
                percent()));
        out.append(format("  %-44s %12s %12s %9s%n", "", "first half", "second half", "change"));
        out.append(format(
                "  %-44s %12.1f %12.1f%n",
                "length, s", s.first().seconds(), s.second().seconds()));
        out.append(format(
                "  %-44s %12d %12d%n",
                "orders reaching SUCCESS", s.first().succeeded(), s.second().succeeded()));
        out.append(format(
                "  %-44s %12.2f %12.2f %+8.1f %%%n",
                "orders reaching SUCCESS /s",
                s.first().ordersPerSecond(),
                s.second().ordersPerSecond(),
                100 * s.rateChange()));
        out.append(format(
                "  %-44s %12.2f %12.2f %+8.1f %%%n",
                "server-side CPU ms per order",
                s.first().serverCpuMsPerOrder(),
                s.second().serverCpuMsPerOrder(),
                100 * s.cpuChange()));
        out.append(format(
                "  %-44s %11.1f%% %11.1f%%   (must be < %.0f %% in the second half)%n",
                "JIT compiler threads' share of the server CPU",
                100 * s.first().jitShare(),
                100 * s.second().jitShare(),
                100 * LoadSteadiness.JIT_LIMIT));
        out.append(
                format(
                        "  -> %s%n%n",
                        s.steady()
                                ? "PASS: steady"
                                : s.jitDone()
                                        ? "FAIL: not steady (a longer warm-up or window, or a quieter machine; the window's averages mislead)"
                                        : "FAIL: the JIT compilers were still busy (a longer warm-up; the window's CPU per order includes warm-up)"));
    }

    static void openLoop(StringBuilder out, LoadReport r) {
        LoadOpenLoop o = r.openLoop;
        out.append(
                "OPEN LOOP (creates due on a fixed schedule whatever the answers; latency counts from when each was due)\n");
        out.append(format(
                "  offered %.1f /s; due in the window %d (%.1f /s); answered 201 %.1f /s; reaching SUCCESS %.1f /s%n",
                o.offeredRate(),
                o.due(),
                o.duePerSecond(),
                r.createdInWindow / r.window.seconds(),
                r.completedPerSecond()));
        out.append(format(
                "  sent late (over %d ms after due: every caller busy, or this JVM short of CPU): %d of %d; never sent: %d; "
                        + "send lag p50 / p99 / max %.1f / %.1f / %.1f ms%n",
                LoadOpenLoop.LATE_MICROS / 1000,
                o.late(),
                o.due(),
                o.neverSent(),
                o.lagP50Ms(),
                o.lagP99Ms(),
                o.lagMaxMs()));
        out.append(format(
                "  target (issue 17): at half the sustained rate, p99 create → pay params and p99 paid → SUCCESS "
                        + "both < %.0f ms%n",
                LoadOpenLoop.TARGET_MS));
        if (o.sustainedRate() > 0) {
            double share = o.shareOfSustained();
            out.append(format(
                    "    offered rate = %.0f %% of the sustained %.1f /s given (-Dload.sustained-rate)%s%n",
                    100 * share,
                    o.sustainedRate(),
                    Math.abs(share - 0.5) <= 0.05 ? "" : ": not half of it, the verdict holds for this rate only"));
        } else {
            out.append("    sustained rate not given (-Dload.sustained-rate=<a closed-loop run's orders/s>): "
                    + "the target applies at half of it\n");
        }
        LoadReport.Stage create = r.latency.createToPayParams();
        LoadReport.Stage paid = r.latency.paidToSuccess();
        out.append(format(
                "    p99 create → pay params %.1f ms (%d of %d due), p99 paid → SUCCESS %.1f ms (%d of %d due) -> %s%n%n",
                create.p99(),
                create.count(),
                o.due(),
                paid.p99(),
                paid.count(),
                o.due(),
                o.targetMet(create, paid) ? "MET" : "NOT MET"));
    }

    private static String steadyLine(LoadSteadiness s) {
        return format(
                "%s: %.1f → %.1f orders/s (%+.1f %%), server CPU %.1f → %.1f ms/order (%+.1f %%), JIT %.1f %% of it",
                s.steady() ? "PASS" : "FAIL",
                s.first().ordersPerSecond(),
                s.second().ordersPerSecond(),
                100 * s.rateChange(),
                s.first().serverCpuMsPerOrder(),
                s.second().serverCpuMsPerOrder(),
                100 * s.cpuChange(),
                100 * s.second().jitShare());
    }

    private static String targetLine(LoadReport r) {
        LoadReport.Stage create = r.latency.createToPayParams();
        LoadReport.Stage paid = r.latency.paidToSuccess();
        return format(
                "%s: p99 create → pay params %.0f ms, paid → SUCCESS %.0f ms (< %.0f ms each, every due create counted); "
                        + "%d of %d sent late",
                r.openLoop.targetMet(create, paid) ? "MET" : "NOT MET",
                create.p99(),
                paid.p99(),
                LoadOpenLoop.TARGET_MS,
                r.openLoop.late(),
                r.openLoop.due());
    }

    private static String percent() {
        return format("%.0f %%", 100 * LoadSteadiness.TOLERANCE);
    }
}
