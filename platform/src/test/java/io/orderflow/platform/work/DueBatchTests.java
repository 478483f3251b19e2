package io.orderflow.platform.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch of claimed rows against the real database: a row that throws, even after writing or after breaking
 * its SQL, is rolled back alone, counted and handed back in the batch's transaction; the others commit.
 */
@SpringBootTest
class DueBatchTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    private final Map<String, AtomicInteger> worked = new ConcurrentHashMap<>();

    @Test
    void aRowThatThrowsAfterWritingIsRolledBackAloneCountedAndPushedBackWhileTheOthersCommit() {
        String batch = rows(5);
        double before = failures("IllegalStateException");

        int claimed = dueBatch(batch, row -> {
                    settle(row);
                    if (row.endsWith("-2")) {
                        throw new IllegalStateException("an answer without a field");
                    }
                })
                .run();

        assertThat(claimed).isEqualTo(5);
        assertThat(states(batch))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        batch + "-0",
                        "DONE:0",
                        batch + "-1",
                        "DONE:0",
                        batch + "-2",
                        "RETRY:1:IllegalStateException",
                        batch + "-3",
                        "DONE:0",
                        batch + "-4",
                        "DONE:0"));
        assertThat(failures("IllegalStateException")).isEqualTo(before + 1);
    }

    @Test
    void aRowWhoseSqlFailsDoesNotAbortTheTransactionOfTheOthers() {
        String batch = rows(4);

        dueBatch(batch, row -> {
                    settle(row);
                    if (row.endsWith("-1")) {
                        jdbc.sql("insert into due_row (id, batch, state) values (?, ?, 'DUE')")
                                .params(row, batch)
                                .update();
                    }
                })
                .run();

        assertThat(states(batch))
                .containsEntry(batch + "-0", "DONE:0")
                .containsEntry(batch + "-2", "DONE:0")
                .containsEntry(batch + "-3", "DONE:0")
                .containsEntry(batch + "-1", "RETRY:1:DuplicateKeyException");
    }

    @Test
    void aBatchWithoutFailuresWorksEachRowOnce() {
        String batch = rows(3);

        dueBatch(batch, this::settle).run();

        assertThat(states(batch).values()).containsOnly("DONE:0");
        assertThat(worked.values()).extracting(AtomicInteger::get).containsExactly(1, 1, 1);
    }

    @Test
    void aBatchThatFailsRunsOnceMoreRowByRowSoItsRowsAreWorkedTwiceAndSettledOnce() {
        String batch = rows(3);

        dueBatch(batch, row -> {
                    settle(row);
                    if (row.endsWith("-2")) {
                        throw new IllegalArgumentException("poison");
                    }
                })
                .run();

        assertThat(worked.entrySet())
                .extracting(e -> e.getKey() + "=" + e.getValue().get())
                .containsExactlyInAnyOrder(batch + "-0=2", batch + "-1=2", batch + "-2=2");
        assertThat(states(batch))
                .containsEntry(batch + "-0", "DONE:0")
                .containsEntry(batch + "-1", "DONE:0")
                .containsEntry(batch + "-2", "RETRY:1:IllegalArgumentException");
    }

    private DueBatch<String> dueBatch(String batch, Consumer<String> work) {
        return new DueBatch<>(
                "test",
                10,
                transactions,
                meters,
                size -> jdbc.sql("select id from due_row where batch = ? and state = 'DUE' order by id limit ? "
                                + "for update skip locked")
                        .params(batch, size)
                        .query(String.class)
                        .list(),
                row -> {
                    worked.computeIfAbsent(row, r -> new AtomicInteger()).incrementAndGet();
                    work.accept(row);
                },
                (row, failure) -> jdbc.sql("update due_row set state = 'RETRY', attempts = attempts + 1, note = ? "
                                + "where id = ?")
                        .params(failure.getClass().getSimpleName(), row)
                        .update());
    }

    private void settle(String row) {
        jdbc.sql("update due_row set state = 'DONE' where id = ?").param(row).update();
    }

    private String rows(int count) {
        String batch = "b" + UUID.randomUUID().toString().substring(0, 8);
        IntStream.range(0, count)
                .forEach(i -> jdbc.sql("insert into due_row (id, batch, state) values (?, ?, 'DUE')")
                        .params(batch + "-" + i, batch)
                        .update());
        return batch;
    }

    private Map<String, String> states(String batch) {
        List<Map<String, Object>> rows = jdbc.sql("select id, state, attempts, note from due_row where batch = ?")
                .param(batch)
                .query()
                .listOfRows();
        return rows.stream()
                .collect(Collectors.toMap(
                        r -> (String) r.get("id"),
                        r -> r.get("state") + ":" + r.get("attempts")
                                + (r.get("note") == null ? "" : ":" + r.get("note"))));
    }

    private double failures(String reason) {
        Counter counter = meters.find(DueBatch.FAILURES)
                .tags("worker", "test", "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
