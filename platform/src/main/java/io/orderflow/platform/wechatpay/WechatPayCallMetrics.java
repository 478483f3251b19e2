package io.orderflow.platform.wechatpay;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Times every call of a merchant's SDK clients to WeChat Pay: {@code orderflow.wechatpay.calls} tagged with
 * the merchant, the endpoint as a template (ids replaced, so the tag stays bounded), the HTTP status and
 * WeChat's error code ({@code OK} on success, {@code IO_ERROR} when no answer came). The code is read from a
 * peeked copy of the body; the SDK still reads the whole answer.
 */
final class WechatPayCallMetrics implements Interceptor {

    static final String METER = "orderflow.wechatpay.calls";
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z][A-Z0-9_]{0,47})\"");
    private static final List<Template> TEMPLATES = List.of(
            new Template(
                    "^/v3/pay/transactions/out-trade-no/[^/]+/close$",
                    "/v3/pay/transactions/out-trade-no/{out_trade_no}/close"),
            new Template(
                    "^/v3/pay/transactions/out-trade-no/[^/]+$", "/v3/pay/transactions/out-trade-no/{out_trade_no}"),
            new Template("^/v3/pay/transactions/id/[^/]+$", "/v3/pay/transactions/id/{transaction_id}"),
            new Template("^/v3/refund/domestic/refunds/[^/]+$", "/v3/refund/domestic/refunds/{out_refund_no}"),
            new Template("^/v3/[a-z0-9/_-]+$", null));

    private final MeterRegistry meters;
    private final String mchid;

    WechatPayCallMetrics(MeterRegistry meters, String mchid) {
        this.meters = meters;
        this.mchid = mchid;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String endpoint = request.method() + " " + endpoint(request.url().encodedPath());
        long started = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            String code = response.isSuccessful() ? "OK" : errorCode(response);
            record(endpoint, String.valueOf(response.code()), code, started);
            return response;
        } catch (IOException e) {
            record(endpoint, "none", "IO_ERROR", started);
            throw e;
        }
    }

    private void record(String endpoint, String status, String code, long started) {
        Timer.builder(METER)
                .description("calls to WeChat Pay by endpoint, HTTP status and WeChat error code")
                .tags("mchid", mchid, "endpoint", endpoint, "status", status, "code", code)
                .register(meters)
                .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    static String endpoint(String path) {
        for (Template template : TEMPLATES) {
            if (template.pattern().matcher(path).matches()) {
                return template.replacement() == null ? path : template.replacement();
            }
        }
        return "other";
    }

    private static String errorCode(Response response) {
        try {
            Matcher found = CODE.matcher(response.peekBody(4096).string());
            return found.find() ? found.group(1) : "UNKNOWN";
        } catch (IOException e) {
            return "UNKNOWN";
        }
    }

    private record Template(Pattern pattern, String replacement) {
        Template(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }
    }
}
