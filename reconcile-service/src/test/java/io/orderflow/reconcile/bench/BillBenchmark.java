package io.orderflow.reconcile.bench;

import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.test.TestPostgres;
import io.orderflow.platform.test.TestWechatPay;
import io.orderflow.reconcile.ReconcileServiceApplication;
import io.orderflow.reconcile.bill.BillRun;
import io.orderflow.reconcile.bill.Reconciliation;
import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.SimulatedTime;
import io.orderflow.simulator.bill.BillType;
import io.orderflow.simulator.bill.TradeBill;
import io.orderflow.simulator.fault.FaultKind;
import io.orderflow.simulator.fault.Faults;
import io.orderflow.simulator.ledger.Order;
import io.orderflow.simulator.ledger.Trades;
import java.lang.management.ManagementFactory;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One large day reconciled: N orders paid at the simulator on one day (through its trade use cases in this JVM,
 * callbacks dropped, so setting up takes seconds), the same orders in reconcile-service's ledger (bulk insert),
 * a few made to differ (10 amounts, 10 PENDING here so repaired by query, 10 never paid at WeChat). Then one
 * on-demand run: bill applied for, downloaded with the SDK to a file, SHA-1 checked, streamed through the parser
 * and compared in batches of 1000. Prints the run's time, the heap after GC around it and what the run's thread
 * allocated; run it under a heap cap (MAVEN_OPTS=-Xmx…) to show the whole JVM, the in-JVM simulator with its
 * orders and its in-memory rendering of the bill included, fits. Then a re-run of the day. Argument: orders.
 */
public final class BillBenchmark {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int ODD = 10;

    public static void main(String[] args) {
        try {
            run(args.length > 0 ? Integer.parseInt(args[0]) : 100_000);
        } catch (RuntimeException e) {
            // the servers' non-daemon threads would keep the JVM (and exec:java) waiting forever
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(int orders) {
        RunningSimulator simulator = TestWechatPay.startFast();
        ConfigurableApplicationContext reconcile = start(simulator);
        LocalDate day = LocalDate.now(CHINA).minusDays(2);
        long setup = System.nanoTime();
        List<Order> paid = payAtWechat(simulator, orders, day);
        fillLedger(JdbcClient.create(reconcile.getBean(javax.sql.DataSource.class)), paid, day);
        System.out.printf(
                "%nset up %d orders paid on %s in %.1f s; the bill file is %d MB%n",
                orders,
                day,
                (System.nanoTime() - setup) / 1e9,
                TradeBill.render(
                                        BillType.ALL,
                                        TestMerchant.MCHID,
                                        day,
                                        simulator.ledger().orders())
                                .length
                        >> 20);
        Reconciliation reconciliation = reconcile.getBean(Reconciliation.class);
        measure(
                "first run",
                () -> reconciliation
                        .run(TestMerchant.MCHID, day, "ON_DEMAND", 1)
                        .run());
        measure(
                "re-run   ",
                () -> reconciliation
                        .run(TestMerchant.MCHID, day, "ON_DEMAND", 1)
                        .run());
        reconcile.close();
        simulator.close();
        System.exit(0);
    }

    private static void measure(String name, java.util.function.Supplier<BillRun> run) {
        System.gc();
        long before = heapUsed();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        BillRun result = run.get();
        allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
        double seconds = (System.nanoTime() - start) / 1e9;
        System.gc();
        long after = heapUsed();
        System.out.printf(
                "%s: %s%s, %d rows in %.2f s (%.0f rows/s); matched %d, discrepancies %d, repaired %d%n",
                name,
                result.outcome(),
                result.detail() == null ? "" : " (" + result.detail() + ")",
                result.billRows(),
                seconds,
                result.billRows() / seconds,
                result.matched(),
                result.discrepancies(),
                result.repaired());
        System.out.printf(
                "          heap after GC before / after the run %d / %d MB (whole JVM capped at %d MB); "
                        + "allocated by the run's thread %d MB%n",
                before >> 20, after >> 20, Runtime.getRuntime().maxMemory() >> 20, allocated >> 20);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Prepaid and paid through the simulator's own use cases, stamped on {@code day} between 08:00 and 20:00. */
    private static List<Order> payAtWechat(RunningSimulator simulator, int count, LocalDate day) {
        simulator
                .context()
                .getBean(Faults.class)
                .add(FaultKind.DROP_CALLBACK, TestMerchant.MCHID, null, 1.0, null, null);
        Trades trades = simulator.context().getBean(Trades.class);
        SimulatedTime time = simulator.context().getBean(SimulatedTime.class);
        Instant first = day.atTime(8, 0).atZone(CHINA).toInstant();
        long step = Duration.ofHours(12).toNanos() / count;
        List<Order> paid = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Order order = trades.prepay(TestMerchant.MCHID, prepay(String.format("BB%022d", i), 100 + i % 5000));
            time.shiftTrades(Duration.between(Instant.now(), first.plusNanos(step * i)));
            paid.add(trades.pay(order, true));
        }
        time.shiftTrades(Duration.ZERO);
        return paid;
    }

    private static Map<String, Object> prepay(String outTradeNo, long fen) {
        return Map.of(
                "appid",
                TestMerchant.APPID,
                "mchid",
                TestMerchant.MCHID,
                "description",
                "bill benchmark",
                "out_trade_no",
                outTradeNo,
                "notify_url",
                "http://127.0.0.1:1/notify",
                "amount",
                Map.of("total", fen, "currency", "CNY"),
                "payer",
                Map.of("openid", "oBenchmark"));
    }

    /** The ledger as the order topics would have built it; the first ODD differ in amount, the next ODD are PENDING. */
    private static void fillLedger(JdbcClient jdbc, List<Order> paid, LocalDate day) {
        int n = paid.size() + ODD;
        String[] ids = new String[n];
        String[] statuses = new String[n];
        Long[] amounts = new Long[n];
        String[] transactions = new String[n];
        Timestamp[] paidAt = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            Order order = i < paid.size() ? paid.get(i) : null;
            ids[i] = order == null ? String.format("BBX%021d", i) : order.outTradeNo();
            statuses[i] = i >= ODD && i < 2 * ODD ? "PENDING" : "SUCCESS";
            amounts[i] = order == null ? 100 : order.total() + (i < ODD ? 1 : 0);
            transactions[i] = order == null ? null : order.transactionId();
            paidAt[i] = order == null
                    ? Timestamp.from(day.atTime(12, 0).atZone(CHINA).toInstant())
                    : Timestamp.from(order.successTime());
        }
        jdbc.sql("""
                insert into ledger_order (order_id, mchid, version, status, amount_fen, transaction_id, paid_at, pay_date)
                select id, ?, 2, status, amount, tx, paid, case when status = 'PENDING' then null else cast(? as date) end
                from unnest(?, ?, ?, ?, ?) as t(id, status, amount, tx, paid)""")
                .params(TestMerchant.MCHID, Date.valueOf(day), ids, statuses, amounts, transactions, paidAt)
                .update();
    }

    private static ConfigurableApplicationContext start(RunningSimulator simulator) {
        TestPostgres.Database database =
                TestPostgres.database("reconcile_bill_benchmark_" + System.currentTimeMillis());
        Map<String, Object> properties =
                new HashMap<>(TestMerchant.properties(simulator.baseUrl(), "http://127.0.0.1:1"));
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.cloud.stream.kafka.binder.brokers", TestKafka.bootstrapServers());
        properties.put("orderflow.reconcile.bill.cron", "-");
        // the in-JVM simulator renders the whole bill while the apply call waits (WeChat's is ready-made)
        properties.put("orderflow.wechatpay.read-timeout", "120s");
        properties.put("logging.level.io.orderflow", "WARN");
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ReconcileServiceApplication.class).run(arguments);
    }
}
