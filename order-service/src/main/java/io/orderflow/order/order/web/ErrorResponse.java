package io.orderflow.order.order.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;

/**
 * One error response of a shop API operation in the OpenAPI document: its status code and description, with the
 * {@link ApiError} body every error has written once here. Springdoc reads it as the {@link ApiResponse} it is
 * meta-annotated with (it looks {@code @ApiResponse} up as a merged, repeatable annotation).
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(ErrorResponse.Repeated.class)
@ApiResponse(content = @Content(schema = @Schema(implementation = ApiError.class)))
@interface ErrorResponse {

    /** The HTTP status code, e.g. {@code "409"}. */
    @AliasFor(annotation = ApiResponse.class, attribute = "responseCode")
    String code();

    /** When the operation answers so, with the error codes it can carry. */
    @AliasFor(annotation = ApiResponse.class, attribute = "description")
    String description();

    /** The container of several {@link ErrorResponse}s on one operation. */
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @interface Repeated {
        ErrorResponse[] value();
    }
}
