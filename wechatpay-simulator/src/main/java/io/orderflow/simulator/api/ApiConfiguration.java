package io.orderflow.simulator.api;

import io.orderflow.simulator.SimulatedTime;
import io.orderflow.simulator.fault.Faults;
import io.orderflow.simulator.fault.Holds;
import io.orderflow.simulator.keys.KeyRing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the /v3 request pipeline: authentication, faults, signing, and the journal. */
@Configuration(proxyBeanMethods = false)
public class ApiConfiguration {

    @Bean
    ResponseSigner responseSigner(KeyRing keys, SimulatedTime time) {
        return new ResponseSigner(keys, time);
    }

    @Bean
    ApiJournal apiJournal() {
        return new ApiJournal();
    }

    @Bean
    ApiExchangeFilter apiExchangeFilter(KeyRing keys, SimulatedTime time, ResponseSigner signer, Faults faults,
            Holds holds, ApiJournal journal, JsonMapper json) {
        return new ApiExchangeFilter(new RequestAuthenticator(keys, time), signer, faults, new ErrorWriter(json),
                holds, journal, time, json);
    }
}
