package io.orderflow.order.order.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestParam;

/** The OpenAPI document's header: fixed server and the shop signature scheme, so the document is stable. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "orderflow shop API", version = "v1", description = """
                Create WeChat Pay JSAPI orders, get the pay params, read, list, close and refund them. \
                Every request is signed: Authorization: ORDERFLOW-HMAC-SHA256 shop_id="…",timestamp="…",nonce="…",\
                signature="…" with signature = Base64(HMAC-SHA256(secret, METHOD\\npath?query\\ntimestamp\\nnonce\\nbody\\n)). \
                Errors are {"code", "message"} with stable codes."""),
        servers = @Server(url = "/"))
@SecurityScheme(
        name = OpenApiConfiguration.SHOP_SIGNATURE,
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER,
        paramName = "Authorization",
        description = "ORDERFLOW-HMAC-SHA256 shop_id=\"…\",timestamp=\"…\",nonce=\"…\",signature=\"…\"")
class OpenApiConfiguration {

    static final String SHOP_SIGNATURE = "shopSignature";

    /** The list's {@code status} parameter names every status of the status type (an annotation cannot). */
    @Bean
    ParameterCustomizer statusParameter() {
        return (parameter, method) -> {
            RequestParam param = method.getParameterAnnotation(RequestParam.class);
            if (parameter != null
                    && method.getDeclaringClass() == OrderController.class
                    && param != null
                    && "status".equals(param.name())) {
                parameter.setDescription(ListParameters.statuses(" or "));
            }
            return parameter;
        };
    }
}
