package io.orderflow.platform.outbox;

import static io.orderflow.platform.TestEvents.newOrderId;
import static io.orderflow.platform.TestEvents.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.platform.OutboxSpringTestBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Many orders, many versions each, appended concurrently by several writers (each writer
 * updating the order's row first, as every aggregate does) and relayed by two lanes: each
 * order's events reach the consumer in version order, each exactly once.
 */
@SpringBootTest
class PerKeyOrderingTests extends OutboxSpringTestBase {

    private static final int ORDERS = 40;
    private static final int VERSIONS = 25;
    private static final int WRITERS = 8;

    @Test
    void everyOrdersEventsArriveInVersionOrderExactlyOnce() throws Exception {
        List<String> orders =
                IntStream.range(0, ORDERS).mapToObj(i -> newOrderId()).toList();
        orders.forEach(id -> jdbc.sql("insert into test_aggregate (id, version) values (?, 0)")
                .param(id)
                .update());

        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                work.add(writers.submit(() -> {
                    while (Boolean.TRUE.equals(transactions.execute(status -> appendNextVersion(orders)))) {
                        // one event per transaction, until every order has all its versions
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            writers.shutdown();
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> receivedCount(orders) == (long) ORDERS * VERSIONS);
        Map<String, List<Long>> arrivals = arrivals(orders);
        List<Long> expected =
                java.util.stream.LongStream.rangeClosed(1, VERSIONS).boxed().toList();
        orders.forEach(id -> assertThat(arrivals.get(id))
                .as("versions of %s in arrival order", id)
                .isEqualTo(expected));
    }

    /**
     * Bumps the version of a random unfinished order and appends its event, in the caller's
     * transaction; the row lock taken by the update serialises the writers of one order.
     *
     * @return false when every order has all its versions
     */
    private boolean appendNextVersion(List<String> orders) {
        int start = java.util.concurrent.ThreadLocalRandom.current().nextInt(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            String id = orders.get((start + i) % orders.size());
            Long version = jdbc.sql(
                            "update test_aggregate set version = version + 1 where id = ? and version < ? returning version")
                    .params(id, VERSIONS)
                    .query(Long.class)
                    .optional()
                    .orElse(null);
            if (version != null) {
                outbox.append(statusChanged(id, version));
                return true;
            }
        }
        return false;
    }

    private long receivedCount(List<String> orders) {
        return jdbc.sql("select count(*) from received_event where binding = 'status' and subject = any(?)")
                .param(orders.toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    private Map<String, List<Long>> arrivals(List<String> orders) {
        record Arrival(String subject, long version) {}
        return jdbc
                .sql(
                        "select subject, version from received_event where binding = 'status' and subject = any(?) order by arrival")
                .param(orders.toArray(String[]::new))
                .query((rs, row) -> new Arrival(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Arrival::subject, Collectors.mapping(Arrival::version, Collectors.toList())));
    }
}
