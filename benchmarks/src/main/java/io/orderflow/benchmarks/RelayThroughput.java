package io.orderflow.benchmarks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderflow.events.EventTypes;
import io.orderflow.platform.outbox.Outbox;
import io.orderflow.platform.outbox.OutboxProperties;
import io.orderflow.platform.outbox.OutboxRelay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Relay throughput: N outbox rows are appended while the relay is stopped (not timed), then
 * the relay starts and the clock runs until the table has no unpublished row left.
 */
final class RelayThroughput {

    private static final int EVENTS_PER_TRANSACTION = 100;
    private static final int LOADER_THREADS = 2;
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

    /** One configuration's figures; {@code onTopic} counts records the broker gained (duplicates included). */
    record Result(
            int batchSize,
            int lanes,
            int events,
            double loadSeconds,
            double drainSeconds,
            long batches,
            double meanBatchMillis,
            double relayCpuMicrosPerEvent,
            long onTopic,
            double load) {

        double eventsPerSecond() {
            return events / drainSeconds;
        }
    }

    private RelayThroughput() {}

    static Result run(ConfigurableApplicationContext context, int events, String brokers) throws Exception {
        OutboxRelay relay = context.getBean(OutboxRelay.class);
        OutboxProperties properties = context.getBean(OutboxProperties.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        relay.stop();
        jdbc.sql("truncate outbox_event").update();
        long topicBefore = recordsOn(brokers, EventTypes.ORDER_EVENTS_TOPIC);

        long loadStart = System.nanoTime();
        preload(context, events);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        if (pending(jdbc) != events) {
            throw new IllegalStateException("expected " + events + " pending rows, found " + pending(jdbc));
        }

        MeterRegistry meters = context.getBean(MeterRegistry.class);
        Timer batches = meters.timer("orderflow.outbox.batch");
        Counter published = meters.counter("orderflow.outbox.published");
        long batchesBefore = batches.count();
        double batchMillisBefore = batches.totalTime(TimeUnit.MILLISECONDS);
        double target = published.count() + events;
        long start = System.nanoTime();
        relay.start();
        // the relay's own counter is free to read; a count(*) over the outbox every few ms would compete with it
        while (published.count() < target || pending(jdbc) > 0) {
            if (System.nanoTime() - start > TIMEOUT_NANOS) {
                throw new IllegalStateException("relay did not drain " + events + " events in 120 s");
            }
            Thread.sleep(2);
        }
        double drainSeconds = (System.nanoTime() - start) / 1e9;
        // the relay's lane threads are new at each start, so their CPU time is this run's
        double relayCpu = ThreadCpu.nanos("outbox-relay-") / 1e3 / events;
        long batchCount = batches.count() - batchesBefore;
        double meanBatch =
                batchCount == 0 ? 0 : (batches.totalTime(TimeUnit.MILLISECONDS) - batchMillisBefore) / batchCount;
        long onTopic = recordsOn(brokers, EventTypes.ORDER_EVENTS_TOPIC) - topicBefore;
        return new Result(
                properties.batchSize(),
                properties.lanes(),
                events,
                loadSeconds,
                drainSeconds,
                batchCount,
                meanBatch,
                relayCpu,
                onTopic,
                ThreadCpu.loadAverage());
    }

    /** Appends through {@link Outbox#append} in transactions of 100 events, on two threads. */
    private static void preload(ConfigurableApplicationContext context, int events) throws Exception {
        Outbox outbox = context.getBean(Outbox.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        ExecutorService loaders = Executors.newFixedThreadPool(LOADER_THREADS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int first = 0; first < events; first += EVENTS_PER_TRANSACTION) {
                int count = Math.min(EVENTS_PER_TRANSACTION, events - first);
                work.add(loaders.submit(() -> transactions.executeWithoutResult(status -> {
                    for (int i = 0; i < count; i++) {
                        outbox.append(BenchmarkEvents.orderCreated(BenchmarkEvents.newOrderId()));
                    }
                })));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            loaders.shutdownNow();
        }
    }

    private static long pending(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from outbox_event where published_at is null")
                .query(Long.class)
                .single();
    }

    /** Sum of the topic's end offsets: records written to it so far. */
    static long recordsOn(String brokers, String topic) {
        Map<String, Object> settings = Map.of("bootstrap.servers", brokers);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            return consumer.endOffsets(partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }
}
