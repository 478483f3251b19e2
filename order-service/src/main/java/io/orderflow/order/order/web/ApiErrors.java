package io.orderflow.order.order.web;

import io.orderflow.order.order.domain.OrderRejectedException;
import io.orderflow.order.order.usecase.OrderNotFoundException;
import io.orderflow.order.risk.RiskCode;
import io.orderflow.order.risk.RiskRefusedException;
import io.orderflow.order.shop.web.ErrorJson;
import io.orderflow.platform.messaging.DatabaseOutage;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps failures to {@code {"code", "message"}} with stable codes; the message names the field. */
@RestControllerAdvice
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    static final String REFUND_AMOUNT_EXCEEDS_REMAINING = "REFUND_AMOUNT_EXCEEDS_REMAINING";

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        FieldError field = e.getBindingResult().getFieldErrors().stream()
                .min(java.util.Comparator.comparing(FieldError::getField))
                .orElse(null);
        if (field == null) {
            return error(HttpStatus.BAD_REQUEST, "BODY_INVALID", "the request body is invalid");
        }
        String name = snakeCase(field.getField());
        String code = field.getRejectedValue() == null ? "FIELD_MISSING" : "FIELD_INVALID";
        return error(HttpStatus.BAD_REQUEST, code, name + " " + field.getDefaultMessage());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ApiError> invalid(InvalidRequestException e) {
        return error(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(JsonProblem.of(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, "FIELD_INVALID", e.getName() + " has the wrong type");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "CONTENT_TYPE_UNSUPPORTED", "send Content-Type: application/json");
    }

    @ExceptionHandler(OrderNotFoundException.class)
    ResponseEntity<ApiError> notFound(OrderNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, "ORDER_NOT_FOUND", e.getMessage());
    }

    @ExceptionHandler(OrderRejectedException.class)
    ResponseEntity<ApiError> rejected(OrderRejectedException e) {
        HttpStatus status = REFUND_AMOUNT_EXCEEDS_REMAINING.equals(e.code())
                ? HttpStatus.UNPROCESSABLE_CONTENT
                : HttpStatus.CONFLICT;
        return error(status, e.code(), e.getMessage());
    }

    /** A risk limit or blocklist refused the order: 429 with Retry-After for the rate, 403 blocked, else 422. */
    @ExceptionHandler(RiskRefusedException.class)
    ResponseEntity<ApiError> refused(RiskRefusedException e) {
        HttpStatus status = switch (e.code()) {
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case PAYER_BLOCKED -> HttpStatus.FORBIDDEN;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (e.code() == RiskCode.RATE_LIMITED) {
            response.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        return response.body(new ApiError(e.code().name(), e.getMessage()));
    }

    /** Two requests raced for the same unique value (an out_refund_no); the loser is told so. */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ApiError> duplicate(DuplicateKeyException e) {
        return error(HttpStatus.CONFLICT, "OUT_REFUND_NO_CONFLICT", "out_refund_no is already used by this merchant");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ApiError> concurrent(OptimisticLockingFailureException e) {
        return error(
                HttpStatus.CONFLICT, "ORDER_CHANGED_CONCURRENTLY", "the order changed meanwhile; retry the request");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return error(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such path: /" + e.getResourcePath());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", e.getMethod() + " is not supported here");
    }

    /** Anything unforeseen: logged here, never shown to the shop; the database being away is a 503 to retry. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (DatabaseOutage.isOutage(e)) {
            log.warn("shop request failed: the database is away ({})", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", String.valueOf(ErrorJson.OUTAGE_RETRY_AFTER_SECONDS))
                    .body(new ApiError(ErrorJson.OUTAGE_CODE, ErrorJson.OUTAGE_MESSAGE));
        }
        log.error("unexpected failure of a shop request", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "unexpected error; retry later");
    }

    static String snakeCase(String path) {
        return path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(new ApiError(code, message));
    }
}
