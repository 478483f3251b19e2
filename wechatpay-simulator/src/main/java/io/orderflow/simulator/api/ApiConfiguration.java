package io.orderflow.simulator.api;

import io.orderflow.simulator.SimulatedTime;
import io.orderflow.simulator.fault.Faults;
import io.orderflow.simulator.fault.Holds;
import io.orderflow.simulator.keys.KeyRing;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the /v3 request pipeline: authentication, faults, signing, the journal, and the names of its request threads. */
@Configuration(proxyBeanMethods = false)
public class ApiConfiguration {

    @Bean
    ResponseSigner responseSigner(KeyRing keys, SimulatedTime time) {
        return new ResponseSigner(keys, time);
    }

    /** Request threads named like the simulator's others ({@code simulator-http-7}), not Jetty's {@code qtp…}. */
    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> simulatorThreadNames() {
        return factory -> factory.addServerCustomizers(server -> {
            if (server.getThreadPool() instanceof QueuedThreadPool pool) {
                pool.setName("simulator-http");
            }
        });
    }

    @Bean
    ApiJournal apiJournal() {
        return new ApiJournal();
    }

    @Bean
    ApiExchangeFilter apiExchangeFilter(
            KeyRing keys,
            SimulatedTime time,
            ResponseSigner signer,
            Faults faults,
            Holds holds,
            ApiJournal journal,
            JsonMapper json) {
        return new ApiExchangeFilter(
                new RequestAuthenticator(keys, time),
                signer,
                faults,
                new ErrorWriter(json),
                holds,
                journal,
                time,
                json);
    }
}
