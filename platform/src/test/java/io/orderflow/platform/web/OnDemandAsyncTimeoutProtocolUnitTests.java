package io.orderflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real, started Tomcat on this connector: no timeout check while no request is asynchronous, and an asynchronous
 * request still times out when it should (Tomcat's monitor would start the check only after a minute).
 */
class OnDemandAsyncTimeoutProtocolUnitTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path base;

    private Tomcat tomcat;
    private Connector connector;

    @BeforeEach
    void start() throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        connector = new Connector(OnDemandAsyncTimeoutProtocol.class.getName());
        connector.setPort(0);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.toString());
        Wrapper servlet = Tomcat.addServlet(context, "async", new TimingOutServlet());
        servlet.setAsyncSupported(true);
        context.addServletMappingDecoded("/async", "async");
        Wrapper plain = Tomcat.addServlet(context, "plain", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                response.setStatus(204);
            }
        });
        plain.setAsyncSupported(true);
        context.addServletMappingDecoded("/plain", "plain");
        tomcat.start();
    }

    @AfterEach
    void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void noTimeoutCheckRunsWhileNoRequestIsAsynchronous() throws Exception {
        assertThat(get("/plain").statusCode()).isEqualTo(204);

        assertThat(timeoutCheck())
                .as("Tomcat's check, scheduled once a second from the start")
                .isNull();
    }

    @Test
    void anAsynchronousRequestStillTimesOutOnTime() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = get("/async");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("timed out");
        // timeout 500 ms, checked once a second: without the check started on demand the answer took a minute
        assertThat(took).isLessThan(Duration.ofSeconds(15));
        assertThat(timeoutCheck()).as("the check, once a request waited").isNotNull();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort() + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Object timeoutCheck() throws Exception {
        Field field = AbstractProtocol.class.getDeclaredField("timeoutFuture");
        field.setAccessible(true);
        return field.get(connector.getProtocolHandler());
    }

    /** Starts an asynchronous request that nobody completes: only its timeout ends it. */
    private static final class TimingOutServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            AsyncContext async = request.startAsync();
            async.setTimeout(500);
            async.addListener(new AsyncListener() {
                @Override
                public void onTimeout(AsyncEvent event) throws java.io.IOException {
                    HttpServletResponse timedOut = (HttpServletResponse) event.getSuppliedResponse();
                    timedOut.setStatus(503);
                    timedOut.getWriter().write("timed out");
                    event.getAsyncContext().complete();
                }

                @Override
                public void onComplete(AsyncEvent event) {}

                @Override
                public void onError(AsyncEvent event) {}

                @Override
                public void onStartAsync(AsyncEvent event) {}
            });
        }
    }
}
