package io.orderflow.platform.outbox;

import static io.orderflow.platform.TestEvents.newOrderId;
import static io.orderflow.platform.TestEvents.orderCreated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.platform.OutboxSpringTestBase;
import io.orderflow.platform.test.KafkaBrokerProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The broker goes away (a real broker process, stopped) while the service keeps committing:
 * the events wait in the outbox and flow, all of them and in order, once it is back.
 */
@SpringBootTest(properties = "orderflow.test.database=platform_outage")
@DirtiesContext
class BrokerOutageTests extends OutboxSpringTestBase {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final KafkaBrokerProcess broker = KafkaBrokerProcess.start();

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", broker::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void eventsCommittedWhileTheBrokerIsDownWaitInTheOutboxAndFlowWhenItReturns() {
        String orderId = newOrderId();
        String before = append(orderId, "before the outage");
        await().atMost(WAIT).until(() -> receivedFor(orderId) == 1);

        broker.stop();
        double failuresBefore = failures();
        String during1 = append(orderId, "during the outage 1");
        String during2 = append(orderId, "during the outage 2");
        await().atMost(WAIT).until(() -> failures() > failuresBefore);
        assertThat(unpublished(during1) && unpublished(during2))
                .as("held in the outbox while the broker is down")
                .isTrue();

        broker.restart();
        String after = append(orderId, "after the outage");
        await().atMost(WAIT).until(() -> receivedFor(orderId) == 4);
        assertThat(arrivals(orderId)).containsExactly(before, during1, during2, after);
    }

    private String append(String orderId, String description) {
        return append(orderCreated(orderId, description));
    }

    private double failures() {
        return meters.get("orderflow.outbox.send.failures").counter().count();
    }

    private long receivedFor(String orderId) {
        return single("select count(*) from received_event where subject = ?", orderId, Long.class);
    }

    private List<String> arrivals(String orderId) {
        return jdbc.sql("select ce_id from received_event where subject = ? order by arrival")
                .param(orderId)
                .query(String.class)
                .list();
    }
}
