package io.orderflow.order.webhook.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The errors both reads of the delivery log document alike: a {@code limit} out of range, and notify-service's log
 * out of reach. Springdoc reads the {@link ApiResponse}s it is meta-annotated with.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "400", description = "limit outside 1..1000 (FIELD_INVALID)")
@ApiResponse(responseCode = "503", description = "the delivery log cannot be read right now (WEBHOOK_LOG_UNAVAILABLE)")
@interface DeliveryLogErrors {}
