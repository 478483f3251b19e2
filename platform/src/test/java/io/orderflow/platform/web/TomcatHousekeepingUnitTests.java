package io.orderflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.net.NioEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real, started Tomcat: its poller's select interval changes while it runs. */
class TomcatHousekeepingUnitTests {

    @TempDir
    Path base;

    private Tomcat tomcat;

    @BeforeEach
    void start() throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        tomcat.start();
    }

    @AfterEach
    void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void theRunningPollerSelectsWithTheConfiguredInterval() throws Exception {
        NioEndpoint endpoint = endpoint(tomcat.getConnector());
        assertThat(endpoint.getSelectorTimeout()).as("Tomcat's default").isEqualTo(1_000L);

        new TomcatHousekeeping(Duration.ofSeconds(10)).apply(tomcat.getServer());

        assertThat(endpoint.getSelectorTimeout()).isEqualTo(10_000L);
    }

    @Test
    void refusesAnIntervalThatCannotWork() {
        assertThatThrownBy(() -> new TomcatHousekeeping(Duration.ZERO))
                .hasMessageContaining("orderflow.tomcat.selector-timeout");
    }

    private static NioEndpoint endpoint(Connector connector) throws Exception {
        Field field = org.apache.coyote.AbstractProtocol.class.getDeclaredField("endpoint");
        field.setAccessible(true);
        return (NioEndpoint) field.get(connector.getProtocolHandler());
    }
}
