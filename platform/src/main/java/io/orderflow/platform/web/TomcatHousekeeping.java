package io.orderflow.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.catalina.Server;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * How often each idle Tomcat of a service looks at its connections: the application's and the management server's
 * (the management context's events reach this listener through its parent).
 *
 * <p>A connector's poller returns from its select once a second ({@code orderflow.tomcat.selector-timeout}, Tomcat's
 * default) when nothing happens, only to look for idle keep-alive connections to close: any event (a new connection,
 * data) ends the select at once, so a longer interval only lets an idle connection stay open that much longer. Set
 * after start: the poller reads the interval on each turn. (Tomcat's housekeeping pool cannot be made smaller than
 * two threads: {@code StandardServer.setUtilityThreads} refuses to go below its default.)
 */
public class TomcatHousekeeping implements ApplicationListener<WebServerInitializedEvent> {

    private final Duration selectorTimeout;

    private final List<Connector> connectors = new CopyOnWriteArrayList<>();

    public TomcatHousekeeping(Duration selectorTimeout) {
        if (selectorTimeout.isNegative() || selectorTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "orderflow.tomcat.selector-timeout must be positive: " + selectorTimeout);
        }
        this.selectorTimeout = selectorTimeout;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getWebServer() instanceof TomcatWebServer tomcat) {
            apply(tomcat.getTomcat().getServer());
        }
    }

    /** The connectors set so far: the application server's and the management server's, once both have started. */
    public List<Connector> connectors() {
        return List.copyOf(connectors);
    }

    void apply(Server server) {
        for (org.apache.catalina.Service service : server.findServices()) {
            for (Connector connector : service.findConnectors()) {
                connector.setProperty("selectorTimeout", String.valueOf(selectorTimeout.toMillis()));
                connectors.add(connector);
            }
        }
    }
}
