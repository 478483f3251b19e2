package io.orderflow.order.order.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.events.OrderStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Orders by state, {@code orderflow.order.orders{status}}: one {@code group by} over the orders table, at most
 * once per {@code orderflow.metrics.order-states-every} (30 s) however often Prometheus scrapes, because the
 * count reads every row.
 */
@Component
class OrderStateGauges {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration every;
    private Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
    private Instant countedAt = Instant.MIN;

    OrderStateGauges(
            DataSource dataSource,
            Clock clock,
            MeterRegistry meters,
            @Value("${orderflow.metrics.order-states-every:30s}") Duration every) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        this.every = every;
        for (OrderStatus status : OrderStatus.values()) {
            Gauge.builder("orderflow.order.orders", () -> count(status))
                    .tag("status", status.name())
                    .description("orders by state (refreshed at most every orderflow.metrics.order-states-every)")
                    .register(meters);
        }
    }

    synchronized long count(OrderStatus status) {
        Instant now = clock.instant();
        if (!now.isBefore(countedAt.plus(every))) {
            Map<OrderStatus, Long> fresh = new EnumMap<>(OrderStatus.class);
            jdbc.sql("select status, count(*) from orders group by status")
                    .query((rs, row) -> fresh.put(OrderStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                    .list();
            counts = fresh;
            countedAt = now;
        }
        return counts.getOrDefault(status, 0L);
    }
}
