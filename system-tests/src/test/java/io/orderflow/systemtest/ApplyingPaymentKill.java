package io.orderflow.systemtest;

import io.orderflow.events.EventTypes;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.test.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * Kills order-service ({@code kill -9}) while it applies PaymentNotified: the moment notify-service acknowledges
 * WeChat's callback for one of the watched payments (the simulator's delivery log, read every millisecond), its
 * PaymentNotified is committed and on its way to order-service, and the payments before it are being applied.
 * The kill landed in that window when at least one payment acknowledged by then has no SUCCESS on
 * {@code orderflow.order.status} afterwards: order-service had not announced its effect. {@link #awaitLanded}
 * returns those payments; order-service is started again right after they are counted.
 */
final class ApplyingPaymentKill {

    private final OrderflowSystem system;
    private CompletableFuture<Set<String>> landed;

    ApplyingPaymentKill(OrderflowSystem system) {
        this.system = system;
    }

    /** Kills order-service when the first callback of {@code watched} is acknowledged. */
    void arm(List<String> watched) {
        List<String> orders = List.copyOf(watched);
        landed = CompletableFuture.supplyAsync(() -> {
            Awaitility.await("a callback of " + orders + " acknowledged").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(1)).until(() -> !acknowledged(orders).isEmpty());
            Set<String> inWindow = acknowledged(orders);
            system.service("order-service").kill();
            inWindow.removeAll(announcedSuccess());
            system.service("order-service").start();
            return inWindow;
        });
    }

    /** The payments acknowledged to WeChat whose SUCCESS order-service had not announced when it was killed. */
    Set<String> awaitLanded(Duration atMost) {
        if (landed == null) {
            return Set.of();
        }
        try {
            return landed.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("order-service was not killed while applying PaymentNotified", e);
        }
    }

    private Set<String> acknowledged(List<String> orders) {
        return orders.stream().filter(id -> system.simulator.ledger().order(TestMerchant.MCHID, id).orElseThrow()
                        .deliveries().stream().anyMatch(d -> d.eventType().equals("TRANSACTION.SUCCESS")
                                && d.outcome().equals("ACKNOWLEDGED")))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> announcedSuccess() {
        try (TopicProbe status = new TopicProbe(system.bootstrapServers(), EventTypes.ORDER_STATUS_TOPIC)) {
            return status.readToEnd(Duration.ofSeconds(30)).stream()
                    .filter(r -> "SUCCESS".equals(StatusRecords.field(r, "to")))
                    .map(TopicProbe.Received::key).collect(Collectors.toSet());
        }
    }
}
