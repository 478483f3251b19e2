package io.orderflow.simulator.api;

import io.orderflow.simulator.SimulatedTime;
import io.orderflow.simulator.fault.FaultKind;
import io.orderflow.simulator.fault.FaultRule;
import io.orderflow.simulator.fault.Faults;
import io.orderflow.simulator.fault.Holds;
import io.orderflow.simulator.ledger.ApiError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wraps every /v3 call: authenticate the merchant, apply API faults, run the endpoint, then sign
 * whatever it answered (200, 204 and errors alike) and note it in the {@link ApiJournal}. Bill
 * downloads stay unsigned as at WeChat.
 */
public class ApiExchangeFilter extends OncePerRequestFilter {

    /** Request attribute holding the authenticated mchid for the controllers. */
    public static final String MCHID = "simulator.mchid";

    /** Request attribute holding the API fault that fired for this call, for faults the endpoint applies. */
    public static final String FAULT = "simulator.fault";

    private final RequestAuthenticator authenticator;

    private final ResponseSigner signer;

    private final Faults faults;

    private final ErrorWriter errors;

    private final Holds holds;

    private final ApiJournal journal;

    private final SimulatedTime time;

    private final JsonMapper json;

    ApiExchangeFilter(
            RequestAuthenticator authenticator,
            ResponseSigner signer,
            Faults faults,
            ErrorWriter errors,
            Holds holds,
            ApiJournal journal,
            SimulatedTime time,
            JsonMapper json) {
        this.authenticator = authenticator;
        this.signer = signer;
        this.faults = faults;
        this.errors = errors;
        this.holds = holds;
        this.journal = journal;
        this.time = time;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v3/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        var wrapped = new CachedBodyRequest(request, body);
        var out = new ContentCachingResponseWrapper(response);
        try {
            if (!handle(wrapped, out, chain, new String(body, StandardCharsets.UTF_8))) {
                note(request, 0, new byte[0]);
                ConnectionDrop.drop(request);
                return;
            }
        } catch (ApiError error) {
            out.resetBuffer();
            errors.write(out, error);
        }
        if (!request.getRequestURI().startsWith(BillController.DOWNLOAD_PATH)) {
            signer.sign(out, request.getHeader("Wechatpay-Serial"), out.getContentAsByteArray());
        }
        note(request, out.getStatus(), out.getContentAsByteArray());
        if (!request.getRequestURI().startsWith(BillController.DOWNLOAD_PATH)) {
            wechatContentHeaders(request, response);
        }
        out.copyBodyToResponse();
    }

    /** JSON answers and a 204 get WeChat's spelling of their content headers ({@link WechatHeaders}). */
    private static void wechatContentHeaders(HttpServletRequest request, HttpServletResponse response) {
        String type = response.getContentType();
        boolean noContent = response.getStatus() == HttpServletResponse.SC_NO_CONTENT;
        if (noContent || type != null && type.startsWith("application/json")) {
            WechatHeaders.write(request, noContent);
        }
    }

    /** False when the connection must be dropped without an answer. */
    private boolean handle(
            HttpServletRequest request, ContentCachingResponseWrapper out, FilterChain chain, String body)
            throws ServletException, IOException {
        String target =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        var merchant =
                authenticator.authenticate(request.getMethod(), target, request.getHeader("Authorization"), body);
        request.setAttribute(MCHID, merchant.mchid());
        Optional<FaultRule> fault = faults.apiFault(merchant.mchid(), request.getRequestURI());
        fault.ifPresent(rule -> request.setAttribute(FAULT, rule));
        if (fault.isPresent() && !ApiFaults.before(fault.get())) {
            return false;
        }
        hold(fault, FaultKind.HOLD_REQUEST, request);
        chain.doFilter(request, out);
        if (fault.isPresent()) {
            byte[] answered = out.getContentAsByteArray();
            byte[] changed = ApiFaults.answer(fault.get(), answered);
            if (changed != answered) {
                out.resetBuffer();
                out.getOutputStream().write(changed);
            }
        }
        hold(fault, FaultKind.HOLD_RESPONSE, request);
        return fault.isEmpty() || ApiFaults.after(fault.get());
    }

    private void hold(Optional<FaultRule> fault, FaultKind kind, HttpServletRequest request) {
        if (fault.isPresent() && fault.get().kind() == kind) {
            holds.hold(request.getRequestURI(), Duration.ofMillis(fault.get().amount()));
        }
    }

    /** Journals the call; {@code status} 0 when the connection is dropped without an answer. */
    private void note(HttpServletRequest request, int status, byte[] answer) {
        String code = status >= 400 ? errorCode(answer) : null;
        FaultRule fault = (FaultRule) request.getAttribute(FAULT);
        journal.record(new ApiJournal.Call(
                time.now(),
                (String) request.getAttribute(MCHID),
                request.getMethod(),
                request.getRequestURI(),
                status,
                code,
                fault == null ? null : fault.kind().name()));
    }

    private String errorCode(byte[] answer) {
        try {
            return json.readTree(answer).path("code").asString(null);
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
