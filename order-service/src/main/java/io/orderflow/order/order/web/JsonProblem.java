package io.orderflow.order.order.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Names the JSON field that could not be read, when Jackson knows it, and what was wrong with it. */
final class JsonProblem {

    private JsonProblem() {}

    /** The error a shop gets for a body Jackson refused: BODY_INVALID, or FIELD_INVALID for forbidden text. */
    static ApiError of(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
            return new ApiError("FIELD_INVALID", path(invalid) + " " + StrictJson.Text.NUL_REFUSED);
        }
        return new ApiError("BODY_INVALID", "the request body is not the expected JSON: " + describe(cause));
    }

    private static String describe(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "unknown field " + path(unknown);
        }
        if (cause instanceof JacksonException jackson && !path(jackson).isEmpty()) {
            return path(jackson) + " has the wrong type or format (numbers must be JSON integers, text JSON strings)";
        }
        return "malformed JSON";
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
        }
        return path.toString();
    }
}
