package io.orderflow.simulator.callback;

import io.orderflow.simulator.SimulatedTime;
import io.orderflow.simulator.SimulatorProperties;
import io.orderflow.simulator.fault.Faults;
import io.orderflow.simulator.keys.KeyRing;
import io.orderflow.simulator.ledger.Ledger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires notification building and delivery. */
@Configuration(proxyBeanMethods = false)
public class CallbackConfiguration {

    @Bean
    CallbackDispatcher callbackDispatcher(
            KeyRing keys,
            SimulatedTime time,
            JsonMapper json,
            Faults faults,
            SimulatorProperties properties,
            Ledger ledger) {
        var sender = new CallbackSender(time, properties.getCallbackTimeout());
        var notifications = new Notifications(keys, time, json);
        return new CallbackDispatcher(notifications, sender, time, faults, new Forgeries(notifications, ledger));
    }
}
