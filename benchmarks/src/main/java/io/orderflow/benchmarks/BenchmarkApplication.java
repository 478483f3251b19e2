package io.orderflow.benchmarks;

import io.orderflow.events.OrderStatusChanged;
import io.orderflow.platform.messaging.IdempotentConsumer;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;

/**
 * The service under load: it publishes as order-service through the platform outbox and
 * consumes {@code orderflow.order.status} the way services do, through the
 * {@link IdempotentConsumer}, applying each event to a read model in the same transaction.
 */
@SpringBootApplication
public class BenchmarkApplication {

    @Bean
    JdbcClient jdbcClient(DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }

    @Bean
    LatencyProbe latencyProbe() {
        return new LatencyProbe();
    }

    @Bean
    Consumer<Message<List<byte[]>>> orderStatus(IdempotentConsumer inbox, JdbcClient jdbc, LatencyProbe probe) {
        return batch -> inbox.acceptBatch(batch, event -> {
            OrderStatusChanged changed = (OrderStatusChanged) event.event();
            jdbc.sql("""
                        insert into benchmark_order_status (order_id, version, status) values (?, ?, ?)
                        on conflict (order_id) do update set version = excluded.version, status = excluded.status
                        where benchmark_order_status.version < excluded.version""")
                    .params(changed.orderId(), changed.version(), changed.to().name())
                    .update();
            // measured at the apply, inside the batch's transaction (a commit follows within the batch)
            probe.applied(event.ceId());
        });
    }
}
