package io.orderflow.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.wechat.pay.java.core.Config;
import io.orderflow.simulator.RunningSimulator;
import io.orderflow.simulator.support.Control;
import io.orderflow.simulator.support.Sdk;
import io.orderflow.simulator.support.SharedSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * WeChat keeps the connection open after its error answers; so does the simulator. Several signed requests go
 * over one raw TCP connection: each error answer (400 PARAM_ERROR, 500 SYSTEM_ERROR, 429, 404) is read whole by its
 * {@code Content-Length}, and the next request on the same socket is answered.
 */
class KeepAliveTests {

    private static final String MCHID = SharedSimulator.FAULT_MCHID;

    private final RunningSimulator simulator = SharedSimulator.get();

    private final Control control = new Control(simulator);

    private final Config config = Sdk.forGeneratedMerchant(simulator, MCHID).config();

    @AfterEach
    void clearFaults() {
        control.delete("/sim/v1/faults");
    }

    record Answer(int status, Map<String, String> headers, String body) {}

    @Test
    void oneConnectionServesTheNextRequestAfterEveryErrorAnswer() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", simulator.port())) {
            socket.setSoTimeout(10_000);
            Answer badDate = exchange(socket, "/v3/bill/tradebill?bill_date=2024-13-45");
            assertError(badDate, 400, "PARAM_ERROR");

            control.post("/sim/v1/faults", Map.of("kind", "SYSTEM_ERROR", "mchid", MCHID, "count", 1));
            Answer systemError = exchange(socket, "/v3/certificates");
            assertError(systemError, 500, "SYSTEM_ERROR");

            control.post("/sim/v1/faults", Map.of("kind", "FREQUENCY_LIMITED", "mchid", MCHID, "count", 1));
            assertError(exchange(socket, "/v3/certificates"), 429, "FREQUENCY_LIMITED");

            assertError(
                    exchange(socket, "/v3/pay/transactions/out-trade-no/NOSUCH?mchid=" + MCHID),
                    404,
                    "ORDER_NOT_EXIST");

            Answer certificates = exchange(socket, "/v3/certificates");
            assertThat(certificates.status())
                    .as("answered on the same connection")
                    .isEqualTo(200);
            assertThat(certificates.headers().get("connection")).isNotEqualToIgnoringCase("close");
        }
    }

    private static void assertError(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.body()).contains("\"code\":\"" + code + "\"");
        assertThat(answer.headers().get("content-type")).isEqualTo("application/json; charset=utf-8");
        assertThat(answer.headers().get("connection"))
                .as("Connection after " + status)
                .isNull();
    }

    /** Sends a signed GET on the socket and reads exactly one answer (status line, headers, Content-Length body). */
    private Answer exchange(Socket socket, String target) throws IOException {
        String authorization = config.createCredential()
                .getAuthorization(URI.create("https://api.mch.weixin.qq.com" + target), "GET", "");
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                        + "User-Agent: keep-alive-test\r\nAuthorization: " + authorization + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        assertThat(statusLine).as("an answer on this connection").startsWith("HTTP/1.1 ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(
                    header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    header.substring(colon + 1).trim());
        }
        assertThat(headers).as("a length, not chunks or close-delimited").containsKey("content-length");
        byte[] body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        return new Answer(
                Integer.parseInt(statusLine.substring(9, 12)), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("connection closed by the simulator after: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
