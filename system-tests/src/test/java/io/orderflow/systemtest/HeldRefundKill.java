package io.orderflow.systemtest;

import io.orderflow.platform.test.TestMerchant;
import io.orderflow.process.ServiceProcess;
import io.orderflow.simulator.fault.FaultKind;
import io.orderflow.simulator.fault.Faults;
import io.orderflow.simulator.fault.Holds;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Kills payment-service ({@code kill -9}) between WeChat's refund and its own commit: WeChat (the simulator's
 * HOLD_RESPONSE) creates the next refund applied for and holds its answer; payment-service is killed while it
 * waits for that answer, then the answer is let go (to a dead connection) and payment-service started again.
 * Its submission was never committed, so it must apply again with the same out_refund_no and get the same
 * refund. {@link #awaitHeldKills} returns how many kills fell on a held answer.
 */
final class HeldRefundKill {

    private static final String REFUND_PATH = "/v3/refund/domestic/refunds";

    private final OrderflowSystem system;
    private CompletableFuture<Integer> held;

    HeldRefundKill(OrderflowSystem system) {
        this.system = system;
    }

    /** Holds the answer to the next refund application and kills payment-service while it is held. */
    void arm() {
        Holds holds = system.simulator.context().getBean(Holds.class);
        int before = holds.total();
        system.simulator
                .context()
                .getBean(Faults.class)
                .add(
                        FaultKind.HOLD_RESPONSE,
                        TestMerchant.MCHID,
                        REFUND_PATH + "$",
                        1.0,
                        1,
                        Duration.ofMinutes(2).toMillis());
        held = CompletableFuture.supplyAsync(() -> {
            Awaitility.await("a refund answer held")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> holds.waiting().contains(REFUND_PATH));
            ServiceProcess payment = system.service("payment-service");
            boolean killedWhileHeld =
                    payment.handle().isAlive() && holds.waiting().contains(REFUND_PATH);
            payment.kill();
            holds.releaseAll();
            payment.start();
            return killedWhileHeld ? holds.total() - before : 0;
        });
    }

    Integer awaitHeldKills(Duration atMost) {
        if (held == null) {
            return 0;
        }
        try {
            return held.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("payment-service was not killed while WeChat held a refund's answer", e);
        }
    }
}
