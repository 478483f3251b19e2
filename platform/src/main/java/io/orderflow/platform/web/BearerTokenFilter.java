package io.orderflow.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards operator and admin paths (order-service's {@code /admin/**}, reconcile-service's {@code /reconcile/**})
 * with {@code Authorization: Bearer <token>}, the token being {@value #PROPERTY} and compared in constant time.
 * Without a configured token the paths are closed: every call answers 401. Only the {@code local} profile of a
 * service sets a development token (ADR 0015). Answers in the services' error shape,
 * {@code {"code":"ADMIN_TOKEN_INVALID","message":…}}, with {@code WWW-Authenticate: Bearer}.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    /** The setting that holds the token; {@code ORDERFLOW_ADMIN_TOKEN} in the environment. */
    public static final String PROPERTY = "orderflow.admin.token";

    /**
     * The filter with the configured {@code token}, registered first in front of {@code urlPatterns}: how each service
     * puts its admin or operator path behind the token.
     */
    public static FilterRegistrationBean<BearerTokenFilter> registration(String token, String... urlPatterns) {
        FilterRegistrationBean<BearerTokenFilter> registration =
                new FilterRegistrationBean<>(new BearerTokenFilter(token));
        registration.addUrlPatterns(urlPatterns);
        registration.setOrder(0);
        return registration;
    }

    public static final String CODE = "ADMIN_TOKEN_INVALID";
    private static final String BEARER = "Bearer ";

    private final byte[] token;

    /** @param token the expected token; null or blank closes the paths */
    public BearerTokenFilter(String token) {
        this.token = token == null || token.isBlank() ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        byte[] presented = header != null && header.startsWith(BEARER)
                ? header.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        if (token.length == 0 || !MessageDigest.isEqual(token, presented)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter()
                    .write("{\"code\":\"" + CODE + "\",\"message\":\"Authorization must be Bearer <"
                            + PROPERTY + ">"
                            + (token.length == 0 ? "; no token is configured, so this path is closed" : "")
                            + "\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
