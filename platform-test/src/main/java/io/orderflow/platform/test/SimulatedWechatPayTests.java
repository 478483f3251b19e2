package io.orderflow.platform.test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.fault.FaultKind;
import io.orderflow.simulator.fault.FaultRule;
import io.orderflow.simulator.fault.Faults;
import io.orderflow.simulator.ledger.Order;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service against one in-JVM WeChat Pay simulator (the test merchant's real keys, signatures on, WeChat's delays a
 * thousand times faster), the real broker and PostgreSQL, shared by every test class extending it (one Spring
 * context). The service's WeChat Pay settings point at the simulator and its callbacks at nowhere; faults added by a
 * test are cleared after it. Each service that calls WeChat Pay extends it once in its own package (so its own
 * application is the one started) and adds its events there.
 */
@SpringBootTest
@ActiveProfiles("test")
public abstract class SimulatedWechatPayTests {

    protected static final Duration WAIT = Duration.ofSeconds(30);
    protected static final RunningSimulator simulator = TestWechatPay.startFast();
    private static final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MeterRegistry meters;

    @DynamicPropertySource
    static void merchant(DynamicPropertyRegistry registry) {
        TestMerchant.properties(simulator.baseUrl(), "http://127.0.0.1:1").forEach((k, v) -> registry.add(k, () -> v));
    }

    @AfterEach
    void clearFaults() {
        clearFaultsNow();
    }

    protected static void clearFaultsNow() {
        simulator.context().getBean(Faults.class).reset(42);
    }

    /** WeChat answers the test merchant's next {@code count} calls on this path with the fault {@code kind}. */
    protected static FaultRule fault(String kind, String pathPrefix, int count) {
        return simulator
                .context()
                .getBean(Faults.class)
                .add(FaultKind.valueOf(kind), TestMerchant.MCHID, pathPrefix, 1.0, count, null);
    }

    /** WeChat's answers on this path leave {@code field} out (still signed), until the faults are cleared. */
    protected static FaultRule missingField(String pathPrefix, String field) {
        return simulator
                .context()
                .getBean(Faults.class)
                .add(FaultKind.MISSING_FIELD, TestMerchant.MCHID, pathPrefix, 1.0, null, null, field);
    }

    /** Uses left of a fault rule: how many calls it has not answered yet (0 once the faults were cleared). */
    protected static int remaining(FaultRule rule) {
        return simulator.context().getBean(Faults.class).rules().stream()
                .filter(r -> r.id().equals(rule.id()))
                .findFirst()
                .map(FaultRule::remaining)
                .orElse(0);
    }

    /** The payer pays the order at WeChat through the simulator's control API. */
    protected static void pay(String orderId) throws Exception {
        String body = "{\"mchid\":\"" + TestMerchant.MCHID + "\",\"out_trade_no\":\"" + orderId + "\"}";
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/sim/v1/payments"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("pay " + orderId + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** The test merchant's order as WeChat's ledger holds it. */
    protected static Order ledgerOrder(String orderId) {
        return simulator.ledger().order(TestMerchant.MCHID, orderId).orElseThrow();
    }

    /** The trade state of the order in WeChat's ledger, for example {@code NOTPAY}. */
    protected static String ledgerState(String orderId) {
        return ledgerOrder(orderId).state().name();
    }

    /** Events of this order in the outbox: everything the service ever decided to publish for it. */
    protected long outboxEvents(String orderId) {
        return jdbc.sql("select count(*) from outbox_event where ce_subject = ?")
                .param(orderId)
                .query(Long.class)
                .single();
    }

    /** Whether the service's idempotent consumer has processed the message with this ce_id. */
    protected boolean processed(String ceId) {
        return jdbc.sql("select count(*) from processed_message where ce_id = ?")
                        .param(ceId)
                        .query(Long.class)
                        .single()
                == 1;
    }

    /** Rows a worker could not settle because they threw (platform's DueBatch), by exception. */
    protected double workFailures(String worker, String reason) {
        Counter counter = meters.find("orderflow.work.failures")
                .tags("worker", worker, "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
