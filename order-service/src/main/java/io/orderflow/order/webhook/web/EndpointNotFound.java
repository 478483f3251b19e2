package io.orderflow.order.webhook.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The 404 of an operation on one of the shop's webhook endpoints by its id, documented once for every such
 * operation. Springdoc reads the {@link ApiResponse} it is meta-annotated with.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "404", description = "no such endpoint for this shop (WEBHOOK_ENDPOINT_NOT_FOUND)")
@interface EndpointNotFound {}
