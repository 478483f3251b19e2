package io.orderflow.order.shop.web;

import io.orderflow.order.shop.Shop;
import io.orderflow.order.shop.ShopAuthentication;
import io.orderflow.order.shop.ShopAuthenticationException;
import io.orderflow.order.shop.SignedRequest;
import io.orderflow.platform.messaging.DatabaseOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every shop API request before anything parses it: refuses bodies over the
 * limit (413), checks the {@code Authorization} header and signature (401 with a code that says
 * what failed), and hands the authenticated {@link Shop} to the controllers as the request
 * attribute {@value #SHOP}.
 */
public class ShopAuthenticationFilter extends OncePerRequestFilter {

    /** The request attribute holding the authenticated {@link Shop}. */
    public static final String SHOP = "orderflow.shop";

    private final ShopAuthentication authentication;
    private final int maxBodyBytes;

    ShopAuthenticationFilter(ShopAuthentication authentication, int maxBodyBytes) {
        this.authentication = authentication;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<byte[]> body = readBody(request);
        if (body.isEmpty()) {
            ErrorJson.write(response, 413, "BODY_TOO_LARGE", "the request body exceeds " + maxBodyBytes + " bytes");
            return;
        }
        Optional<AuthorizationHeader> header = AuthorizationHeader.parse(request.getHeader("Authorization"));
        if (header.isEmpty()) {
            response.setHeader("WWW-Authenticate", AuthorizationHeader.SCHEME);
            ErrorJson.write(
                    response,
                    401,
                    ShopAuthenticationException.AUTHORIZATION_INVALID,
                    "Authorization must be " + AuthorizationHeader.SCHEME
                            + " shop_id=\"…\",timestamp=\"…\",nonce=\"…\",signature=\"…\"");
            return;
        }
        try {
            Shop shop = authentication.authenticate(signed(request, header.get(), body.get()));
            request.setAttribute(SHOP, shop);
        } catch (ShopAuthenticationException e) {
            response.setHeader("WWW-Authenticate", AuthorizationHeader.SCHEME);
            ErrorJson.write(response, 401, e.code(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isOutage(e)) {
                throw e;
            }
            // the shops and nonces are in the database: the request can be retried as it is once it is back
            response.setHeader("Retry-After", String.valueOf(ErrorJson.OUTAGE_RETRY_AFTER_SECONDS));
            ErrorJson.write(response, 503, ErrorJson.OUTAGE_CODE, ErrorJson.OUTAGE_MESSAGE);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body.get()), response);
    }

    private static SignedRequest signed(HttpServletRequest request, AuthorizationHeader header, byte[] body) {
        String query = request.getQueryString();
        String pathAndQuery = request.getRequestURI() + (query == null ? "" : "?" + query);
        return new SignedRequest(
                header.shopId(),
                header.timestamp(),
                header.nonce(),
                header.signature(),
                request.getMethod(),
                pathAndQuery,
                body);
    }

    /** The whole body, or empty when it is longer than the limit. */
    private Optional<byte[]> readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            return Optional.empty();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            return body.length > maxBodyBytes ? Optional.empty() : Optional.of(body);
        }
    }
}
