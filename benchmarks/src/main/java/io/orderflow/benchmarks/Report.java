package io.orderflow.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;

/** The printed results. */
final class Report {

    private static final PrintStream out = System.out;

    private Report() {}

    static void header() {
        Runtime runtime = Runtime.getRuntime();
        out.println();
        out.println("orderflow outbox benchmark");
        out.printf(
                "JVM %s, %d cores, max heap %d MB%n",
                Runtime.version(), runtime.availableProcessors(), runtime.maxMemory() >> 20);
        out.println("PostgreSQL: embedded zonky (real server process, fsync on). Kafka: in-JVM KRaft broker, 1 node,");
        out.println(
                "4 partitions, acks=all, idempotent producer. The broker runs INSIDE this JVM and competes with the");
        out.println("relay, the appenders, the consumer and PostgreSQL for the same cores: figures are a floor.");
        out.println("Wall-clock rates also move with whatever else runs on the machine (see the load column); the");
        out.println("CPU-per-event columns (thread CPU time) are the figures that stay comparable between runs.");
        out.printf("Load average at start: %.2f%n", ThreadCpu.loadAverage());
        out.println();
    }

    static void progress(long started, String message) {
        out.printf("[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, message);
    }

    static void throughput(List<RelayThroughput.Result> results) {
        out.println();
        out.println("1. Relay throughput: rows appended with the relay stopped (through Outbox.append, 100 per");
        out.println("   transaction, not timed), then time from relay start until no row is unpublished.");
        out.println();
        out.println(
                "| batch | lanes | events | drain s | events/s | batches | batch send+ack ms | relay CPU us/event | on topic | load |");
        out.println(
                "|------:|------:|-------:|--------:|---------:|--------:|------------------:|-------------------:|---------:|-----:|");
        for (RelayThroughput.Result r : results) {
            out.printf(
                    "| %5d | %5d | %6d | %7.2f | %8.0f | %7d | %17.1f | %18.0f | %8d | %4.1f |%n",
                    r.batchSize(),
                    r.lanes(),
                    r.events(),
                    r.drainSeconds(),
                    r.eventsPerSecond(),
                    r.batches(),
                    r.meanBatchMillis(),
                    r.relayCpuMicrosPerEvent(),
                    r.onTopic(),
                    r.load());
        }
        out.printf(
                "(pre-load took %.1f-%.1f s per configuration and is not in the figures)%n",
                results.stream()
                        .mapToDouble(RelayThroughput.Result::loadSeconds)
                        .min()
                        .orElse(0),
                results.stream()
                        .mapToDouble(RelayThroughput.Result::loadSeconds)
                        .max()
                        .orElse(0));
    }

    static void latency(List<EndToEndLatency.Result> results, Duration duration, String batchSize, String lanes) {
        out.println();
        out.printf(
                "2. End-to-end latency: %d s per rate, one OrderStatusChanged per transaction on %d appender%n",
                duration.toSeconds(), results.isEmpty() ? 0 : results.get(0).threads());
        out.println("   threads; from the appending transaction's commit to the commit of the IdempotentConsumer's");
        out.printf(
                "   transaction (dedup record + read-model upsert). Relay batch-size %s, lanes %s.%n",
                batchSize, lanes);
        out.println();
        out.println("| offered/s | achieved/s | applied/s | events | p50 ms | p90 ms | p99 ms | max ms "
                + "| relay p50/p99 ms | CPU us/event consumer, JVM | load |");
        out.println("|----------:|-----------:|----------:|-------:|-------:|-------:|-------:|-------:"
                + "|-----------------:|---------------------------:|-----:|");
        for (EndToEndLatency.Result r : results) {
            Histogram h = r.latencyMicros();
            out.printf(
                    "| %9d | %10.0f | %9.0f | %6d | %6.1f | %6.1f | %6.1f | %6.1f | %7.1f / %6.1f | %19.0f, %6.0f | %4.1f |%n",
                    r.offeredRate(),
                    r.achievedRate(),
                    r.appliedRate(),
                    r.applied(),
                    millis(h, 50),
                    millis(h, 90),
                    millis(h, 99),
                    h.getMaxValue() / 1000.0,
                    r.relayMillis()[0],
                    r.relayMillis()[1],
                    r.consumerCpuMicros(),
                    r.jvmCpuMicros(),
                    r.load());
            if (r.unmatched() > 0 || r.lost() > 0 || r.applied() != r.sent()) {
                out.printf(
                        "  ! %d sent, %d applied, %d not applied within 60 s, %d unmatched%n",
                        r.sent(), r.applied(), r.lost(), r.unmatched());
            }
        }
        out.println(
                "   achieved = appends committed per second; applied = consumer commits per second until the last one.");
        out.println("   relay = outbox insert to row marked published (after the broker's ack), database clock.");
        out.println("   CPU: thread CPU time of the consumer per applied event; of the whole JVM (appenders, relay,");
        out.println("   broker, consumer; PostgreSQL is a separate process and not included) per sent event.");
        out.println();
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
