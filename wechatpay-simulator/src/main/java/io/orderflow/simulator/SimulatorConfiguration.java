package io.orderflow.simulator;

import io.orderflow.simulator.bill.BillFiles;
import io.orderflow.simulator.bill.Bills;
import io.orderflow.simulator.control.AutoPayer;
import io.orderflow.simulator.fault.Faults;
import io.orderflow.simulator.fault.Holds;
import io.orderflow.simulator.keys.KeyRing;
import io.orderflow.simulator.keys.KeyRingFactory;
import io.orderflow.simulator.ledger.Ledger;
import io.orderflow.simulator.ledger.RefundStatus;
import io.orderflow.simulator.ledger.Refunds;
import io.orderflow.simulator.ledger.Trades;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The simulator's state and use cases, all in memory. */
@Configuration(proxyBeanMethods = false)
class SimulatorConfiguration {

    @Bean
    SimulatedTime simulatedTime(SimulatorProperties properties) {
        return new SimulatedTime(properties.getTimeScale());
    }

    @Bean
    KeyRing keyRing(SimulatorProperties properties) {
        return KeyRingFactory.create(properties);
    }

    @Bean
    Ledger ledger() {
        return new Ledger();
    }

    @Bean
    Faults faults(SimulatorProperties properties) {
        return new Faults(properties.getFaultSeed());
    }

    @Bean
    Holds holds() {
        return new Holds();
    }

    @Bean
    Trades trades(Ledger ledger, SimulatedTime time, ApplicationEventPublisher events) {
        return new Trades(ledger, time, events);
    }

    @Bean
    Refunds refunds(
            Ledger ledger, SimulatedTime time, ApplicationEventPublisher events, SimulatorProperties properties) {
        return new Refunds(
                ledger, time, events, properties.getRefundDelay(), RefundStatus.valueOf(properties.getRefundOutcome()));
    }

    @Bean
    BillFiles billFiles() {
        return new BillFiles();
    }

    @Bean
    Bills bills(Ledger ledger, SimulatedTime time, SimulatorProperties properties) {
        return new Bills(ledger, time, properties.isBillsBeforeReady());
    }

    @Bean
    AutoPayer autoPayer(Trades trades, SimulatedTime time, Faults faults) {
        return new AutoPayer(trades, time, faults);
    }
}
