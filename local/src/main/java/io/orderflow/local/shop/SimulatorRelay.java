package io.orderflow.local.shop;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the simulator's WeixinJSBridge shim and the two calls it makes on the shop's own origin. Inside
 * WeChat the client injects the bridge into any page; outside, the shim talks to the simulator, which does
 * not answer cross-origin requests, so the shop relays exactly these paths and nothing else.
 */
@RestController
class SimulatorRelay {

    private static final Set<String> PATHS = Set.of("/sim/v1/jsbridge.js", "/sim/v1/jsapi/verify", "/sim/v1/payments");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final DemoShopProperties properties;

    SimulatorRelay(DemoShopProperties properties) {
        this.properties = properties;
    }

    @RequestMapping({"/sim/v1/jsbridge.js", "/sim/v1/jsapi/verify", "/sim/v1/payments"})
    ResponseEntity<byte[]> relay(HttpServletRequest request, @RequestBody(required = false) byte[] body)
            throws InterruptedException {
        if (!properties.usesSimulator() || !PATHS.contains(request.getRequestURI())) {
            return ResponseEntity.notFound().build();
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(
                        URI.create(properties.simulatorUrl() + request.getRequestURI()))
                .timeout(Duration.ofSeconds(10));
        if ("POST".equals(request.getMethod())) {
            forward.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body == null ? new byte[0] : body));
        }
        try {
            HttpResponse<byte[]> answer = HTTP.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            return ResponseEntity.status(answer.statusCode())
                    .header(
                            "Content-Type",
                            answer.headers().firstValue("Content-Type").orElse("application/json"))
                    .body(answer.body());
        } catch (IOException e) {
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).build();
        }
    }
}
