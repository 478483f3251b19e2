package io.orderflow.systemtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Every service killed ({@code kill -9}) once in each phase of a scenario, payments, refunds and closes, before a
 * seeded action of that phase (never the first: the phase is under way), and started again at once, as
 * Kubernetes would. Two kills are aimed at a moment: order-service while it applies PaymentNotified
 * ({@link ApplyingPaymentKill}) and payment-service between WeChat's refund and its commit ({@link HeldRefundKill}).
 * By the end of each phase every service is ready again. {@link #kills()} says what was killed where.
 */
final class MidPhaseKills implements Disruption {

    static final List<String> SERVICES =
            List.of("order-service", "payment-service", "notify-service", "reconcile-service");
    private static final Duration READY = Duration.ofMinutes(3);

    /** One kill: the service, the phase, the action it came before, and whether the process was running then. */
    record Kill(Phase phase, String service, int before, int of, boolean wasRunning) {}

    private final OrderflowSystem system;
    private final Random random;
    private final Map<Phase, Map<String, Integer>> plan = new EnumMap<>(Phase.class);
    private final Set<String> killed = new LinkedHashSet<>();
    private final List<Kill> kills = new ArrayList<>();
    private final ApplyingPaymentKill applying;
    private final HeldRefundKill heldRefund;
    private Set<String> paymentsInWindow = Set.of();
    private int heldRefundKills;

    MidPhaseKills(OrderflowSystem system, long seed) {
        this.system = system;
        this.random = new Random(seed);
        this.applying = new ApplyingPaymentKill(system);
        this.heldRefund = new HeldRefundKill(system);
    }

    @Override
    public void before(Phase phase, int index, List<String> orderIds) {
        Map<String, Integer> due = plan.computeIfAbsent(phase, p -> draw(orderIds.size()));
        due.forEach((service, at) -> {
            if (at != index) {
                return;
            }
            kills.add(new Kill(
                    phase,
                    service,
                    index,
                    orderIds.size(),
                    system.service(service).handle().isAlive()));
            killed.add(service);
            if (phase == Phase.PAYMENTS && service.equals("order-service")) {
                applying.arm(orderIds.subList(index, orderIds.size()));
            } else if (phase == Phase.REFUNDS && service.equals("payment-service")) {
                heldRefund.arm();
            } else {
                system.service(service).kill();
                system.service(service).start();
            }
        });
    }

    @Override
    public void after(Phase phase) {
        if (phase == Phase.PAYMENTS) {
            paymentsInWindow = applying.awaitLanded(READY);
        } else if (phase == Phase.REFUNDS) {
            heldRefundKills = heldRefund.awaitHeldKills(READY);
        }
        killed.forEach(service -> system.service(service).awaitReady(READY));
        killed.clear();
    }

    List<Kill> kills() {
        return List.copyOf(kills);
    }

    /** Payments whose SUCCESS order-service had not announced when it was killed applying one of them. */
    Set<String> paymentsInWindow() {
        return paymentsInWindow;
    }

    /** Kills of payment-service that fell while WeChat held the answer to a refund it had made. */
    int heldRefundKills() {
        return heldRefundKills;
    }

    /** Each service's action to die before: any but the first, so the phase is under way. */
    private Map<String, Integer> draw(int actions) {
        Map<String, Integer> due = new LinkedHashMap<>();
        SERVICES.forEach(service -> due.put(service, actions < 2 ? 0 : 1 + random.nextInt(actions - 1)));
        return due;
    }
}
