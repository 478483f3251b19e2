package io.orderflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.simulator.support.SharedSimulator;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/** The simulator runs on Jetty; an application embedding it keeps its own server's auto-configuration. */
class JettyForTheSimulatorOnlyTests {

    private static final String[] CANDIDATES = {
        "org.springframework.boot.jetty.autoconfigure.servlet.JettyServletWebServerAutoConfiguration",
        "org.springframework.boot.jetty.autoconfigure.metrics.JettyMetricsAutoConfiguration",
        "org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration",
        null,
        "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration"
    };

    @Test
    void theSimulatorRunsOnJetty() {
        var context = (WebServerApplicationContext) SharedSimulator.get().context();
        assertThat(context.getWebServer()).isInstanceOf(JettyWebServer.class);
        assertThat(((JettyWebServer) context.getWebServer()).getServer().getThreadPool())
                .isInstanceOfSatisfying(
                        QueuedThreadPool.class,
                        pool -> assertThat(pool.getName()).isEqualTo("simulator-http"));
    }

    @Test
    void jettysAutoConfigurationsAreLeftToTheSimulator() {
        assertThat(filter(new MockEnvironment().withProperty("spring.config.name", "wechatpay-simulator")))
                .containsExactly(true, true, true, true, true);
    }

    @Test
    void anyOtherApplicationDoesNotGetThem() {
        assertThat(filter(new MockEnvironment())).containsExactly(false, false, true, true, true);
        assertThat(filter(new MockEnvironment().withProperty("spring.config.name", "application")))
                .containsExactly(false, false, true, true, true);
    }

    private static boolean[] filter(MockEnvironment environment) {
        var filter = new JettyForTheSimulatorOnly();
        filter.setEnvironment(environment);
        return filter.match(CANDIDATES, null);
    }
}
