package io.orderflow.notify.callback.web;

import io.orderflow.notify.callback.CallbackIntake;
import io.orderflow.notify.callback.CallbackKind;
import io.orderflow.notify.callback.CallbackRejected;
import io.orderflow.notify.callback.RawCallback;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeChat Pay's notify URLs. 204 means "recorded" (or "already recorded"); 401 and 500 carry
 * WeChat's {@code {"code":"FAIL","message":…}} and make it retry on its schedule. The body is
 * read as raw bytes, bounded, and handed on unparsed: verification comes first.
 */
@RestController
@RequestMapping("/wechatpay/notify/{mchid}")
class CallbackController {

    private static final Logger log = LoggerFactory.getLogger(CallbackController.class);
    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final List<String> HEADERS = List.of(
            RawCallback.TIMESTAMP,
            RawCallback.NONCE,
            RawCallback.SIGNATURE,
            RawCallback.SERIAL,
            RawCallback.SIGNATURE_TYPE);

    private final CallbackIntake intake;

    CallbackController(CallbackIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/transaction")
    ResponseEntity<?> transaction(@PathVariable String mchid, HttpServletRequest request) {
        return receive(mchid, CallbackKind.TRANSACTION, request);
    }

    @PostMapping("/refund")
    ResponseEntity<?> refund(@PathVariable String mchid, HttpServletRequest request) {
        return receive(mchid, CallbackKind.REFUND, request);
    }

    private ResponseEntity<?> receive(String mchid, CallbackKind kind, HttpServletRequest request) {
        try {
            String body = boundedBody(request);
            if (body == null) {
                return fail(HttpStatus.PAYLOAD_TOO_LARGE, "body larger than " + MAX_BODY_BYTES + " bytes");
            }
            intake.receive(new RawCallback(mchid, kind, headers(request), body, request.getRemoteAddr()));
            return ResponseEntity.noContent().build();
        } catch (CallbackRejected e) {
            return fail(HttpStatus.UNAUTHORIZED, "verification failed");
        } catch (IOException | RuntimeException e) {
            log.error("callback for merchant {} not recorded; WeChat will retry", mchid, e);
            return fail(HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
        }
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    /** The body as text, or null when it is over the limit (declared or actual). */
    private static String boundedBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static ResponseEntity<Map<String, String>> fail(HttpStatus status, String message) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", "FAIL", "message", message));
    }
}
