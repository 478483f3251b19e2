package io.orderflow.simulator.control;

import io.orderflow.simulator.SimulatedTime;
import io.orderflow.simulator.fault.Faults;
import io.orderflow.simulator.ledger.TradeEvents.OrderPrepaid;
import io.orderflow.simulator.ledger.Trades;
import java.time.Duration;
import org.springframework.context.event.EventListener;

/**
 * For load tests: pays a share of newly prepaid orders after a delay, as if users completed
 * checkout. The share is drawn from the fault seed, so runs are reproducible.
 */
public class AutoPayer {

    /** Settings; {@code mchid} null means every merchant. */
    record Settings(double share, Duration delay, String mchid) {}

    private final Trades trades;

    private final SimulatedTime time;

    private final Faults faults;

    private volatile Settings settings;

    public AutoPayer(Trades trades, SimulatedTime time, Faults faults) {
        this.trades = trades;
        this.time = time;
        this.faults = faults;
    }

    void configure(Settings settings) {
        this.settings = settings;
    }

    Settings settings() {
        return settings;
    }

    @EventListener
    void on(OrderPrepaid event) {
        Settings current = settings;
        var order = event.order();
        if (current == null || (current.mchid() != null && !current.mchid().equals(order.mchid()))) {
            return;
        }
        if (faults.draw() < current.share()) {
            // the user may have closed the order meanwhile: then paying is rightly refused
            time.after(current.delay(), () -> {
                try {
                    trades.pay(order, true);
                } catch (RuntimeException refused) {
                    // closed or already paid by someone else: nothing to do, as for a real user
                }
            });
        }
    }
}
