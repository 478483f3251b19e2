package io.orderflow.order.shop.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /admin/**} with {@code Authorization: Bearer <orderflow.admin.token>}, compared in
 * constant time. Without a configured token the admin path is closed.
 */
class AdminTokenFilter extends OncePerRequestFilter {

    private final byte[] token;

    AdminTokenFilter(String token) {
        this.token = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        byte[] presented = header != null && header.startsWith("Bearer ")
                ? header.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (token.length == 0 || !MessageDigest.isEqual(token, presented)) {
            response.setHeader("WWW-Authenticate", "Bearer");
            ErrorJson.write(response, 401, "ADMIN_TOKEN_INVALID", "Authorization must be Bearer <admin token>");
            return;
        }
        chain.doFilter(request, response);
    }
}
