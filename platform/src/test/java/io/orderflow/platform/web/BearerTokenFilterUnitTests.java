package io.orderflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The bearer token in front of operator paths: closed without a token, open only to the exact one. */
class BearerTokenFilterUnitTests {

    @ParameterizedTest(name = "Authorization: {0}")
    @NullSource
    @ValueSource(
            strings = {
                "",
                "Bearer",
                "Bearer ",
                "Bearer s3cret-token-x",
                "Bearer S3CRET-TOKEN",
                "bearer s3cret-token",
                "Basic czNjcmV0LXRva2Vu",
                "s3cret-token"
            })
    void refusesAnythingButTheExactToken(String authorization) throws Exception {
        MockHttpServletResponse response = call(new BearerTokenFilter("s3cret-token"), authorization);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.getContentAsString())
                .contains("\"code\":\"ADMIN_TOKEN_INVALID\"")
                .doesNotContain("s3cret");
    }

    @Test
    void passesTheExactTokenOn() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/reconcile/v1/bills/1/2026-01-01/runs");
        request.addHeader("Authorization", "Bearer s3cret-token");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new BearerTokenFilter("s3cret-token").doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("the request went on").isSameAs(request);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @ParameterizedTest(name = "token \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   "})
    void withoutAConfiguredTokenThePathIsClosedEvenToAnEmptyBearer(String configured) throws Exception {
        for (String authorization : new String[] {null, "Bearer ", "Bearer    ", "Bearer null"}) {
            MockHttpServletResponse response = call(new BearerTokenFilter(configured), authorization);
            assertThat(response.getStatus())
                    .as("Authorization: %s", authorization)
                    .isEqualTo(401);
            assertThat(response.getContentAsString()).contains("no token is configured");
        }
    }

    private static MockHttpServletResponse call(BearerTokenFilter filter, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/reconcile/v1/stuck");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(chain.getRequest()).as("the request stopped at the filter").isNull();
        return response;
    }
}
