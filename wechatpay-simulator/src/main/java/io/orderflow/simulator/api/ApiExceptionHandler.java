package io.orderflow.simulator.api;

import io.orderflow.simulator.ledger.ApiError;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure under /v3 into WeChat's JSON error body, so nothing leaves unsigned or as HTML. */
@RestControllerAdvice
class ApiExceptionHandler {

    @ExceptionHandler(ApiError.class)
    ResponseEntity<Map<String, Object>> apiError(ApiError error) {
        return ResponseEntity.status(error.status())
                .contentType(MediaType.parseMediaType(ErrorWriter.JSON))
                .body(ErrorWriter.body(error));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException ex) {
        String name = ex.getParameterName();
        return apiError(ApiError.paramError(name, "query", "输入源“/query/" + name + "”必填，此字段为必填项"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
        return apiError(ApiError.paramError("/", "body", "请求体不是合法的JSON"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noSuchPath(NoResourceFoundException ex) {
        return apiError(new ApiError(404, "NOT_FOUND", "接口不存在"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> wrongContentType(HttpMediaTypeNotSupportedException ex) {
        return apiError(ApiError.paramError("Content-Type", "header", "Content-Type 必须为 application/json"));
    }

    /** Anything unforeseen still answers in WeChat's JSON shape, since clients parse every error body. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception ex) {
        return apiError(new ApiError(500, "SYSTEM_ERROR", "系统错误"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> wrongMethod(HttpRequestMethodNotSupportedException ex) {
        return apiError(new ApiError(405, "METHOD_NOT_ALLOWED", "不支持的请求方法"));
    }
}
