package io.orderflow.platform.web;

import org.apache.coyote.Processor;
import org.apache.coyote.http11.Http11NioProtocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

/**
 * Tomcat's NIO connector, with its check for timed-out asynchronous requests running only once there is such a
 * request.
 *
 * <p>Tomcat checks every waiting asynchronous request for its timeout once a second, on the server's utility threads,
 * from the moment the connector starts: with two connectors per service (application and management server) that is
 * two wake-ups a second of two utility threads each, in every idle replica. The services never start an asynchronous
 * request (no {@code DeferredResult}, no server-sent events: a shop's {@code Prefer: wait} holds its request thread),
 * so the check has nothing to look at. Here it starts with the first asynchronous request a connector sees and then
 * runs as Tomcat's does until the connector stops; Tomcat's own once-a-minute monitor, which restarts a check that
 * died, keeps running and finds nothing to start while no request waits.
 */
public class OnDemandAsyncTimeoutProtocol extends Http11NioProtocol {

    /** Makes the factory's connector this one (it names the protocol class; Tomcat makes the instance). */
    public static void install(TomcatServletWebServerFactory factory) {
        factory.setProtocol(OnDemandAsyncTimeoutProtocol.class.getName());
    }

    @Override
    protected synchronized void startAsyncTimeout() {
        if (getWaitingProcessorCount() > 0) {
            super.startAsyncTimeout();
        }
    }

    @Override
    public void addWaitingProcessor(Processor processor) {
        super.addWaitingProcessor(processor);
        startAsyncTimeout();
    }
}
